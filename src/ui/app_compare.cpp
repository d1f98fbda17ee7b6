// Compare and adjudicate (issue 18): the App's side of ui/compare_view and ui/adjudication_bar —
// their keys, their side panel, and the gold layer's commands (core/adjudication_steps).
#include <algorithm>

#include "core/layers.h"
#include "platform/browser.h"
#include "ui/app.h"
#include "ui/panel_widgets.h"
#include "ui/shortcut_table.h"

namespace inkspan::ui {

void App::toggle_compare() {
    if (compare_.is_open()) { compare_.close(); return; }
    const Document* doc = current_document();
    if (!doc) return;
    if (auto refused = compare_.open_on(corpus(), *doc)) show_message(*refused, true);
    else show_message("Comparing: N / Shift+N step through the disagreements, Esc leaves", false);
}

void App::open_adjudication() {
    const Document* doc = current_document();
    if (!doc) return;
    if (auto refused = adjudication_.open_on(corpus(), *doc)) show_message(*refused, true);
    else show_message("Adjudicate: choose the annotators and the quorum (+ / -), Enter starts", false);
}

const Document* App::gold_layer() const {
    return adjudication_.group().empty() ? nullptr : find_layer(corpus(), adjudication_.group(), kGoldAnnotator);
}

bool App::handle_compare_keys() {
    if (shortcut_pressed(KeyAction::Compare)) { toggle_compare(); return true; }
    if (shortcut_pressed(KeyAction::Adjudicate)) { open_adjudication(); return true; }
    if (!compare_.is_open() && !adjudication_.is_open()) return false;
    if (palette_.is_open() || !relation_source_.empty() || help_.open || search_.open) return false;
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (adjudication_.is_open()) adjudication_.close();
        else compare_.close();
        consume_key(ImGuiKey_Escape);
        return true;
    }
    if (adjudication_.is_open()) {
        const AdjudicationBar::Request r = adjudication_.handle_keys(gold_layer());
        if (r.kind == AdjudicationBar::Request::Kind::None) return false;
        // Enter started it: the text view must not take the same Enter as "open the palette"
        // for the first disagreement's selection.
        if (r.kind == AdjudicationBar::Request::Kind::Start || r.kind == AdjudicationBar::Request::Kind::NextDocument)
            consume_key(ImGuiKey_Enter);
        apply_adjudication(r);
        return true;
    }
    const bool back = shortcut_pressed(KeyAction::PreviousDisagreement);
    if (back || shortcut_pressed(KeyAction::NextDisagreement)) {
        if (const auto row = compare_.step(!back)) go_to_disagreement(*row);
        return true;
    }
    return false;
}

void App::go_to_disagreement(std::size_t row) {
    const Document* doc = current_document();
    if (!doc || row >= compare_.disagreements().size()) return;
    compare_.set_current(row);
    const CompareView::Row& r = compare_.disagreements()[row];
    const auto spans = doc->spans_overlapping(r.start, r.end);
    const auto exact = std::find_if(spans.begin(), spans.end(), [&](const Span* s) { return s->start == r.start && s->end == r.end; });
    if (exact != spans.end()) select_span((*exact)->id);
    else set_text_selection(r.start, r.end, false);
    pending_scroll_ = {r.start, r.end};
    show_message("Disagreement " + std::to_string(row + 1) + " of " + std::to_string(compare_.disagreements().size()) + ": " +
                 std::string(diff_kind_name(r.kind)) + " · " + r.words, false);
}

void App::draw_compare_panel(ImVec2 min, ImVec2 max) {
    begin_panel("##compare", min, max);
    const Document* doc = current_document();
    if (adjudication_.is_open()) {
        const AdjudicationBar::Request r = adjudication_.draw(gold_layer(), theme_, fonts_);
        if (r.kind != AdjudicationBar::Request::Kind::None) apply_adjudication(r);
    }
    if (compare_.is_open() && doc) {
        compare_.refresh(corpus(), *doc, session_.revision(), theme_.kind);
        if (compare_.is_open()) {
            const CompareView::Request r = compare_.draw(corpus(), *doc, theme_, fonts_);
            if (r.close) compare_.close();
            if (r.go_to) go_to_disagreement(*r.go_to);
            if (r.open_a)
                if (const auto i = corpus().document_index(*r.open_a)) open_document(*i);
        }
    }
    ImGui::End();
}

void App::submit_gold_edit(Edit edit) {
    const EditOutcome out = session_.submit(edit);
    after_edit(edit, std::nullopt, out);
}

void App::go_to_step(std::size_t step) {
    const AdjudicationPlan* plan = adjudication_.plan();
    const Document* gold = gold_layer();
    if (!plan || !gold || step >= plan->steps.size()) return;
    adjudication_.set_current(step);
    if (const Document* doc = current_document(); !doc || doc->id() != gold->id())
        if (const auto i = corpus().document_index(gold->id())) open_document(*i);
    const AdjudicationStep& s = plan->steps[step];
    set_text_selection(s.start, s.end, false);
    pending_scroll_ = {s.start, s.end};
}

