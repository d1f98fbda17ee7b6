#include "platform/preferences.h"

#include <map>

namespace inkspan::platform {
namespace {
std::map<std::string, std::string, std::less<>>& values() {
    static std::map<std::string, std::string, std::less<>> kept;
    return kept;
}
}  // namespace

std::optional<std::string> preference(std::string_view key) {
    const auto it = values().find(key);
    if (it == values().end()) return std::nullopt;
    return it->second;
}

void set_preference(std::string_view key, std::string_view value) { values()[std::string(key)] = std::string(value); }

void clear_preferences() { values().clear(); }

}  // namespace inkspan::platform
