#pragma once
// The user's small choices kept across visits (e.g. which CoNLL column holds the tags): string
// values by key. Web: the page's localStorage (nothing kept when the browser refuses it, e.g.
// storage disabled or full: a preference is a convenience, never data). Native: a map that lives
// as long as the process (tests start over with clear_preferences).
#include <optional>
#include <string>
#include <string_view>

namespace inkspan::platform {

[[nodiscard]] std::optional<std::string> preference(std::string_view key);
void set_preference(std::string_view key, std::string_view value);
void clear_preferences();

}  // namespace inkspan::platform
