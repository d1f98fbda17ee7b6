#pragma once
// The Agreement window (issue 18): which annotators and documents to compare, then per pair and
// per label span F1 (exact and overlap), relation F1, Cohen's kappa, Fleiss' kappa (three or more
// annotators), Krippendorff's alpha, and two annotators' label confusion as a heat map. The layers
// are gathered (LayeredDocumentsBuilder), then read and counted (AgreementRun), a few documents per
// frame within a time budget, so the page never freezes; the report is kept until the corpus
// revision or the choice changes. Annotators' names are drawn shaped. Owns its state; the caller
// downloads the reports it asks for.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <imgui.h>

#include "core/agreement.h"
#include "core/annotation_layers.h"
#include "core/corpus.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace inkspan::ui {

struct AgreementPanel {
    bool open = false;
    bool has_keys = false;  // the window has the keyboard (focused): Tab, arrows, Space work in it; Esc closes it
    bool current_only = false;  // the open document, else every document
    std::set<std::string> left_out;  // annotators unticked (new ones start ticked)
    std::size_t heat_pair = 0;       // the pair whose labels and confusion are shown
    double work_budget_ms = 6.0;     // gathering, reading and counting per frame (0: one step a frame)

    enum class Request { None, DownloadCsv, DownloadHtml };
    // `revision` tells when the corpus changed; `current`: the open document, if any.
    [[nodiscard]] Request draw(const Corpus& corpus, std::uint64_t revision, const Document* current, const Theme& theme,
                               const Fonts& fonts);

    // The finished report (nullptr while counting, when refused or before the first count).
    [[nodiscard]] const AgreementReport* report() const { return report_ ? &*report_ : nullptr; }
    // Open and neither a report nor a refusal yet: gathering the layers, starting, or counting.
    [[nodiscard]] bool counting() const { return open && !report_ && message_.empty(); }
    [[nodiscard]] const std::string& message() const { return message_; }  // why there is no report
    [[nodiscard]] const std::vector<std::string>& annotators() const { return annotators_; }  // found

    // What the last frame showed, for tests: figure texts by "measure|a|b|label" (a, b empty for
    // Fleiss and alpha; label empty for overall), and the heat map's cells.
    struct HeatCell {
        std::size_t row = 0, column = 0;  // categories: the report's labels, then "O"
        std::uint64_t count = 0;
        ImU32 fill = 0, ink = 0;
        ImVec2 min, max;
    };
    [[nodiscard]] const std::map<std::string, std::string>& drawn_figures() const { return drawn_; }
    [[nodiscard]] const std::vector<HeatCell>& drawn_cells() const { return cells_; }
    // What the last frame said about the work in progress ("" when none).
    [[nodiscard]] const std::string& drawn_progress() const { return progress_; }

private:
    struct Choice {
        std::uint64_t revision = ~0ull;
        std::vector<std::string> annotators;
        std::string document;  // "" = all
        bool operator==(const Choice&) const = default;
    };
    void work(const Corpus& corpus, std::uint64_t revision, const Document* current);
    void choose(const Corpus& corpus, std::uint64_t revision, const Document* current);
    void draw_progress();
    void draw_figures(const Theme& theme, const Fonts& fonts);
    void draw_heat_map(const PairAgreement& pair, const Theme& theme, const Fonts& fonts);
    void show(const std::string& key, std::optional<double> value);

    bool focus_first_ = false;  // the window appeared: the keyboard starts on the first annotator
    // Gathering the corpus's layers at gathering_revision_, a slice per frame.
    std::optional<LayeredDocumentsBuilder> gathering_;
    std::uint64_t gathering_revision_ = ~0ull;
    std::uint64_t layers_revision_ = ~0ull;
    std::vector<LayeredDocument> layered_;  // the corpus's layers at layers_revision_
    std::vector<std::string> annotators_;
    Choice choice_;
    std::optional<AgreementRun> run_;  // reading and counting layered_, a slice per frame
    std::optional<AgreementReport> report_;
    std::string message_;
    std::map<std::string, std::string> drawn_;
    std::vector<HeatCell> cells_;
    std::string progress_;
};

// A figure as the panel shows it: three decimals, "—" when undefined.
[[nodiscard]] std::string figure_text(std::optional<double> value);

}  // namespace inkspan::ui
