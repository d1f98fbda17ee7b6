#include "ui/font_set.h"

#include "platform/static_files.h"

namespace inkspan::ui {

FontSet::FontSet() : state_(std::make_shared<State>()) {}

void FontSet::set_body_font(std::vector<char> ttf) {
    state_->body = std::move(ttf);
    state_->changed = true;
}

void FontSet::want(std::string_view text, const HasGlyph& has_glyph) { want(drawn_code_points(text), has_glyph); }

void FontSet::want(std::span<const char32_t> drawn, const HasGlyph& has_glyph) {
    std::vector<char32_t> added;
    for (const char32_t cp : drawn) {
        if (state_->wanted.count(cp) || (has_glyph && has_glyph(cp))) continue;
        state_->wanted.insert(cp);
        added.push_back(cp);
    }
    if (!added.empty()) fetch_needed(state_, added, state_->variant);
}

void FontSet::set_variant(const std::string& variant, std::span<const char32_t> document_drawn) {
    if (variant == state_->variant) return;
    state_->variant = variant;
    // The variant orders the loaded fonts of a variant (files()); with none loaded, the fonts
    // built stay as they are (no rebuild, no second layout of the first screen).
    for (const FontFile* f : state_->catalog.fonts())
        if (!f->variant.empty() && state_->loaded.count(f->file)) {
            state_->changed = true;
            break;
        }
    std::vector<char32_t> cps;
    for (const char32_t cp : document_drawn)
        if (state_->wanted.count(cp)) cps.push_back(cp);
    if (!cps.empty()) fetch_needed(state_, cps, variant);
}

void FontSet::fetch_needed(const std::shared_ptr<State>& state, const std::vector<char32_t>& cps, const std::string& variant) {
    if (cps.empty()) return;
    if (state->manifest_state == State::Manifest::NotFetched) {
        state->manifest_state = State::Manifest::Pending;
        state->pending.insert("manifest.json");
        state->requested.push_back("manifest.json");
        const std::weak_ptr<State> weak = state;
        platform::fetch_static_file("fonts/manifest.json", [weak](bool ok, std::string bytes) {
            const auto s = weak.lock();
            if (!s) return;
            s->pending.erase("manifest.json");
            auto index = ok ? parse_font_manifest(bytes) : Result<FontManifest>(make_error(ErrorKind::NotFound, bytes));
            if (!index.ok()) {
                s->manifest_state = State::Manifest::Failed;
                s->error = "Fonts for other scripts are unavailable (" + index.error().message + ").";
                return;
            }
            s->catalog = FontCatalog(std::move(index.value()));
            s->manifest_state = State::Manifest::Ready;
            fetch_needed(s, std::vector<char32_t>(s->wanted.begin(), s->wanted.end()), s->variant);
        });
        return;
    }
    if (state->manifest_state != State::Manifest::Ready) return;
    for (const char32_t cp : cps) {
        const FontCatalog::Choice choice = state->catalog.choose(cp, variant);
        if (choice.font) {
            fetch_font(state, choice.font->file);
        } else if (choice.slice_map && !state->failed.count(state->catalog.index().slice_maps[*choice.slice_map].file)) {
            state->awaiting[*choice.slice_map].emplace_back(cp, variant);
            fetch_slice_map(state, *choice.slice_map);  // (the native stand-in answers at once)
        }
    }
}

void FontSet::fetch_font(const std::shared_ptr<State>& state, const std::string& file) {
    if (state->loaded.count(file) || state->pending.count(file) || state->failed.count(file)) return;
    state->pending.insert(file);
    state->requested.push_back(file);
    const std::weak_ptr<State> weak = state;
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

void FontSet::fetch_slice_map(const std::shared_ptr<State>& state, std::size_t map) {
    const std::string file = state->catalog.index().slice_maps[map].file;
    if (state->catalog.has_slice_map(map) || state->pending.count(file) || state->failed.count(file)) return;
    state->pending.insert(file);
    state->requested.push_back(file);
    const std::weak_ptr<State> weak = state;
    platform::fetch_static_file("fonts/" + file, [weak, file, map](bool ok, std::string bytes) {
        const auto s = weak.lock();
        if (!s) return;
        s->pending.erase(file);
        const Status added = ok ? s->catalog.add_slice_map(map, bytes) : Status(make_error(ErrorKind::NotFound, bytes));
        const auto waiting = std::move(s->awaiting[map]);
        s->awaiting.erase(map);
        if (!added.ok()) {
            s->failed.insert(file);
            s->error = "The font list " + file + " could not be loaded (" + added.error().message + ").";
            return;
        }
        // The code points that waited for it, each in the variant it was asked for.
        std::map<std::string, std::vector<char32_t>> by_variant;
        for (const auto& [cp, variant] : waiting) by_variant[variant].push_back(cp);
        for (const auto& [variant, cps] : by_variant) fetch_needed(s, cps, variant);
    });
}

std::vector<const std::vector<char>*> FontSet::files() {
    std::vector<const std::vector<char>*> out{&state_->body};
    std::set<std::string> added;
    // The document's variant first (its Han glyphs win), then files of other variants (for names).
    const std::vector<const FontFile*> known = state_->catalog.fonts();
    for (const bool own_variant : {true, false})
        for (const FontFile* f : known) {
            if ((f->variant.empty() || f->variant == state_->variant) != own_variant) continue;
            const auto it = state_->loaded.find(f->file);
            if (it != state_->loaded.end() && added.insert(f->file).second) out.push_back(&it->second);
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
    if (state_->manifest_state != State::Manifest::Ready) return false;
    const FontCatalog::Choice choice = state_->catalog.choose(cp, state_->variant);
    if (choice.font) return state_->pending.count(choice.font->file) > 0;
    return choice.slice_map && state_->pending.count(state_->catalog.index().slice_maps[*choice.slice_map].file) > 0;
}

}  // namespace inkspan::ui
