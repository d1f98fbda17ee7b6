#pragma once
// The compare view (issue 18): the open document (A) and another member of its group (B, an
// annotator's layer or the gold layer) on the same text. Owns its choice of B, the markers the
// text view draws (a colour per kind of difference, core/compare_colors.h) and the list of
// disagreements stepped through with N / Shift+N. Its side panel draws the choice, a legend and
// the list, and returns what the user asked.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/layer_diff.h"
#include "ui/fonts.h"
#include "ui/theme.h"
#include "ui/view_events.h"

namespace inkspan::ui {

class CompareView {
public:
    struct Row {  // a disagreement, as the list shows it
        DiffKind kind;
        std::size_t start = 0, end = 0;
        std::string words;  // "Rome: LOC | ORG"
    };
    struct Request {
        std::optional<std::string> open_a;     // open this member as A
        std::optional<std::size_t> go_to;      // a row of the list was clicked
        bool close = false;
    };

    [[nodiscard]] bool is_open() const { return open_; }
    // Opens on `a`'s group, B = the member after A (else the one before). An error message when
    // the group has no other member.
    [[nodiscard]] std::optional<std::string> open_on(const Corpus& corpus, const Document& a);
    void close() { open_ = false; current_.reset(); }
    [[nodiscard]] const std::string& b_id() const { return b_id_; }

    // Computes the differences again when A, B, the corpus or the theme changed; closes when B is
    // gone or no longer in A's group.
    void refresh(const Corpus& corpus, const Document& a, std::uint64_t revision, ThemeKind theme);
    [[nodiscard]] const std::vector<CompareMark>& marks() const { return marks_; }
    [[nodiscard]] const std::vector<Row>& disagreements() const { return rows_; }
    [[nodiscard]] std::size_t count(DiffKind kind) const { return counts_[static_cast<std::size_t>(kind)]; }
    [[nodiscard]] std::optional<std::size_t> current() const { return current_; }
    // The next (or previous) disagreement after the current one, wrapping; it becomes current.
    std::optional<std::size_t> step(bool forward);
    void set_current(std::size_t row) { if (row < rows_.size()) current_ = row; }

    Request draw(const Corpus& corpus, const Document& a, const Theme& theme, const Fonts& fonts);

private:
    bool open_ = false;
    std::string b_id_;
    std::optional<std::size_t> current_;
    std::tuple<std::uint64_t, std::string, std::string, std::size_t, ThemeKind> key_{~0ull, "", "", 0, ThemeKind::light};
    std::vector<CompareMark> marks_;
    std::vector<Row> rows_;
    std::array<std::size_t, kDiffKinds> counts_{};
    ThemeKind theme_ = ThemeKind::light;
    bool scroll_to_current_ = false;
};

}  // namespace inkspan::ui
