#include "ui/font_set.h"

#include "platform/static_files.h"

namespace inkspan::ui {

FontSet::FontSet() : state_(std::make_shared<State>()) {}

void FontSet::set_body_font(std::vector<char> ttf) {
    state_->body = std::move(ttf);
    state_->changed = true;
}

void FontSet::want(std::string_view text, const HasGlyph& has_glyph) {
    std::vector<char32_t> added;
    for (const char32_t cp : drawn_code_points(text)) {
        if (state_->wanted.count(cp) || (has_glyph && has_glyph(cp))) continue;
        state_->wanted.insert(cp);
        added.push_back(cp);
    }
    if (!added.empty()) fetch_needed(state_, added);
}

void FontSet::set_variant(const std::string& variant, std::string_view document_text) {
    if (variant == state_->variant) return;
    state_->variant = variant;
    state_->changed = true;
    std::vector<char32_t> cps;
    for (const char32_t cp : drawn_code_points(document_text))
        if (state_->wanted.count(cp)) cps.push_back(cp);
    if (!cps.empty()) fetch_needed(state_, cps);
}

void FontSet::fetch_needed(const std::shared_ptr<State>& state, const std::vector<char32_t>& cps) {
    if (cps.empty()) return;
    const std::weak_ptr<State> weak = state;
    if (state->manifest_state == State::Manifest::NotFetched) {
        state->manifest_state = State::Manifest::Pending;
        state->pending.insert("manifest.json");
        platform::fetch_static_file("fonts/manifest.json", [weak](bool ok, std::string bytes) {
            const auto s = weak.lock();
            if (!s) return;
            s->pending.erase("manifest.json");
            auto manifest = ok ? parse_font_manifest(bytes) : Result<FontManifest>(make_error(ErrorKind::NotFound, bytes));
            if (!manifest.ok()) {
                s->manifest_state = State::Manifest::Failed;
                s->error = "Fonts for other scripts are unavailable (" + manifest.error().message + ").";
                return;
            }
            s->manifest = std::move(manifest.value());
            s->manifest_state = State::Manifest::Ready;
            fetch_needed(s, std::vector<char32_t>(s->wanted.begin(), s->wanted.end()));
        });
        return;
    }
    if (state->manifest_state != State::Manifest::Ready) return;
    for (const std::size_t i : fonts_needed(state->manifest, cps, state->variant)) {
        const std::string file = state->manifest.fonts[i].file;
        if (state->loaded.count(file) || state->pending.count(file) || state->failed.count(file)) continue;
        state->pending.insert(file);
        platform::fetch_static_file("fonts/" + file, [weak, file](bool ok, std::string bytes) {
            const auto s = weak.lock();
            if (!s) return;
            s->pending.erase(file);
            if (!ok || bytes.empty()) {
                s->failed.insert(file);
                s->error = "The font " + file + " could not be loaded (" + bytes + ").";
                return;
            }
            s->loaded.emplace(file, std::vector<char>(bytes.begin(), bytes.end()));
            s->changed = true;
        });
    }
}

std::vector<const std::vector<char>*> FontSet::files() {
    std::vector<const std::vector<char>*> out{&state_->body};
    std::set<std::string> added;
    // The document's variant first (its Han glyphs win), then files of other variants (for names).
    for (const bool own_variant : {true, false})
        for (const FontFile& f : state_->manifest.fonts) {
            if ((f.variant.empty() || f.variant == state_->variant) != own_variant) continue;
            const auto it = state_->loaded.find(f.file);
            if (it != state_->loaded.end() && added.insert(f.file).second) out.push_back(&it->second);
        }
    state_->changed = false;
    return out;
}

std::vector<std::string> FontSet::loaded() const {
    std::vector<std::string> out;
    for (const auto& [file, bytes] : state_->loaded) out.push_back(file);
    return out;
}

bool FontSet::fetching(char32_t cp) const {
    if (state_->manifest_state == State::Manifest::Pending) return true;
    const auto i = font_for(state_->manifest, cp, state_->variant);
    return i && state_->pending.count(state_->manifest.fonts[*i].file) > 0;
}

}  // namespace inkspan::ui
