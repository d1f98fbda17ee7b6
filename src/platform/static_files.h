#pragma once
// Files of the app's own static folder fetched on demand (fonts/manifest.json, fallback fonts).
// The answer arrives later, on the main thread, through the callback the caller gives; nothing
// here knows who asked. Web: fetch() relative to the page. Native: read from a folder.
#include <functional>
#include <string>

namespace inkspan::platform {

// ok=false with a message when the file could not be fetched.
using StaticFileDone = std::function<void(bool ok, std::string bytes)>;

void fetch_static_file(const std::string& path, StaticFileDone done);

// Native hosts: the folder fetch_static_file reads from (e.g. the web build's dist/). Unset,
// every fetch fails. The web build ignores it.
void set_static_root(const std::string& folder);

// How many fetches have been started / are still waiting for their answer (tests, stats).
[[nodiscard]] int static_files_requested();
[[nodiscard]] int static_files_pending();

}  // namespace inkspan::platform
