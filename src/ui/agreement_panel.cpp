// The Agreement window: choices, the figures per pair and per label, the confusion heat map.
#include "ui/agreement_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/color_contrast.h"
#include "core/corpus_agreement.h"
#include "core/formats/format_util.h"
#include "platform/browser.h"
#include "ui/shaped_text.h"

namespace inkspan::ui {
namespace {

constexpr ImGuiTableFlags kTableFlags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;

// A frame's time for the panel's work: the first step is always taken (so the work moves on however
// slow the machine), the next ones while time is left.
class WorkBudget {
public:
    explicit WorkBudget(double ms) : until_(platform::monotonic_ms() + ms) {}
    bool another_step() { return !std::exchange(stepped_, true) || platform::monotonic_ms() < until_; }

private:
    double until_;
    bool stepped_ = false;
};

std::string key(const char* measure, std::string_view a, std::string_view b, std::string_view label) {
    return std::string(measure) + '|' + std::string(a) + '|' + std::string(b) + '|' + std::string(label);
}

Rgba mix(Rgba from, Rgba to, float t) {
    auto m = [t](std::uint8_t x, std::uint8_t y) { return static_cast<std::uint8_t>(x + (y - x) * t + 0.5f); };
    return {m(from.r, to.r), m(from.g, to.g), m(from.b, to.b), 255};
}

void header(const char* text) {
    ImGui::Spacing();
    ImGui::TextDisabled("%s", text);
}

}  // namespace

std::string figure_text(std::optional<double> value) {
    if (!value) return "—";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", *value);
    return buf;
}

void AgreementPanel::work(const Corpus& corpus, std::uint64_t revision, const Document* current) {
    WorkBudget budget(work_budget_ms);
    if (layers_revision_ != revision) {
        if (!gathering_ || gathering_revision_ != revision) {  // (again) from the start: the corpus changed
            run_.reset();  // it points into layered_
            report_.reset();
            message_.clear();
            gathering_.emplace(corpus);
            gathering_revision_ = revision;
        }
        while (!gathering_->done() && budget.another_step()) gathering_->step(1);
        if (!gathering_->done()) {
            platform::request_frames(1);  // the next slice
            return;
        }
        layered_ = std::move(*gathering_).take();
        gathering_.reset();
        annotators_ = annotators_of(layered_);
        layers_revision_ = revision;
        choice_ = {};
    }
    choose(corpus, revision, current);
    if (!run_) return;
    while (!run_->done() && budget.another_step())
        if (Status st = run_->step(1); !st.ok()) {
            message_ = st.error().message;
            run_.reset();
            return;
        }
    if (!run_->done()) {
        platform::request_frames(1);  // the next slice
        return;
    }
    auto report = std::move(*run_).finish();
    run_.reset();
    if (!report.ok()) {
        message_ = report.error().message;
        return;
    }
    report_ = std::move(report.value());
    heat_pair = std::min(heat_pair, report_->pairs.empty() ? 0 : report_->pairs.size() - 1);
}

void AgreementPanel::choose(const Corpus& corpus, std::uint64_t revision, const Document* current) {
    Choice choice{revision, {}, current_only && current ? current->id() : std::string()};
    for (const std::string& a : annotators_)
        if (!left_out.contains(a)) choice.annotators.push_back(a);
    if (choice == choice_) return;
    choice_ = choice;
    run_.reset();
    report_.reset();
    message_.clear();
    if (annotators_.size() < 2) {
        message_ = "Agreement needs two or more annotators' copies of the same text. Import each annotator's file "
                   "(its documents' \"annotator\" field names them).";
        return;
    }
    if (current_only && !current) {
        message_ = "No document is open.";
        return;
    }
    auto options = corpus_agreement_options(corpus, layered_, choice.document.empty() ? std::vector<std::string>{}
                                                                                      : std::vector{choice.document},
                                            choice.annotators);
    if (!options.ok()) {
        message_ = options.error().message;
        return;
    }
    if (choice.annotators.size() < 2) {
        message_ = "Tick two or more annotators.";
        return;
    }
    run_.emplace(AgreementRun::start(layered_, *options));
}

void AgreementPanel::draw_progress() {
    char label[96];
    float fraction = 0;
    if (gathering_) {
        std::snprintf(label, sizeof label, "Gathering the annotators' layers: %zu of %zu documents", gathering_->units_done(),
                      gathering_->units_total());
        fraction = static_cast<float>(gathering_->units_done()) / static_cast<float>(std::max<std::size_t>(1, gathering_->units_total()));
    } else {
        const std::size_t total = std::max<std::size_t>(1, run_->units_total());
        std::snprintf(label, sizeof label, "Counting: %zu %%", run_->units_done() * 100 / total);
        fraction = static_cast<float>(run_->units_done()) / static_cast<float>(total);
    }
    progress_ = label;
    ImGui::ProgressBar(fraction, ImVec2(-1, 0), label);
}

AgreementPanel::Request AgreementPanel::draw(const Corpus& corpus, std::uint64_t revision, const Document* current,
                                             const Theme& theme, const Fonts& fonts) {
    drawn_.clear();
    cells_.clear();
    progress_.clear();
    has_keys = false;
    if (!open) return Request::None;
    work(corpus, revision, current);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 56), ImGuiCond_Appearing, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSize(ImVec2(std::min(720.0f, vp->WorkSize.x - 40), vp->WorkSize.y - 100), ImGuiCond_Appearing);
    if (!ImGui::Begin("Agreement", &open, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
        ImGui::End();
        return Request::None;
    }
    has_keys = ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows);
    if (ImGui::IsWindowAppearing()) focus_first_ = true;
    if (has_keys && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) open = false;
    header("ANNOTATORS");
    for (std::size_t i = 0; i < annotators_.size(); ++i) {
        const std::string& a = annotators_[i];
        bool ticked = !left_out.contains(a);
        if (i) ImGui::SameLine();
        if (i == 0 && std::exchange(focus_first_, false)) ImGui::SetKeyboardFocusHere();  // Tab goes on from here
        if (checkbox(fonts, a, "agreement-annotator-" + std::to_string(i), &ticked)) {
            if (ticked) left_out.erase(a);
            else left_out.insert(a);
        }
    }
    header("DOCUMENTS");
    if (ImGui::RadioButton("All documents", !current_only)) current_only = false;
    ImGui::SameLine();
    if (ImGui::RadioButton("Open document", current_only)) current_only = true;
    ImGui::Separator();

