#include "core/layer_diff.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace inkspan {

std::string_view diff_kind_name(DiffKind kind) {
    switch (kind) {
        case DiffKind::Agreement: return "agreement";
        case DiffKind::LabelConflict: return "label conflict";
        case DiffKind::BoundaryConflict: return "boundary conflict";
        case DiffKind::Overlap: return "overlap";
        case DiffKind::OnlyA: return "only A";
        case DiffKind::OnlyB: return "only B";
        case DiffKind::RelationOnlyA: return "relation only A";
        case DiffKind::RelationOnlyB: return "relation only B";
    }
    return "";
}

namespace {

bool overlaps(const Span& x, const Span& y) { return x.start < y.end && y.start < x.end; }

// Pairs each span of `a` with at most one unpaired span of `b` that `fits`, A in text order, the
// first fitting B span (in B's order) taken.
template <class Fits>
void pair_by(const Document& a, const Document& b, std::vector<const Span*>& a_to_b, std::vector<bool>& b_taken,
             DiffKind kind, std::vector<DiffKind>& a_kind, Fits fits) {
    for (std::size_t i = 0; i < a.span_count(); ++i) {
        if (a_to_b[i]) continue;
        const Span& s = a.span_at(i);
        for (const Span* o : b.spans_overlapping(s.start, s.end)) {
            const std::size_t j = *b.position_of(o->id);
            if (b_taken[j] || !fits(s, *o)) continue;
            a_to_b[i] = o;
            b_taken[j] = true;
            a_kind[i] = kind;
            break;
        }
    }
}

}  // namespace

LayerDiff diff_layers(const Document& a, const Document& b) {
    LayerDiff out;
    std::vector<const Span*> a_to_b(a.span_count(), nullptr);
    std::vector<bool> b_taken(b.span_count(), false);
    std::vector<DiffKind> a_kind(a.span_count(), DiffKind::OnlyA);
    auto same_extent = [](const Span& x, const Span& y) { return x.start == y.start && x.end == y.end; };
    pair_by(a, b, a_to_b, b_taken, DiffKind::Agreement, a_kind,
            [&](const Span& x, const Span& y) { return same_extent(x, y) && x.label == y.label; });
    pair_by(a, b, a_to_b, b_taken, DiffKind::LabelConflict, a_kind, same_extent);
    pair_by(a, b, a_to_b, b_taken, DiffKind::BoundaryConflict, a_kind,
            [](const Span& x, const Span& y) { return overlaps(x, y) && x.label == y.label; });
    pair_by(a, b, a_to_b, b_taken, DiffKind::Overlap, a_kind, overlaps);

    std::unordered_map<std::string_view, const Span*> partner_in_b, partner_in_a;  // span id → its pair
    for (std::size_t i = 0; i < a.span_count(); ++i) {
        const Span& s = a.span_at(i);
        const Span* o = a_to_b[i];
        out.items.push_back({a_kind[i], o ? std::min(s.start, o->start) : s.start, o ? std::max(s.end, o->end) : s.end, &s, o});
        if (o) {
            partner_in_b.emplace(s.id, o);
            partner_in_a.emplace(o->id, &s);
        }
    }
    for (std::size_t j = 0; j < b.span_count(); ++j)
        if (!b_taken[j]) out.items.push_back({DiffKind::OnlyB, b.span_at(j).start, b.span_at(j).end, nullptr, &b.span_at(j)});

    // A relation agrees when the other side has one of the same type between the partners of its
    // head and tail.
    auto relation_items = [&](const Document& mine, const Document& other, const auto& partner, DiffKind kind) {
        for (const Relation& r : mine.relations()) {
            const Span* head = mine.find_span(r.head);
            const Span* tail = mine.find_span(r.tail);
            if (!head || !tail) continue;
            auto ph = partner.find(r.head), pt = partner.find(r.tail);
            if (ph != partner.end() && pt != partner.end() && other.find_relation(r.type, ph->second->id, pt->second->id))
                continue;
            DiffItem item{kind, std::min(head->start, tail->start), std::max(head->end, tail->end), nullptr, nullptr, &r};
            (kind == DiffKind::RelationOnlyA ? item.a : item.b) = head;
            out.items.push_back(item);
        }
    };
    relation_items(a, b, partner_in_b, DiffKind::RelationOnlyA);
    relation_items(b, a, partner_in_a, DiffKind::RelationOnlyB);

    std::stable_sort(out.items.begin(), out.items.end(), [](const DiffItem& x, const DiffItem& y) {
        return std::tie(x.start, x.end) < std::tie(y.start, y.end);
    });
    for (std::size_t i = 0; i < out.items.size(); ++i) {
        ++out.count[static_cast<std::size_t>(out.items[i].kind)];
        if (out.items[i].disagrees()) out.disagreements.push_back(i);
    }
    return out;
}

}  // namespace inkspan
