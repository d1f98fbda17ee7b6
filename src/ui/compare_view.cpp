#include "ui/compare_view.h"

#include <algorithm>

#include "core/adjudication_steps.h"
#include "core/compare_colors.h"
#include "core/layers.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_text.h"

namespace inkspan::ui {
namespace {

std::string quoted_text(const Document& doc, const Span& s) {
    std::string t(doc.span_text(s));
    if (t.size() > 40) t = t.substr(0, 37) + "…";
    return "“" + t + "”";
}

std::string row_words(const Document& a, const Document& b, const DiffItem& item) {
    switch (item.kind) {
        case DiffKind::LabelConflict: return quoted_text(a, *item.a) + ": " + item.a->label + " | " + item.b->label;
        case DiffKind::BoundaryConflict:
        case DiffKind::Overlap:
            return quoted_text(a, *item.a) + " " + item.a->label + " | " + quoted_text(b, *item.b) + " " + item.b->label;
        case DiffKind::OnlyA: return quoted_text(a, *item.a) + " " + item.a->label;
        case DiffKind::OnlyB: return quoted_text(b, *item.b) + " " + item.b->label;
        case DiffKind::RelationOnlyA:
        case DiffKind::RelationOnlyB: {
            const Document& d = item.kind == DiffKind::RelationOnlyA ? a : b;
            const Span* head = d.find_span(item.relation->head);
            const Span* tail = d.find_span(item.relation->tail);
            return item.relation->type + ": " + (head ? quoted_text(d, *head) : "?") + " → " + (tail ? quoted_text(d, *tail) : "?");
        }
        case DiffKind::Agreement: break;
    }
    return "";
}

}  // namespace

std::optional<std::string> CompareView::open_on(const Corpus& corpus, const Document& a) {
    const auto group = layer_group(corpus, a.id());
    const auto self = std::find(group.begin(), group.end(), &a);
    if (group.size() < 2 || self == group.end())
        return "Compare needs another annotator's layer of this document (import their file as a layer)";
    const auto other = self + 1 != group.end() ? self + 1 : self - 1;
    b_id_ = (*other)->id();
    open_ = true;
    current_.reset();
    std::get<0>(key_) = ~0ull;
    return std::nullopt;
}

void CompareView::refresh(const Corpus& corpus, const Document& a, std::uint64_t revision, ThemeKind theme) {
    if (!open_) return;
    const Document* b = corpus.find_document(b_id_);
    const Document* base_a = base_document(corpus, a.id());
    if (!b || !base_a || base_document(corpus, b_id_) != base_a || b == &a) {  // another group opened, or B deleted
        if (auto refused = open_on(corpus, a)) { close(); return; }
        b = corpus.find_document(b_id_);
    }
    const auto key = std::make_tuple(revision, a.id(), b_id_, corpus.documents.size(), theme);
    if (key == key_) return;
    key_ = key;
    theme_ = theme;
    const LayerDiff diff = diff_layers(a, *b);
    marks_.clear();
    rows_.clear();
    std::copy(std::begin(diff.count), std::end(diff.count), counts_.begin());
    for (const DiffItem& item : diff.items) {
        const bool relation = item.kind == DiffKind::RelationOnlyA || item.kind == DiffKind::RelationOnlyB;
        marks_.push_back({item.start, item.end, to_imu32(diff_color(theme, item.kind)), relation});
        if (item.disagrees()) rows_.push_back({item.kind, item.start, item.end, row_words(a, *b, item)});
    }
    if (current_ && *current_ >= rows_.size()) current_.reset();
}

std::optional<std::size_t> CompareView::step(bool forward) {
    if (rows_.empty()) return std::nullopt;
    const std::size_t n = rows_.size();
    if (!current_) current_ = forward ? 0 : n - 1;
    else current_ = forward ? (*current_ + 1) % n : (*current_ + n - 1) % n;
    scroll_to_current_ = true;
    return current_;
}

CompareView::Request CompareView::draw(const Corpus& corpus, const Document& a, const Theme& theme, const Fonts& fonts) {
    Request out;
    section_title("COMPARE");
    const auto group = layer_group(corpus, a.id());
    auto member_combo = [&](const char* label, const std::string& chosen, auto on_pick) {
        const Document* shown = corpus.find_document(chosen);
        ImGui::SetNextItemWidth(-1);
        if (begin_combo(fonts, label, shown ? annotator_name(*shown) : "")) {
            for (const Document* m : group) {
                ImGui::PushID(m->id().c_str());
                if (selectable(fonts, annotator_name(*m), m->id() == chosen)) on_pick(m->id());
                ImGui::PopID();
            }
            ImGui::EndCombo();
        }
    };
    ImGui::TextUnformatted("A (shown)");
    member_combo("##compare-a", a.id(), [&](const std::string& id) { if (id != a.id()) out.open_a = id; });
    ImGui::TextUnformatted("B");
    member_combo("##compare-b", b_id_, [&](const std::string& id) { if (id != a.id()) { b_id_ = id; current_.reset(); } });
    if (ImGui::Button("Close compare (Esc)")) out.close = true;

    section_title("LEGEND");
    for (std::size_t k = 0; k < kDiffKinds; ++k) {
        const DiffKind kind = static_cast<DiffKind>(k);
        color_swatch(to_imu32(diff_color(theme_, kind)));
        ImGui::Text("%s  %zu", std::string(diff_kind_name(kind)).c_str(), counts_[k]);
    }

    section_title("DISAGREEMENTS (N / Shift+N)");
    if (rows_.empty()) ImGui::TextDisabled("None: A and B agree everywhere.");
    ImGui::BeginChild("##disagreements");
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        color_swatch(to_imu32(diff_color(theme_, rows_[i].kind)));
        if (selectable(fonts, std::string(diff_kind_name(rows_[i].kind)) + " · " + rows_[i].words, current_ == i))
            out.go_to = i;
        if (current_ == i && scroll_to_current_) {
            ImGui::SetScrollHereY(0.5f);
            scroll_to_current_ = false;
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    (void)theme;
    return out;
}

}  // namespace inkspan::ui
