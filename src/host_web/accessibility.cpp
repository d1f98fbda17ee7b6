// The host's side of the accessible mirror (issue 19): hands web/inkspan-a11y.js the App's
// description of what is visible when it changed, and takes back what the page asks: a mirrored
// control activated, the page's media preferences.
#include <emscripten/emscripten.h>

#include <string>

#include "core/accessible_view.h"
#include "host_web/host.h"
#include "platform/browser.h"
#include "ui/app.h"

namespace inkspan::host {
namespace {

EM_JS(void, js_accessible_view, (const char* json), {
    if (Module.inkspanA11y) Module.inkspanA11y(UTF8ToString(json));
});

}  // namespace

void sync_accessibility(ui::App& app) {
    Host& h = host();
    if (app.accessible_version() == h.accessible_version_sent) return;
    h.accessible_version_sent = app.accessible_version();
    const std::string json = accessible_view_json(app.accessible_view(), app.accessible_version());
    js_accessible_view(json.c_str());
}

void apply_page_preferences(ui::App& app) {
    const int bits = EM_ASM_INT({ return window.InkspanA11y ? InkspanA11y.preferenceBits() : 0; });
    app.set_preferences((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0);
}

}  // namespace inkspan::host

extern "C" {

// A mirrored control was activated: "undo", "doc:2", "span:T1", "label:PER", "select:5:12"…
EMSCRIPTEN_KEEPALIVE void inkspan_a11y_action(const char* action) {
    inkspan::host::host().app->queue_action(action);
}

// prefers-color-scheme: dark, prefers-contrast: more, prefers-reduced-motion: reduce.
EMSCRIPTEN_KEEPALIVE void inkspan_set_preferences(int dark, int high_contrast, int reduced_motion) {
    inkspan::host::host().app->set_preferences(dark != 0, high_contrast != 0, reduced_motion != 0);
    inkspan::platform::request_frames();
}

}  // extern "C"
