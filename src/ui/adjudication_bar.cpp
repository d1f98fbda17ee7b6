#include "ui/adjudication_bar.h"

#include <algorithm>

#include "core/layers.h"
#include "ui/panel_widgets.h"
#include "ui/shaped_text.h"
#include "ui/shortcut_table.h"

namespace inkspan::ui {

std::optional<std::string> AdjudicationBar::open_on(const Corpus& corpus, const Document& doc) {
    annotators_.clear();
    chosen_.clear();
    for (const Document* m : layer_group(corpus, doc.id()))
        if (m->annotator() != kGoldAnnotator) {
            annotators_.push_back(annotator_name(*m));
            chosen_.push_back(m->span_count() > 0 || !m->relations().empty());  // an empty copy is no opinion
        }
    if (annotators_.size() < 2) return "Adjudication needs at least two annotators' layers of this document";
    group_ = base_document(corpus, doc.id())->id();
    quorum_ = static_cast<std::size_t>(std::count(chosen_.begin(), chosen_.end(), true));
    if (quorum_ < 2) {  // fewer than two labelled: offer them all
        chosen_.assign(annotators_.size(), true);
        quorum_ = annotators_.size();
    }
    plan_.reset();
    passed_.clear();
    current_ = 0;
    phase_ = Phase::Setup;
    return std::nullopt;
}

void AdjudicationBar::keep_choices(const std::vector<std::string>& chosen, std::size_t quorum) {
    std::vector<bool> ticked(annotators_.size());
    for (std::size_t i = 0; i < annotators_.size(); ++i)
        ticked[i] = std::find(chosen.begin(), chosen.end(), annotators_[i]) != chosen.end();
    const auto n = static_cast<std::size_t>(std::count(ticked.begin(), ticked.end(), true));
    if (n < 2) return;
    chosen_ = std::move(ticked);
    quorum_ = std::clamp<std::size_t>(quorum, 1, n);
}

std::vector<std::string> AdjudicationBar::chosen_annotators() const {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < annotators_.size(); ++i)
        if (chosen_[i]) out.push_back(annotators_[i]);
    return out;
}

void AdjudicationBar::start(AdjudicationPlan plan) {
    plan_ = std::move(plan);
    passed_.clear();
    current_ = 0;
    phase_ = Phase::Steps;
}

bool AdjudicationBar::settled(std::size_t step, const Document* gold) const {
    return passed_.contains(step) || (plan_ && gold && step < plan_->steps.size() && step_settled(plan_->steps[step], *gold));
}

std::size_t AdjudicationBar::settled_count(const Document* gold) const {
    std::size_t n = 0;
    if (plan_)
        for (std::size_t i = 0; i < plan_->steps.size(); ++i) n += settled(i, gold);
    return n;
}

std::optional<std::size_t> AdjudicationBar::next_open(const Document* gold, std::size_t from, bool forward) const {
    if (!plan_ || plan_->steps.empty()) return std::nullopt;
    const std::size_t n = plan_->steps.size();
    for (std::size_t k = 1; k <= n; ++k) {
        const std::size_t i = forward ? (from + k) % n : (from + n - k % n) % n;
        if (!settled(i, gold)) return i;
    }
    return std::nullopt;
}

std::string AdjudicationBar::progress(const Document* gold) const {
    return std::to_string(settled_count(gold)) + " of " + std::to_string(plan_ ? plan_->steps.size() : 0) + " settled";
}

