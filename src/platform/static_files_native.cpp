// Native stand-in of static_files.h: reads from a folder, answers at once.
#include <fstream>
#include <iterator>

#include "platform/static_files.h"

namespace inkspan::platform {
namespace {
struct NativeFiles {
    std::string root;
    int requested = 0;
};
NativeFiles& files() {
    static NativeFiles f;
    return f;
}
}  // namespace

void set_static_root(const std::string& folder) { files().root = folder; }

void fetch_static_file(const std::string& path, StaticFileDone done) {
    ++files().requested;
    if (files().root.empty()) return done(false, path + ": no static folder");
    std::ifstream in(files().root + "/" + path, std::ios::binary);
    if (!in) return done(false, path + ": not found");
    done(true, std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
}

int static_files_requested() { return files().requested; }
int static_files_pending() { return 0; }

}  // namespace inkspan::platform