    Request request = Request::None;
    if (gathering_ || run_) {
        draw_progress();
    } else if (!message_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, theme.danger);
        ImGui::TextWrapped("%s", message_.c_str());
        ImGui::PopStyleColor();
    } else if (report_) {
        if (ImGui::Button("Download CSV")) request = Request::DownloadCsv;
        ImGui::SameLine();
        if (ImGui::Button("Download HTML report")) request = Request::DownloadHtml;
        draw_figures(theme, fonts);
    }
    ImGui::End();
    return request;
}

void AgreementPanel::show(const std::string& k, std::optional<double> value) {
    const std::string text = figure_text(value);
    ImGui::TextUnformatted(text.c_str());
    drawn_[k] = text;
}

void AgreementPanel::draw_figures(const Theme& theme, const Fonts& fonts) {
    const AgreementReport& r = *report_;
    const auto& names = r.annotators;
    ImGui::TextWrapped("%s. Span F1: spans paired one to one, exact (same start, end, label) or overlapping "
                       "(same label, a code point in common). Kappa and alpha: on tokens, \"O\" (outside) counted as a "
                       "category; per label, \"is the token inside a span of this label?\".",
                       formats::counted(r.document_ids.size(), "document", "documents").c_str());

    header("EACH PAIR (OVERALL)");
    if (ImGui::BeginTable("##pairs", 6, kTableFlags)) {
        for (const char* h : {"Pair", "Span F1 exact", "Span F1 overlap", "Relation F1", "Cohen's κ (tokens, O counted)", "Tokens"})
            ImGui::TableSetupColumn(h);
        ImGui::TableHeadersRow();
        for (const PairAgreement& p : r.pairs) {
            const std::string& a = names[p.a];
            const std::string& b = names[p.b];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_item(fonts, a + " × " + b);
            ImGui::TableNextColumn();
            show(key("span_exact_f1", a, b, ""), f1(p.exact.overall));
            ImGui::TableNextColumn();
            show(key("span_overlap_f1", a, b, ""), f1(p.overlap.overall));
            ImGui::TableNextColumn();
            show(key("relation_f1", a, b, ""), f1(p.relations.overall));
            ImGui::TableNextColumn();
            show(key("cohen_kappa", a, b, ""), p.cohen_kappa.overall);
            ImGui::TableNextColumn();
            ImGui::Text("%zu", p.tokens);
        }
        ImGui::EndTable();
    }

    header("ALL CHOSEN ANNOTATORS");
    if (r.fleiss) {
        ImGui::Text("Fleiss' κ (tokens, O counted; %s every one annotated):",
                    formats::counted(r.fleiss->documents, "document", "documents").c_str());
        ImGui::SameLine();
        show(key("fleiss_kappa", "", "", ""), r.fleiss->kappa.overall);
    } else {
        ImGui::TextDisabled("Fleiss' κ needs three or more annotators.");
    }
    ImGui::Text("Krippendorff's α (nominal, tokens, O counted; %zu tokens with two or more tags):", r.alpha.units);
    ImGui::SameLine();
    show(key("alpha", "", "", ""), r.alpha.alpha.overall);

    if (r.pairs.empty()) return;
    heat_pair = std::min(heat_pair, r.pairs.size() - 1);
    header("PER LABEL");
    for (std::size_t i = 0; i < r.pairs.size(); ++i) {  // the pair shown below, one radio button each (wrapped)
        const std::string n = names[r.pairs[i].a] + " × " + names[r.pairs[i].b];
        const float w = text_size(fonts, ImGui::GetFontSize(), n).x + ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
        if (i && ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w < ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x)
            ImGui::SameLine();
        if (radio_button(fonts, n, "agreement-pair-" + std::to_string(i), i == heat_pair)) heat_pair = i;
    }
    const PairAgreement& p = r.pairs[heat_pair];
    const std::string& a = names[p.a];
    const std::string& b = names[p.b];
    const int columns = r.fleiss ? 6 : 5;
    if (ImGui::BeginTable("##labels", columns, kTableFlags)) {
        ImGui::TableSetupColumn("Label");
        ImGui::TableSetupColumn("Span F1 exact");
        ImGui::TableSetupColumn("Span F1 overlap");
        ImGui::TableSetupColumn("Cohen's κ");
        if (r.fleiss) ImGui::TableSetupColumn("Fleiss' κ (all)");
        ImGui::TableSetupColumn("Krippendorff's α (all)");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < r.labels.size(); ++i) {
            const std::string& label = r.labels[i];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_item(fonts, label);
            ImGui::TableNextColumn();
            show(key("span_exact_f1", a, b, label), f1(p.exact.per_label[i]));
            ImGui::TableNextColumn();
            show(key("span_overlap_f1", a, b, label), f1(p.overlap.per_label[i]));
            ImGui::TableNextColumn();
            show(key("cohen_kappa", a, b, label), p.cohen_kappa.per_label[i]);
            if (r.fleiss) {
                ImGui::TableNextColumn();
                show(key("fleiss_kappa", "", "", label), r.fleiss->kappa.per_label[i]);
            }
            ImGui::TableNextColumn();
            show(key("alpha", "", "", label), r.alpha.alpha.per_label[i]);
        }
        ImGui::EndTable();
    }
    if (!r.relation_types.empty() && ImGui::BeginTable("##relations", 2, kTableFlags)) {
        ImGui::TableSetupColumn("Relation type");
        ImGui::TableSetupColumn("Relation F1");
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < r.relation_types.size(); ++i) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text_item(fonts, r.relation_types[i]);
            ImGui::TableNextColumn();
            show(key("relation_f1", a, b, r.relation_types[i]), f1(p.relations.per_label[i]));
        }
        ImGui::EndTable();
    }
    header("LABEL CONFUSION (TOKENS)");
    text_item(fonts, "Rows: " + a + ", columns: " + b + "; the diagonal is agreement, the O row and column spans one side lacks.");
    draw_heat_map(p, theme, fonts);
}