AdjudicationBar::Request AdjudicationBar::handle_keys(const Document* gold) {
    using K = Request::Kind;
    if (phase_ == Phase::Setup) {
        const std::size_t chosen = chosen_annotators().size();
        if (shortcut_pressed(KeyAction::QuorumUp) && quorum_ < chosen) ++quorum_;
        if (shortcut_pressed(KeyAction::QuorumDown) && quorum_ > 1) --quorum_;
        if (shortcut_pressed(KeyAction::StartAdjudication)) return {K::Start};
        return {};
    }
    if (phase_ != Phase::Steps || !plan_) return {};
    if (all_settled(gold) && shortcut_pressed(KeyAction::StartAdjudication)) return {K::NextDocument};
    const bool back = shortcut_pressed(KeyAction::PreviousDisagreement);
    if (back || shortcut_pressed(KeyAction::NextDisagreement)) {
        const std::size_t n = plan_->steps.size();
        if (n) return {K::Move, back ? (current_ + n - 1) % n : (current_ + 1) % n};
        return {};
    }
    if (plan_->steps.empty() || current_ >= plan_->steps.size()) return {};
    if (shortcut_pressed(KeyAction::TakeFirst)) return {K::Take, 0};
    if (shortcut_pressed(KeyAction::TakeSecond)) return {K::Take, 1};
    if (shortcut_pressed(KeyAction::TakeThird)) return {K::Take, 2};
    if (shortcut_pressed(KeyAction::TakeNeither)) return {K::Neither};
    if (shortcut_pressed(KeyAction::EditInGold)) return {K::Edit};
    return {};
}

AdjudicationBar::Request AdjudicationBar::draw(const Document* gold, const Theme& theme, const Fonts& fonts) {
    using K = Request::Kind;
    Request out;
    section_title("ADJUDICATE");
    if (phase_ == Phase::Setup) {
        ImGui::TextWrapped("Annotators taking part:");
        for (std::size_t i = 0; i < annotators_.size(); ++i) {
            bool on = chosen_[i];
            if (checkbox(fonts, annotators_[i], "annotator-" + std::to_string(i), &on)) chosen_[i] = on;
        }
        const std::size_t chosen = chosen_annotators().size();
        quorum_ = std::clamp<std::size_t>(quorum_, 1, std::max<std::size_t>(chosen, 1));
        ImGui::Text("Quorum: %zu of %zu (+ / -)", quorum_, chosen);
        ImGui::SameLine();
        if (ImGui::SmallButton("-")) quorum_ = std::max<std::size_t>(1, quorum_ - 1);
        ImGui::SameLine();
        if (ImGui::SmallButton("+") && quorum_ < chosen) ++quorum_;
        ImGui::BeginDisabled(chosen < 2);
        if (ImGui::Button("Start (Enter)")) out.kind = K::Start;
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (ImGui::Button("Cancel (Esc)")) out.kind = K::Close;
        return out;
    }
    if (!plan_) return out;
    ImGui::TextUnformatted(progress(gold).c_str());
    if (plan_->steps.empty() || current_ >= plan_->steps.size()) {
        ImGui::TextWrapped("Nothing to settle: the quorum accepted everything.");
    } else {
        const AdjudicationStep& step = plan_->steps[current_];
        ImGui::Text("Disagreement %zu of %zu%s", current_ + 1, plan_->steps.size(),
                    settled(current_, gold) ? " (settled)" : "");
        for (std::size_t i = 0; i < step.options.size(); ++i) {
            const AdjudicationOption& o = step.options[i];
            std::string words;
            for (const Span& s : o.spans)
                words += (words.empty() ? "" : ", ") + s.label + " “" + (gold ? std::string(gold->text_of(s.start, s.end)) : "") + "”";
            if (step.relation) words = step.relation_type + ": " + words;
            std::string who;
            for (const std::string& a : o.annotators) who += (who.empty() ? "" : ", ") + a;
            ImGui::PushID(static_cast<int>(i));
            if (i < 3 && ImGui::SmallButton(std::to_string(i + 1).c_str())) out = {K::Take, i};
            ImGui::SameLine();
            text_item(fonts, words + "  (" + who + ")");
            ImGui::PopID();
        }
        if (ImGui::SmallButton("0 neither")) out.kind = K::Neither;
        ImGui::SameLine();
        if (ImGui::SmallButton("E edit")) out.kind = K::Edit;
    }
    if (ImGui::Button("Done (Esc)")) out.kind = K::Close;
    (void)theme;
    return out;
}

}  // namespace inkspan::ui
