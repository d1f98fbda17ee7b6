#include "platform/preferences.h"

#include <emscripten.h>

#include <cstdlib>

namespace {
// Keys are prefixed so the page's other localStorage users cannot collide with ours.
EM_JS(char*, js_preference_get, (const char* key), {
    try {
        const v = localStorage.getItem("inkspan.pref." + UTF8ToString(key));
        if (v === null) return 0;
        const n = lengthBytesUTF8(v) + 1;
        const p = _malloc(n);
        stringToUTF8(v, p, n);
        return p;
    } catch (e) { return 0; }
});
EM_JS(void, js_preference_set, (const char* key, const char* value), {
    try { localStorage.setItem("inkspan.pref." + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
EM_JS(void, js_preferences_clear, (), {
    try {
        for (const k of Object.keys(localStorage)) if (k.startsWith("inkspan.pref.")) localStorage.removeItem(k);
    } catch (e) {}
});
}  // namespace

namespace inkspan::platform {

std::optional<std::string> preference(std::string_view key) {
    char* v = js_preference_get(std::string(key).c_str());
    if (!v) return std::nullopt;
    std::string out(v);
    std::free(v);
    return out;
}

void set_preference(std::string_view key, std::string_view value) {
    js_preference_set(std::string(key).c_str(), std::string(value).c_str());
}

void clear_preferences() { js_preferences_clear(); }

}  // namespace inkspan::platform
