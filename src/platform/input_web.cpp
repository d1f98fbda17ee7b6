#include "platform/input_web.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cstring>
#include <string>

#include "platform/browser.h"

namespace inkspan::platform {
namespace {

ImGuiKey key_from_code(const char* code) {
    struct Entry { const char* code; ImGuiKey key; };
    static const Entry table[] = {
        {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
        {"Enter", ImGuiKey_Enter}, {"NumpadEnter", ImGuiKey_KeypadEnter}, {"Tab", ImGuiKey_Tab},
        {"Escape", ImGuiKey_Escape}, {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete},
        {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Insert", ImGuiKey_Insert}, {"Space", ImGuiKey_Space},
        {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
        {"AltLeft", ImGuiKey_LeftAlt}, {"AltRight", ImGuiKey_RightAlt},
        {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
        {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F4", ImGuiKey_F4},
    };
    for (const auto& e : table)
        if (std::strcmp(code, e.code) == 0) return e.key;
    return ImGuiKey_None;
}

// Letters, digits and a few symbols by the character the layout produces (so Ctrl+Z is Ctrl+Z on
// AZERTY too).
ImGuiKey key_from_character(const char* key) {
    if (key[0] == 0 || key[1] != 0) return ImGuiKey_None;
    char c = key[0];
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
    switch (c) {
        case '=': case '+': return ImGuiKey_Equal;
        case '-': case '_': return ImGuiKey_Minus;
        case '/': return ImGuiKey_Slash;
        default: return ImGuiKey_None;
    }
}

void update_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl || meta);  // Cmd acts as Ctrl on macOS
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, false);
}

// Keys the browser keeps: reload, devtools, fullscreen, and the clipboard shortcuts (their
// copy/paste events carry the data; see web/inkspan.js).
bool browser_keeps(const EmscriptenKeyboardEvent* e) {
    const bool mod = e->ctrlKey || e->metaKey;
    const std::string code = e->code;
    if (code == "F5" || code == "F11" || code == "F12") return true;
    if (mod && (code == "KeyR" || code == "KeyV" || code == "KeyC" || code == "KeyX")) return true;
    if (mod && e->shiftKey && code == "KeyI") return true;
    return false;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    update_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    ImGuiKey key = key_from_code(e->code);
    if (key == ImGuiKey_None) key = key_from_character(e->key);
    const bool is_paste = (e->ctrlKey || e->metaKey) && std::strcmp(e->code, "KeyV") == 0;
    if (key != ImGuiKey_None && !is_paste) io.AddKeyEvent(key, down);  // paste: see on_paste
    // Printable characters (a single code point in `key`) become text input.
    if (down && !e->ctrlKey && !e->metaKey && e->key[0] != 0) {
        const unsigned char lead = static_cast<unsigned char>(e->key[0]);
        const std::size_t len = std::strlen(e->key);
        const std::size_t want = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (len == want && lead >= 0x20) io.AddInputCharactersUTF8(e->key);
    }
    request_frames();
    return browser_keeps(e) ? EM_FALSE : EM_TRUE;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    update_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    io.AddMousePosEvent(static_cast<float>(e->clientX), static_cast<float>(e->clientY));
    if (type == EMSCRIPTEN_EVENT_MOUSEDOWN || type == EMSCRIPTEN_EVENT_MOUSEUP) {
        const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
        if (button >= 0) io.AddMouseButtonEvent(button, type == EMSCRIPTEN_EVENT_MOUSEDOWN);
    }
    request_frames();
    return type == EMSCRIPTEN_EVENT_MOUSEDOWN ? EM_TRUE : EM_FALSE;
}

EM_BOOL on_mouse_leave(int, const EmscriptenMouseEvent*, void*) {
    if (!ImGui::IsAnyMouseDown()) ImGui::GetIO().AddMousePosEvent(-FLT_MAX, -FLT_MAX);
    request_frames();
    return EM_FALSE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    update_modifiers(e->mouse.ctrlKey, e->mouse.shiftKey, e->mouse.altKey, e->mouse.metaKey);
    // deltaMode: 0 pixels, 1 lines, 2 pages. ImGui counts in "notches" of about 5 lines.
    const double scale = e->deltaMode == 0 ? 1.0 / 100.0 : e->deltaMode == 1 ? 1.0 / 3.0 : 3.0;
    io.AddMouseWheelEvent(static_cast<float>(-e->deltaX * scale), static_cast<float>(-e->deltaY * scale));
    request_frames();
    return EM_TRUE;  // no page scroll or browser zoom (Ctrl+wheel is ours)
}

// One finger acts as a mouse with the touch-screen source (ImGui then uses touch-friendly drag
// thresholds); the UI reads long presses from it.
EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    if (e->numTouches < 1) return EM_FALSE;
    const EmscriptenTouchPoint& t = e->touches[0];
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(static_cast<float>(t.clientX), static_cast<float>(t.clientY));
    if (type == EMSCRIPTEN_EVENT_TOUCHSTART) io.AddMouseButtonEvent(0, true);
    if (type == EMSCRIPTEN_EVENT_TOUCHEND || type == EMSCRIPTEN_EVENT_TOUCHCANCEL) io.AddMouseButtonEvent(0, false);
    request_frames();
    return EM_TRUE;  // no synthetic mouse events, no page scroll
}

EM_BOOL on_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGui::GetIO().AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    request_frames();
    return EM_FALSE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    request_frames();
    return EM_FALSE;
}

}  // namespace

void install_input_handlers(const char* canvas) {
    const char* win = EMSCRIPTEN_EVENT_TARGET_WINDOW;
    emscripten_set_keydown_callback(win, nullptr, true, on_key);
    emscripten_set_keyup_callback(win, nullptr, true, on_key);
    emscripten_set_mousedown_callback(canvas, nullptr, true, on_mouse);
    emscripten_set_mouseup_callback(win, nullptr, true, on_mouse);
    emscripten_set_mousemove_callback(win, nullptr, true, on_mouse);
    emscripten_set_mouseleave_callback(canvas, nullptr, true, on_mouse_leave);
    emscripten_set_wheel_callback(canvas, nullptr, false, on_wheel);
    emscripten_set_touchstart_callback(canvas, nullptr, false, on_touch);
    emscripten_set_touchmove_callback(canvas, nullptr, false, on_touch);
    emscripten_set_touchend_callback(canvas, nullptr, false, on_touch);
    emscripten_set_touchcancel_callback(canvas, nullptr, false, on_touch);
    emscripten_set_focus_callback(win, nullptr, true, on_focus);
    emscripten_set_blur_callback(win, nullptr, true, on_focus);
    emscripten_set_resize_callback(win, nullptr, false, on_resize);
}

}  // namespace inkspan::platform
