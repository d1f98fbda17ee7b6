#include "platform/input_web.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>

#include <cstring>
#include <string>

#include "platform/browser.h"

namespace inkspan::platform {
namespace {

// KeyboardEvent.code (the physical key) → ImGui key, for every key ImGui names.
ImGuiKey key_from_code(const char* code) {
    struct Entry { const char* code; ImGuiKey key; };
    static const Entry table[] = {
        {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
        {"Enter", ImGuiKey_Enter}, {"Tab", ImGuiKey_Tab}, {"Escape", ImGuiKey_Escape},
        {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete}, {"Insert", ImGuiKey_Insert},
        {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Space", ImGuiKey_Space},
        {"ShiftLeft", ImGuiKey_LeftShift}, {"ShiftRight", ImGuiKey_RightShift},
        {"ControlLeft", ImGuiKey_LeftCtrl}, {"ControlRight", ImGuiKey_RightCtrl},
        {"AltLeft", ImGuiKey_LeftAlt}, {"AltRight", ImGuiKey_RightAlt},
        {"MetaLeft", ImGuiKey_LeftSuper}, {"MetaRight", ImGuiKey_RightSuper},
        {"OSLeft", ImGuiKey_LeftSuper}, {"OSRight", ImGuiKey_RightSuper}, {"ContextMenu", ImGuiKey_Menu},
        {"CapsLock", ImGuiKey_CapsLock}, {"ScrollLock", ImGuiKey_ScrollLock}, {"NumLock", ImGuiKey_NumLock},
        {"PrintScreen", ImGuiKey_PrintScreen}, {"Pause", ImGuiKey_Pause},
        {"F1", ImGuiKey_F1}, {"F2", ImGuiKey_F2}, {"F3", ImGuiKey_F3}, {"F4", ImGuiKey_F4},
        {"F5", ImGuiKey_F5}, {"F6", ImGuiKey_F6}, {"F7", ImGuiKey_F7}, {"F8", ImGuiKey_F8},
        {"F9", ImGuiKey_F9}, {"F10", ImGuiKey_F10}, {"F11", ImGuiKey_F11}, {"F12", ImGuiKey_F12},
        {"Numpad0", ImGuiKey_Keypad0}, {"Numpad1", ImGuiKey_Keypad1}, {"Numpad2", ImGuiKey_Keypad2},
        {"Numpad3", ImGuiKey_Keypad3}, {"Numpad4", ImGuiKey_Keypad4}, {"Numpad5", ImGuiKey_Keypad5},
        {"Numpad6", ImGuiKey_Keypad6}, {"Numpad7", ImGuiKey_Keypad7}, {"Numpad8", ImGuiKey_Keypad8},
        {"Numpad9", ImGuiKey_Keypad9}, {"NumpadDecimal", ImGuiKey_KeypadDecimal},
        {"NumpadDivide", ImGuiKey_KeypadDivide}, {"NumpadMultiply", ImGuiKey_KeypadMultiply},
        {"NumpadSubtract", ImGuiKey_KeypadSubtract}, {"NumpadAdd", ImGuiKey_KeypadAdd},
        {"NumpadEnter", ImGuiKey_KeypadEnter}, {"NumpadEqual", ImGuiKey_KeypadEqual},
    };
    for (const auto& e : table)
        if (std::strcmp(code, e.code) == 0) return e.key;
    return ImGuiKey_None;
}

// Letters, digits and punctuation by the character the layout produces (so Ctrl+Z is Ctrl+Z on
// AZERTY too); keys that type nothing of these fall back to their physical place (e.code).
ImGuiKey key_from_character(const char* key) {
    if (key[0] == 0 || key[1] != 0) return ImGuiKey_None;
    char c = key[0];
    if (c >= 'a' && c <= 'z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'a'));
    if (c >= 'A' && c <= 'Z') return static_cast<ImGuiKey>(ImGuiKey_A + (c - 'A'));
    if (c >= '0' && c <= '9') return static_cast<ImGuiKey>(ImGuiKey_0 + (c - '0'));
    switch (c) {
        case '=': case '+': return ImGuiKey_Equal;
        case '-': case '_': return ImGuiKey_Minus;
        case '/': case '?': return ImGuiKey_Slash;
        case ',': case '<': return ImGuiKey_Comma;
        case '.': case '>': return ImGuiKey_Period;
        case ';': case ':': return ImGuiKey_Semicolon;
        case '\'': case '"': return ImGuiKey_Apostrophe;
        case '[': case '{': return ImGuiKey_LeftBracket;
        case ']': case '}': return ImGuiKey_RightBracket;
        case '\\': case '|': return ImGuiKey_Backslash;
        case '`': case '~': return ImGuiKey_GraveAccent;
        default: return ImGuiKey_None;
    }
}

// Punctuation by its physical place, for layouts whose character there is not ASCII.
ImGuiKey punctuation_from_code(const char* code) {
    struct Entry { const char* code; ImGuiKey key; };
    static const Entry table[] = {
        {"Minus", ImGuiKey_Minus}, {"Equal", ImGuiKey_Equal}, {"BracketLeft", ImGuiKey_LeftBracket},
        {"BracketRight", ImGuiKey_RightBracket}, {"Backslash", ImGuiKey_Backslash}, {"Semicolon", ImGuiKey_Semicolon},
        {"Quote", ImGuiKey_Apostrophe}, {"Backquote", ImGuiKey_GraveAccent}, {"Comma", ImGuiKey_Comma},
        {"Period", ImGuiKey_Period}, {"Slash", ImGuiKey_Slash}, {"IntlBackslash", ImGuiKey_Oem102},
    };
    for (const auto& e : table)
        if (std::strcmp(code, e.code) == 0) return e.key;
    return ImGuiKey_None;
}

// Ctrl is Ctrl and Meta (Cmd, the Windows key) is Super; on macOS ImGui swaps them itself
// (io.ConfigMacOSXBehaviors), so Cmd+Z undoes there and Ctrl+Z here.
void update_modifiers(bool ctrl, bool shift, bool alt, bool meta) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(ImGuiMod_Super, meta);
}

EM_JS(int, js_is_apple, (), {
    const p = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || "";
    return /mac|iphone|ipad|ipod/i.test(p) ? 1 : 0;
});

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

// Text input (web/inkspan-ime.js): while an ImGui text field is active a hidden textarea at its
// caret has the focus; the browser types into it (IMEs, dead keys, compose sequences, the emoji
// picker, insertText) and the committed text arrives through inkspan_ime_text. Keydowns then only
// carry keys, never characters, so each character reaches ImGui exactly once.
EM_JS(int, js_ime_focused, (), { return Module.inkspanIme && Module.inkspanIme.focused() ? 1 : 0; });
EM_JS(void, js_ime_update, (int want, float x, float y, float line_height), {
    if (Module.inkspanIme) Module.inkspanIme.update(!!want, x, y, line_height);
});

bool& ime_composing() {
    static bool composing = false;
    return composing;
}

// `key` holds exactly one printable code point (what typing this key inserts).
bool is_printable(const char* key) {
    const unsigned char lead = static_cast<unsigned char>(key[0]);
    if (lead < 0x20 || lead == 0x7F) return false;
    const std::size_t len = std::strlen(key);
    const std::size_t want = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return len == want;
}

// A control of the accessible mirror (web/inkspan-a11y.js) has the focus: its keys are the
// browser's (Enter and Space activate it), not the canvas's.
EM_JS(int, js_mirror_focused, (), {
    const a = document.activeElement;
    return a && a.closest && a.closest("#a11y-mirror") ? 1 : 0;
});

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    if (js_mirror_focused()) return EM_FALSE;
    ImGuiIO& io = ImGui::GetIO();
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    const bool text_field = js_ime_focused() != 0;
    // Keys an input method is handling (keyCode 229, "Process", or any key while composing) are
    // its own: Enter commits the composition, arrows move in it. ImGui sees none of them.
    if (text_field && (ime_composing() || e->keyCode == 229 || std::strcmp(e->key, "Process") == 0)) {
        request_frames();
        return EM_FALSE;
    }
    update_modifiers(e->ctrlKey, e->shiftKey, e->altKey, e->metaKey);
    ImGuiKey key = key_from_code(e->code);
    if (key == ImGuiKey_None) key = key_from_character(e->key);
    if (key == ImGuiKey_None) key = punctuation_from_code(e->code);
    const bool is_paste = (e->ctrlKey || e->metaKey) && std::strcmp(e->code, "KeyV") == 0;
    if (key != ImGuiKey_None && !is_paste) io.AddKeyEvent(key, down);  // paste: see on_paste
    const bool printable = is_printable(e->key);
    const bool shortcut = (e->ctrlKey || e->metaKey) && !e->altKey;  // Ctrl+Alt is AltGr on Windows
    // Printable characters become text input here only when no text field has the focus (label
    // hotkeys, the palette's type-to-filter); in a field the textarea's input event brings them.
    if (down && printable && !e->ctrlKey && !e->metaKey && !text_field) io.AddInputCharactersUTF8(e->key);
    request_frames();
    if (browser_keeps(e)) return EM_FALSE;
    // In a text field the browser must see what types text (characters, dead keys, AltGr) so it
    // lands in the textarea; named keys and shortcuts stay ours.
    if (text_field && !shortcut && (printable || key == ImGuiKey_None)) return EM_FALSE;
    return EM_TRUE;
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

// The window's own focus and blur (not its elements': the textarea taking the focus from the canvas
// is no focus loss for ImGui, which would drop the field it is typing into).
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
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "inkspan_web";
    io.BackendFlags |= ImGuiBackendFlags_HasMouseCursors;
    io.ConfigInputTrickleEventQueue = true;
    io.ConfigMacOSXBehaviors = js_is_apple() != 0;
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
    emscripten_set_focus_callback(win, nullptr, false, on_focus);
    emscripten_set_blur_callback(win, nullptr, false, on_focus);
    emscripten_set_resize_callback(win, nullptr, false, on_resize);
    // ImGui says when a text field is active and where its caret is (CSS pixels, top of the line):
    // the textarea goes there, so the IME's candidate window opens at the caret.
    ImGui::GetPlatformIO().Platform_SetImeDataFn = [](ImGuiContext*, ImGuiViewport*, ImGuiPlatformImeData* data) {
        js_ime_update(data->WantTextInput || data->WantVisible, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
    };
}

const char* css_cursor(const char* wanted) {
    if (ImGui::GetIO().MouseDrawCursor) return "none";
    switch (ImGui::GetMouseCursor()) {
        case ImGuiMouseCursor_None: return "none";
        case ImGuiMouseCursor_Arrow: return wanted;  // no widget asked: what the app wants (the text view's)
        case ImGuiMouseCursor_TextInput: return "text";
        case ImGuiMouseCursor_ResizeAll: return "move";
        case ImGuiMouseCursor_ResizeNS: return "ns-resize";
        case ImGuiMouseCursor_ResizeEW: return "ew-resize";
        case ImGuiMouseCursor_ResizeNESW: return "nesw-resize";
        case ImGuiMouseCursor_ResizeNWSE: return "nwse-resize";
        case ImGuiMouseCursor_Hand: return "pointer";
        case ImGuiMouseCursor_Wait: return "wait";
        case ImGuiMouseCursor_Progress: return "progress";
        case ImGuiMouseCursor_NotAllowed: return "not-allowed";
        default: return wanted;
    }
}

}  // namespace inkspan::platform

// Called by web/inkspan-ime.js.
extern "C" {

// Text the browser committed into the hidden textarea (typed, composed, picked, pasted by an IME).
EMSCRIPTEN_KEEPALIVE void inkspan_ime_text(const char* utf8) {
    ImGui::GetIO().AddInputCharactersUTF8(utf8);
    inkspan::platform::request_frames();
}

// Whether an input method is composing (its keys are not ours meanwhile).
EMSCRIPTEN_KEEPALIVE void inkspan_ime_composing(int composing) {
    inkspan::platform::ime_composing() = composing != 0;
    inkspan::platform::request_frames();
}

// An edit a virtual keyboard sent without a keydown: 0 Backspace, 1 Delete, 2 Enter.
EMSCRIPTEN_KEEPALIVE void inkspan_ime_key(int which) {
    const ImGuiKey key = which == 0 ? ImGuiKey_Backspace : which == 1 ? ImGuiKey_Delete : ImGuiKey_Enter;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(key, true);
    io.AddKeyEvent(key, false);
    inkspan::platform::request_frames();
}

}  // extern "C"
