#pragma once
// Adjudication by keyboard (issue 18): first the choice of annotators and quorum (Enter starts,
// + / - change the quorum), then one disagreement at a time: 1, 2, 3 … take that annotator's
// version, 0 takes neither, E edits the gold layer there by hand; N / Shift+N move between the
// disagreements. The App applies what it returns (core/adjudication_steps.h makes the commands).
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/adjudication_steps.h"
#include "core/corpus.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace inkspan::ui {

class AdjudicationBar {
public:
    enum class Phase { Closed, Setup, Steps };
    struct Request {
        enum class Kind { None, Start, Take, Neither, Edit, Move, Close, NextDocument } kind = Kind::None;
        std::size_t option = 0;  // Take: which option; Move: which step
    };

    [[nodiscard]] Phase phase() const { return phase_; }
    [[nodiscard]] bool is_open() const { return phase_ != Phase::Closed; }
    // Opens the setup on `doc`'s group: every annotator who labelled something chosen (an empty copy,
    // e.g. the curator's own, is listed unticked), the quorum all the chosen. An error
    // message when the group has fewer than two annotators (the gold layer does not count).
    [[nodiscard]] std::optional<std::string> open_on(const Corpus& corpus, const Document& doc);
    void close() { phase_ = Phase::Closed; plan_.reset(); }
    // Ticks the annotators of `chosen` that this group has (when two or more of them are here) and
    // keeps `quorum` as far as it goes: the choices carried from one document to the next.
    void keep_choices(const std::vector<std::string>& chosen, std::size_t quorum);
    // Every step of the plan settled (Enter then goes on to the next document).
    [[nodiscard]] bool all_settled(const Document* gold) const { return plan_ && settled_count(gold) == plan_->steps.size(); }
    [[nodiscard]] const std::string& group() const { return group_; }
    [[nodiscard]] std::vector<std::string> chosen_annotators() const;
    [[nodiscard]] std::size_t quorum() const { return quorum_; }

    // The plan made at Start; the steps are then settled one by one.
    void start(AdjudicationPlan plan);
    [[nodiscard]] const AdjudicationPlan* plan() const { return plan_ ? &*plan_ : nullptr; }
    [[nodiscard]] std::size_t current() const { return current_; }
    void set_current(std::size_t step) { current_ = step; }
    // Step settled: the gold layer holds one of its options, or it was passed over (0) or edited (E).
    [[nodiscard]] bool settled(std::size_t step, const Document* gold) const;
    [[nodiscard]] std::size_t settled_count(const Document* gold) const;
    void mark_settled(std::size_t step) { passed_.insert(step); }
    // The next step not settled after `from` (forward or back, wrapping), if any.
    [[nodiscard]] std::optional<std::size_t> next_open(const Document* gold, std::size_t from, bool forward) const;
    // "2 of 5 settled".
    [[nodiscard]] std::string progress(const Document* gold) const;

    // The keys of this frame (the App asks only when the text region has the keys).
    [[nodiscard]] Request handle_keys(const Document* gold);
    Request draw(const Document* gold, const Theme& theme, const Fonts& fonts);

private:
    Phase phase_ = Phase::Closed;
    std::string group_;
    std::vector<std::string> annotators_;
    std::vector<bool> chosen_;
    std::size_t quorum_ = 0;
    std::optional<AdjudicationPlan> plan_;
    std::size_t current_ = 0;
    std::set<std::size_t> passed_;  // settled by 0 or E this session
};

}  // namespace inkspan::ui
