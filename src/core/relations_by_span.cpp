#include "core/relations_by_span.h"

#include <functional>

#include "core/document.h"

namespace inkspan {

namespace {

std::uint64_t name_hash(std::string_view span_id) { return std::hash<std::string_view>{}(span_id); }

// The span id an end names: the head of its relation for an even end, the tail for an odd one.
const std::string& end_name(const RelationsBySpan::List& relations, std::uint32_t end) {
    const Relation& r = relations[end / 2];
    return end % 2 == 0 ? r.head : r.tail;
}

bool tail_is_own_end(const Relation& r) { return r.tail != r.head; }

}  // namespace

std::uint32_t RelationsBySpan::first_end(const List& relations, std::string_view span_id) const {
    const auto first = first_end_of_.find(name_hash(span_id), [&](std::uint32_t end) { return end_name(relations, end) == span_id; });
    return first ? *first : kNone;
}

void RelationsBySpan::link(const List& relations, std::uint32_t end) {
    const std::string& name = end_name(relations, end);
    const std::uint64_t hash = name_hash(name);
    const auto found = first_end_of_.find(hash, [&](std::uint32_t e) { return end_name(relations, e) == name; });
    next_end_[end] = kNone;
    if (!found) {  // the first relation of this span id
        first_end_of_.insert(hash, end);
        last_end_[end] = end;
        return;
    }
    const std::uint32_t first = *found;
    if (end < first) {  // becomes the first
        next_end_[end] = first;
        last_end_[end] = last_end_[first];
        first_end_of_.repoint(hash, [first](std::uint32_t e) { return e == first; }, end);
    } else if (end > last_end_[first]) {  // becomes the last: how a document is built, in order
        next_end_[last_end_[first]] = end;
        last_end_[first] = end;
    } else {  // in between: walk to its place
        std::uint32_t before = first;
        while (next_end_[before] < end) before = next_end_[before];
        next_end_[end] = next_end_[before];
        next_end_[before] = end;
    }
}

void RelationsBySpan::unlink(const List& relations, std::uint32_t end) {
    const std::string& name = end_name(relations, end);
    const std::uint64_t hash = name_hash(name);
    const auto found = first_end_of_.find(hash, [&](std::uint32_t e) { return end_name(relations, e) == name; });
    if (!found) return;
    const std::uint32_t first = *found;
    if (first == end) {
        const std::uint32_t second = next_end_[end];
        if (second == kNone) {
            first_end_of_.erase(hash, [end](std::uint32_t e) { return e == end; });
        } else {
            last_end_[second] = last_end_[end];
            first_end_of_.repoint(hash, [end](std::uint32_t e) { return e == end; }, second);
        }
    } else {
        std::uint32_t before = first;
        while (next_end_[before] != end && next_end_[before] != kNone) before = next_end_[before];
        if (next_end_[before] != end) return;  // not linked (cannot happen while the list is the one indexed)
        next_end_[before] = next_end_[end];
        if (last_end_[first] == end) last_end_[first] = before;
    }
    next_end_[end] = kNone;
}

void RelationsBySpan::shift_ends(std::uint32_t from, std::int64_t delta) {
    auto shifted = [&](std::uint32_t end) {
        return end != kNone && end >= from ? static_cast<std::uint32_t>(end + delta) : end;
    };
    for (std::uint32_t& end : next_end_) end = shifted(end);
    for (std::uint32_t& end : last_end_) end = shifted(end);
    first_end_of_.renumber(shifted);
}

void RelationsBySpan::rebuild(const List& relations) {
    first_end_of_.clear(2 * relations.size());  // room for a head and a tail each
    next_end_.assign(2 * relations.size(), kNone);
    last_end_.assign(2 * relations.size(), kNone);
    for (std::size_t position = 0; position < relations.size(); ++position) remember(relations, position);
}

void RelationsBySpan::remember(const List& relations, std::size_t position) {
    const auto head = static_cast<std::uint32_t>(2 * position);
    link(relations, head);
    if (tail_is_own_end(relations[position])) link(relations, head + 1);
}

void RelationsBySpan::forget(const List& relations, std::size_t position) {
    const auto head = static_cast<std::uint32_t>(2 * position);
    unlink(relations, head);
    if (tail_is_own_end(relations[position])) unlink(relations, head + 1);
}

void RelationsBySpan::inserted(const List& relations, std::size_t position) {
    const auto head = static_cast<std::uint32_t>(2 * position);
    if (head < next_end_.size()) shift_ends(head, 2);
    next_end_.insert(next_end_.begin() + head, 2, kNone);
    last_end_.insert(last_end_.begin() + head, 2, kNone);
    remember(relations, position);
}

void RelationsBySpan::erasing(const List& relations, std::size_t position) {
    forget(relations, position);
    const auto head = static_cast<std::uint32_t>(2 * position);
    next_end_.erase(next_end_.begin() + head, next_end_.begin() + head + 2);
    last_end_.erase(last_end_.begin() + head, last_end_.begin() + head + 2);
    if (head < next_end_.size()) shift_ends(head + 2, -2);
}

}  // namespace inkspan