void AgreementPanel::draw_heat_map(const PairAgreement& p, const Theme& theme, const Fonts& fonts) {
    const AgreementReport& r = *report_;
    std::vector<std::string> categories = r.labels;
    categories.emplace_back(kOutsideTag);
    std::uint64_t most = 0;
    for (const auto& row : p.confusion)
        for (std::uint64_t n : row) most = std::max(most, n);
    const ImGuiStyle& style = ImGui::GetStyle();
    float name_w = 0;
    const float px = ImGui::GetFontSize();
    for (const std::string& c : categories) name_w = std::max(name_w, text_size(fonts, px, c).x);
    const float cell_w = std::max({44.0f, ImGui::CalcTextSize(std::to_string(most).c_str()).x + 12, name_w + 8});
    const float cell_h = ImGui::GetTextLineHeight() + 12;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 grid(origin.x + name_w + style.ItemSpacing.x, origin.y + cell_h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Rgba empty = to_rgba(theme.page_bg), full = to_rgba(theme.accent);
    for (std::size_t j = 0; j < categories.size(); ++j) {  // column names
        const ImVec2 size = text_size(fonts, px, categories[j]);
        draw_text(dl, fonts, px, ImVec2(grid.x + cell_w * static_cast<float>(j) + (cell_w - size.x) / 2, origin.y + (cell_h - size.y) / 2),
                  theme.text, categories[j]);
    }
    for (std::size_t i = 0; i < categories.size(); ++i) {
        const float y = grid.y + cell_h * static_cast<float>(i);
        draw_text(dl, fonts, px, ImVec2(origin.x, y + (cell_h - ImGui::GetTextLineHeight()) / 2), theme.text, categories[i]);
        for (std::size_t j = 0; j < categories.size(); ++j) {
            const std::uint64_t n = p.confusion[i][j];
            // Logarithmic: the O×O cell holds most tokens, and a few label tokens must still show.
            const float t = most ? static_cast<float>(std::log1p(static_cast<double>(n)) / std::log1p(static_cast<double>(most))) : 0.0f;
            const Rgba fill = mix(empty, full, t);
            const ImU32 fill_u = to_imu32(fill), ink = to_imu32(ink_on(fill));
            const ImVec2 min(grid.x + cell_w * static_cast<float>(j), y), max(min.x + cell_w - 2, y + cell_h - 2);
            dl->AddRectFilled(min, max, fill_u, 3.0f);
            if (i == j) dl->AddRect(min, max, theme.border, 3.0f);
            const std::string text = std::to_string(n);
            const ImVec2 size = ImGui::CalcTextSize(text.c_str());
            dl->AddText(ImVec2(min.x + (max.x - min.x - size.x) / 2, min.y + (max.y - min.y - size.y) / 2), ink, text.c_str());
            cells_.push_back({i, j, n, fill_u, ink, min, max});
        }
    }
    ImGui::Dummy(ImVec2(grid.x - origin.x + cell_w * static_cast<float>(categories.size()),
                        cell_h * static_cast<float>(categories.size() + 1)));
}

}  // namespace inkspan::ui