void App::next_step() {
    const Document* gold = gold_layer();
    if (const auto next = adjudication_.next_open(gold, adjudication_.current(), true)) go_to_step(*next);
    else show_message("Every disagreement is settled (" + adjudication_.progress(gold) + "). " + what_next_to_adjudicate(), false);
}

std::string App::what_next_to_adjudicate() const {
    const Document* next = next_to_adjudicate(corpus(), adjudication_.group());
    if (!next) return "Every document with two annotators' layers has a gold layer: Export… can write the gold layers.";
    const std::size_t left = count_to_adjudicate(corpus());
    return "Enter: adjudicate \"" + next->name() + "\" next (" + count_phrase(left, "document") + " left).";
}

void App::adjudicate_next_document() {
    const Document* next = next_to_adjudicate(corpus(), adjudication_.group());
    if (!next) { show_message(what_next_to_adjudicate(), false); return; }
    const std::vector<std::string> chosen = adjudication_.chosen_annotators();
    const std::size_t quorum = adjudication_.quorum();
    if (const auto i = corpus().document_index(next->id())) open_document(*i);
    const Document* doc = current_document();
    if (!doc) return;
    if (auto refused = adjudication_.open_on(corpus(), *doc)) { show_message(*refused, true); return; }
    adjudication_.keep_choices(chosen, quorum);
    show_message("Adjudicate \"" + doc->name() + "\": the same annotators and quorum (+ / -), Enter starts", false);
}

void App::start_adjudication() {
    const Document* base = corpus().find_document(adjudication_.group());
    if (!base) { adjudication_.close(); return; }
    std::vector<std::string> undirected;
    for (const RelationType& t : corpus().schema.relations)
        if (!t.directed) undirected.push_back(t.name);
    auto plan = plan_adjudication(layer_group(corpus(), base->id()), adjudication_.chosen_annotators(), adjudication_.quorum(),
                                  undirected);
    if (!plan) { show_message(plan.error().message, true); return; }
    const std::size_t spans = plan->quorum.gold.spans.size(), relations = plan->quorum.gold.relations.size();
    if (const Document* gold = gold_layer()) {  // running again: only what the gold layer lacks
        std::vector<Command> missing = accept_missing(plan->quorum, *gold);
        if (!missing.empty()) submit_gold_edit(Batch{std::move(missing), {"adjudicate: accept by quorum"}});
    } else {
        std::string id = base->id() + "-gold";
        if (corpus().find_document(id)) id = fresh_document_id();
        auto layer = make_gold_layer(*base, plan->quorum, id);
        if (!layer) { show_message(layer.error().message, true); return; }
        submit_gold_edit(Command{cmd::AddDocument{std::move(*layer)}});
    }
    const Document* gold = gold_layer();
    if (!gold) return;  // refused (a read-only tab): the message is shown
    const std::size_t steps = plan->steps.size();
    adjudication_.start(std::move(*plan));
    const std::size_t open = steps - adjudication_.settled_count(gold);
    const std::string accepted = "Gold layer: " + count_phrase(spans, "span") + " and " + count_phrase(relations, "relation") + " accepted; ";
    if (open == 0) show_message(accepted + "nothing to settle. " + what_next_to_adjudicate(), false);
    else show_message(accepted + count_phrase(open, "disagreement") + " to settle (1 2 3 take, 0 neither, E edit)", false);
    if (const auto first = adjudication_.next_open(gold, steps ? steps - 1 : 0, true)) go_to_step(*first);
    else if (const auto i = corpus().document_index(gold->id())) open_document(*i);
}

void App::apply_adjudication(const AdjudicationBar::Request& r) {
    using K = AdjudicationBar::Request::Kind;
    const AdjudicationPlan* plan = adjudication_.plan();
    const Document* gold = gold_layer();
    switch (r.kind) {
        case K::None: return;
        case K::Start: start_adjudication(); return;
        case K::Close: adjudication_.close(); return;
        case K::Move: go_to_step(r.option); return;
        case K::NextDocument: adjudicate_next_document(); return;
        default: break;
    }
    if (!plan || !gold || adjudication_.current() >= plan->steps.size()) return;
    const AdjudicationStep& step = plan->steps[adjudication_.current()];
    if (r.kind == K::Take) {
        auto commands = take_option(step, r.option, *gold);
        if (!commands) { show_message(commands.error().message, true); return; }
        std::string who;
        for (const std::string& a : step.options[r.option].annotators) who += (who.empty() ? "" : ", ") + a;
        if (!commands->empty()) submit_gold_edit(Batch{std::move(*commands), {"adjudicate: take " + who}});
        next_step();
    } else if (r.kind == K::Neither) {
        adjudication_.mark_settled(adjudication_.current());
        next_step();
    } else if (r.kind == K::Edit) {
        adjudication_.mark_settled(adjudication_.current());
        go_to_step(adjudication_.current());
        show_message("Fix it in the gold layer: a label key labels the selection; N goes on", false);
    }
}

}  // namespace inkspan::ui
