#include "core/document.h"

#include <algorithm>
#include <unordered_set>

#include "core/limits.h"
#include "core/validation.h"

namespace inkspan {

namespace {

// The number n of an id "<prefix><n>" (1 to 9 digits), used to keep fresh ids above it.
std::optional<std::uint64_t> id_number(std::string_view id, char prefix) {
    if (id.size() < 2 || id.size() > 10 || id[0] != prefix) return std::nullopt;
    std::uint64_t n = 0;
    for (char c : id.substr(1)) {
        if (c < '0' || c > '9') return std::nullopt;
        n = n * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return n;
}

std::uint64_t id_hash(std::string_view id) { return std::hash<std::string_view>{}(id); }

void count_up(CountMap& counts, const std::string& key) { ++counts[key]; }

void count_down(CountMap& counts, const std::string& key) {
    auto it = counts.find(key);
    if (it != counts.end() && --it->second == 0) counts.erase(it);
}

}  // namespace

std::string_view direction_choice_name(DirectionChoice direction) {
    switch (direction) {
        case DirectionChoice::automatic: return "auto";
        case DirectionChoice::ltr: return "ltr";
        case DirectionChoice::rtl: return "rtl";
    }
    return "auto";
}

std::optional<DirectionChoice> parse_direction_choice(std::string_view name) {
    for (DirectionChoice d : {DirectionChoice::automatic, DirectionChoice::ltr, DirectionChoice::rtl})
        if (name == direction_choice_name(d)) return d;
    return std::nullopt;
}

std::string_view doc_status_name(DocStatus status) {
    switch (status) {
        case DocStatus::New: return "new";
        case DocStatus::InProgress: return "in_progress";
        case DocStatus::Done: return "done";
    }
    return "new";
}

std::optional<DocStatus> parse_doc_status(std::string_view name) {
    if (name == "new") return DocStatus::New;
    if (name == "in_progress") return DocStatus::InProgress;
    if (name == "done") return DocStatus::Done;
    return std::nullopt;
}

bool natural_id_less(std::string_view a, std::string_view b) {
    auto split = [](std::string_view s) {
        std::size_t d = s.size();
        while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9') --d;
        std::size_t z = d;
        while (z < s.size() && s[z] == '0') ++z;
        return std::pair{s.substr(0, d), s.substr(z)};  // prefix, digits without leading zeros
    };
    auto [pa, na] = split(a);
    auto [pb, nb] = split(b);
    if (pa != pb) return pa < pb;
    if (na.size() != nb.size()) return na.size() < nb.size();
    if (na != nb) return na < nb;
    return a < b;
}

Result<Document> Document::with_id(std::string id) const {
    auto copy = create(std::move(id), name_, text_);
    if (!copy) return copy;
    copy->set_status(status());
    copy->set_language(language());
    copy->set_direction(direction());
    copy->set_annotator(annotator());
    copy->set_layer_of(layer_of());
    copy->set_created(created());
    copy->set_modified(modified());
    if (span_count() > 0) copy->insert_spans(std::vector<Span>(spans().begin(), spans().end()));
    if (!relations().empty()) copy->insert_relations(relations());
    return copy;
}

std::optional<Error> Document::check_id_and_name(const std::string& id, const std::string& name) {
    if (!is_valid_id(id))
        return make_error(ErrorKind::Invalid, "id: invalid id " + quote(id) + " (1 to 64 bytes, no spaces or control characters)");
    return check_free_text(name, kMaxMetaBytes, "name");
}

Document Document::made(std::string id, std::string name, std::string text) {
    Document doc;
    doc.id_ = std::move(id);
    doc.name_ = std::move(name);
    doc.text_ = std::move(text);
    doc.index_ = TextIndex(doc.text_);
    return doc;
}

Result<Document> Document::create(std::string id, std::string name, std::string text) {
    if (auto bad = check_id_and_name(id, name)) return *bad;
    if (auto bad = check_free_text(text, kMaxTextBytes, "text")) return *bad;
    return made(std::move(id), std::move(name), std::move(text));
}

Result<Document> Document::create(std::string id, std::string name, Utf8Text text) {
    if (auto bad = check_id_and_name(id, name)) return *bad;
    if (auto bad = check_byte_limit(text.str(), kMaxTextBytes, "text")) return *bad;
    return made(std::move(id), std::move(name), std::move(text).take());
}

std::string_view Document::text_of(std::size_t start, std::size_t end) const {
    end = std::min(end, length());
    start = std::min(start, end);
    const std::size_t b0 = index_.code_point_to_byte(text_, start);
    const std::size_t b1 = index_.code_point_to_byte(text_, end);
    return std::string_view(text_).substr(b0, b1 - b0);
}

// ---- spans ------------------------------------------------------------------------------------

bool Document::entry_less(const Entry& a, const Entry& b) const {
    if (a.start != b.start) return a.start < b.start;
    if (a.end != b.end) return a.end < b.end;
    const Span& x = slots_[a.slot];
    const Span& y = slots_[b.slot];
    if (x.label != y.label) return x.label < y.label;
    return x.id < y.id;
}

std::size_t Document::lower_position(std::size_t start, std::size_t end, std::string_view label,
                                     std::string_view id) const {
    auto it = std::lower_bound(order_.begin(), order_.end(), 0, [&](const Entry& e, int) {
        if (e.start != start) return e.start < start;
        if (e.end != end) return e.end < end;
        const Span& s = slots_[e.slot];
        if (s.label != label) return s.label < label;
        return s.id < id;
    });
    return static_cast<std::size_t>(it - order_.begin());
}

std::optional<std::uint32_t> Document::slot_of(std::string_view span_id) const {
    return slot_by_id_.find(id_hash(span_id), [&](std::uint32_t slot) { return slots_[slot].id == span_id; });
}

const Span* Document::find_span(std::string_view id) const {
    const auto slot = slot_of(id);
    return slot ? &slots_[*slot] : nullptr;
}

const Span* Document::find_span(std::size_t start, std::size_t end, std::string_view label) const {
    const std::size_t p = lower_position(start, end, label, "");
    if (p == order_.size()) return nullptr;
    const Span& s = span_at(p);
    return s.start == start && s.end == end && s.label == label ? &s : nullptr;
}

std::optional<std::size_t> Document::position_of(std::string_view span_id) const {
    const Span* s = find_span(span_id);
    if (!s) return std::nullopt;
    return lower_position(s->start, s->end, s->label, s->id);
}

std::vector<const Span*> Document::spans_overlapping(std::size_t start, std::size_t end) const {
    std::vector<const Span*> out;
    spans_overlapping(start, end, out);
    return out;
}

void Document::spans_overlapping(std::size_t start, std::size_t end, std::vector<const Span*>& out) const {
    out.clear();
    // Entries before `hi` start before `end`; of those, keep the ones that end after `start`.
    const std::size_t hi = static_cast<std::size_t>(
        std::partition_point(order_.begin(), order_.end(), [&](const Entry& e) { return e.start < end; }) -
        order_.begin());
    const std::size_t blocks = (hi + kBlock - 1) / kBlock;
    // The running max is sorted, so the first block that can hold a hit is found by bisection.
    const std::size_t first = static_cast<std::size_t>(
        std::partition_point(block_prefix_max_.begin(), block_prefix_max_.begin() + static_cast<std::ptrdiff_t>(blocks),
                             [&](std::uint32_t m) { return m <= start; }) -
        block_prefix_max_.begin());
    for (std::size_t b = first; b < blocks; ++b) {
        if (block_max_end_[b] <= start) continue;
        const std::size_t stop = std::min(hi, (b + 1) * kBlock);
        for (std::size_t i = b * kBlock; i < stop; ++i)
            if (order_[i].end > start) out.push_back(&slots_[order_[i].slot]);
    }
}

const Span* Document::find_crossing(std::size_t start, std::size_t end) const {
    for (const Span* s : spans_overlapping(start, end)) {
        if ((s->start < start && start < s->end && s->end < end) || (start < s->start && s->start < end && end < s->end))
            return s;
    }
    return nullptr;
}

std::optional<std::pair<const Span*, const Span*>> Document::find_crossing_pair() const {
    // Sweep in (start asc, end desc) order with a stack of open spans: nested spans form a chain,
    // so a span crosses something open iff it outlives the innermost open span that started before it.
    std::vector<Entry> sorted(order_);
    std::sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Entry> open;
    for (const Entry& e : sorted) {
        while (!open.empty() && open.back().end <= e.start) open.pop_back();
        if (!open.empty() && open.back().start < e.start && open.back().end < e.end)
            return std::pair{&slots_[open.back().slot], &slots_[e.slot]};
        open.push_back(e);
    }
    return std::nullopt;
}

std::size_t Document::label_count(std::string_view label) const {
    auto it = label_counts_.find(label);
    return it == label_counts_.end() ? 0 : it->second;
}

std::uint32_t Document::store(Span span) {
    const bool reuse = !free_slots_.empty();
    const std::uint32_t slot = reuse ? free_slots_.back() : static_cast<std::uint32_t>(slots_.size());
    if (reuse) {
        free_slots_.pop_back();
        slots_[slot] = std::move(span);
    } else {
        slots_.push_back(std::move(span));  // (not a default span assigned over)
    }
    index_slot(slot);
    return slot;
}

void Document::index_slot(std::uint32_t slot) {
    const Span& span = slots_[slot];
    if (auto n = id_number(span.id, 'T')) next_span_number_ = std::max(next_span_number_, *n + 1);
    count_up(label_counts_, span.label);
    slot_by_id_.insert(id_hash(span.id), slot);
}

void Document::release(std::uint32_t slot) {
    count_down(label_counts_, slots_[slot].label);
    slot_by_id_.erase(id_hash(slots_[slot].id), [slot](std::uint32_t s) { return s == slot; });
    slots_[slot] = Span{};
    free_slots_.push_back(slot);
}

void Document::rebuild_blocks(std::size_t from_position) {
    const std::size_t blocks = (order_.size() + kBlock - 1) / kBlock;
    block_max_end_.resize(blocks);
    block_prefix_max_.resize(blocks);
    for (std::size_t b = from_position / kBlock; b < blocks; ++b) {
        std::uint32_t m = 0;
        const std::size_t stop = std::min(order_.size(), (b + 1) * kBlock);
        for (std::size_t i = b * kBlock; i < stop; ++i) m = std::max(m, order_[i].end);
        block_max_end_[b] = m;
        block_prefix_max_[b] = b == 0 ? m : std::max(m, block_prefix_max_[b - 1]);
    }
}

void Document::insert_span(Span span) {
    const Entry e{static_cast<std::uint32_t>(span.start), static_cast<std::uint32_t>(span.end), 0};
    const std::size_t p = lower_position(span.start, span.end, span.label, span.id);
    const std::uint32_t slot = store(std::move(span));
    order_.insert(order_.begin() + static_cast<std::ptrdiff_t>(p), Entry{e.start, e.end, slot});
    rebuild_blocks(p);
}

void Document::insert_spans(std::vector<Span> spans) {
    if (spans.size() == 1) return insert_span(std::move(spans.front()));
    const std::size_t old_size = order_.size();
    order_.reserve(old_size + spans.size());
    if (slots_.empty()) {  // a document arriving whole: the vector becomes the storage, no span moved
        slots_ = std::move(spans);
        slot_by_id_.reserve(slots_.size());
        for (std::uint32_t slot = 0; slot < slots_.size(); ++slot) {
            index_slot(slot);
            order_.push_back(Entry{static_cast<std::uint32_t>(slots_[slot].start), static_cast<std::uint32_t>(slots_[slot].end), slot});
        }
    } else {
        if (spans.size() >= slots_.size()) {  // no span moved twice, no rehash
            slots_.reserve(slots_.size() + spans.size());
            slot_by_id_.reserve(slot_by_id_.size() + spans.size());
        }  // (smaller batches keep the containers' own geometric growth)
        for (Span& s : spans) {
            const auto start = static_cast<std::uint32_t>(s.start), end = static_cast<std::uint32_t>(s.end);
            order_.push_back(Entry{start, end, store(std::move(s))});
        }
    }
    auto less = [this](const Entry& a, const Entry& b) { return entry_less(a, b); };
    const auto mid = order_.begin() + static_cast<std::ptrdiff_t>(old_size);
    // Ids are unique, so the order is total: spans that come sorted (a file in text order) need no sort.
    if (!std::is_sorted(mid, order_.end(), less)) std::sort(mid, order_.end(), less);
    std::inplace_merge(order_.begin(), mid, order_.end(), less);
    rebuild_blocks(0);
}

void Document::erase_span(std::string_view id) {
    auto p = position_of(id);
    if (!p) return;
    const std::uint32_t slot = order_[*p].slot;
    order_.erase(order_.begin() + static_cast<std::ptrdiff_t>(*p));
    release(slot);
    rebuild_blocks(*p);
}

void Document::erase_spans(const std::vector<std::string>& ids) {
    if (ids.size() == 1) return erase_span(ids.front());
    std::vector<bool> doomed(slots_.size(), false);
    for (const auto& id : ids)
        if (const auto slot = slot_of(id)) doomed[*slot] = true;
    std::erase_if(order_, [&](const Entry& e) { return doomed[e.slot]; });
    for (std::uint32_t slot = 0; slot < doomed.size(); ++slot)
        if (doomed[slot]) release(slot);
    rebuild_blocks(0);
}

void Document::replace_span(Span span) {
    auto p = position_of(span.id);
    if (!p) return;
    Span& old = slots_[order_[*p].slot];
    if (old.start == span.start && old.end == span.end && old.label == span.label) {
        old = std::move(span);
        return;
    }
    erase_span(std::string(span.id));
    insert_span(std::move(span));
}

void Document::rename_label(std::string_view from, std::string_view to) {
    if (label_count(from) == 0) return;
    for (Span& s : slots_)
        if (s.label == from && !s.id.empty()) s.label = std::string(to);
    label_counts_[std::string(to)] += label_count(from);
    label_counts_.erase(label_counts_.find(from));
    std::sort(order_.begin(), order_.end(), [this](const Entry& a, const Entry& b) { return entry_less(a, b); });
    rebuild_blocks(0);
}

// ---- relations --------------------------------------------------------------------------------

std::vector<Relation>::iterator Document::relation_iterator(std::string_view id) {
    auto it = std::lower_bound(relations_.begin(), relations_.end(), id,
                               [](const Relation& r, std::string_view key) { return natural_id_less(r.id, key); });
    return it != relations_.end() && it->id == id ? it : relations_.end();
}

const Relation* Document::find_relation(std::string_view id) const {
    auto it = std::lower_bound(relations_.begin(), relations_.end(), id,
                               [](const Relation& r, std::string_view key) { return natural_id_less(r.id, key); });
    return it != relations_.end() && it->id == id ? &*it : nullptr;
}

std::vector<const Relation*> Document::relations_of(std::string_view span_id) const {
    std::vector<const Relation*> out;
    for_each_relation_of(span_id, [&](const Relation& r) { out.push_back(&r); });
    return out;
}

bool Document::has_relations(std::string_view span_id) const { return relations_by_span_.any(relations_, span_id); }

const Relation* Document::find_relation(std::string_view type, std::string_view head, std::string_view tail) const {
    const Relation* found = nullptr;
    for_each_relation_of(head, [&](const Relation& r) {
        if (!found && r.type == type && r.head == head && r.tail == tail) found = &r;
    });
    return found;
}

std::size_t Document::relation_type_count(std::string_view type) const {
    auto it = relation_counts_.find(type);
    return it == relation_counts_.end() ? 0 : it->second;
}

bool Document::has_id(std::string_view id) const { return find_span(id) || find_relation(id); }

void Document::count_relation(const Relation& r) {
    count_up(relation_counts_, r.type);
    if (auto n = id_number(r.id, 'R')) next_relation_number_ = std::max(next_relation_number_, *n + 1);
}

void Document::uncount_relation(const Relation& r) { count_down(relation_counts_, r.type); }

void Document::insert_relation(Relation relation) {
    count_relation(relation);
    auto it = std::lower_bound(relations_.begin(), relations_.end(), relation.id,
                               [](const Relation& r, const std::string& key) { return natural_id_less(r.id, key); });
    const auto position = static_cast<std::size_t>(it - relations_.begin());
    relations_.insert(it, std::move(relation));
    relations_by_span_.inserted(relations_, position);
}

void Document::insert_relations(std::vector<Relation> relations) {
    const std::size_t old_size = relations_.size();
    if (relations.size() >= old_size) relations_.reserve(old_size + relations.size());  // as for spans
    for (Relation& r : relations) {
        count_relation(r);
        relations_.push_back(std::move(r));
    }
    auto less = [](const Relation& a, const Relation& b) { return natural_id_less(a.id, b.id); };
    const auto mid = relations_.begin() + static_cast<std::ptrdiff_t>(old_size);
    if (!std::is_sorted(mid, relations_.end(), less)) std::sort(mid, relations_.end(), less);  // ids are unique: a total order
    std::inplace_merge(relations_.begin(), mid, relations_.end(), less);
    relations_by_span_.rebuild(relations_);
}

void Document::erase_relation(std::string_view id) {
    auto it = relation_iterator(id);
    if (it == relations_.end()) return;
    uncount_relation(*it);
    relations_by_span_.erasing(relations_, static_cast<std::size_t>(it - relations_.begin()));
    relations_.erase(it);
}

void Document::erase_relations(const std::vector<std::string>& ids) {
    std::unordered_set<std::string_view> doomed(ids.begin(), ids.end());
    const std::size_t old_size = relations_.size();
    std::erase_if(relations_, [&](const Relation& r) {
        if (!doomed.count(r.id)) return false;
        uncount_relation(r);
        return true;
    });
    if (relations_.size() != old_size) relations_by_span_.rebuild(relations_);
}

void Document::replace_relation(Relation relation) {
    auto it = relation_iterator(relation.id);
    if (it == relations_.end()) return;
    const auto position = static_cast<std::size_t>(it - relations_.begin());
    uncount_relation(*it);
    count_relation(relation);
    relations_by_span_.forget(relations_, position);
    *it = std::move(relation);
    relations_by_span_.remember(relations_, position);
}

void Document::rename_relation_type(std::string_view from, std::string_view to) {
    const std::size_t n = relation_type_count(from);
    if (n == 0) return;
    for (Relation& r : relations_)
        if (r.type == from) r.type = std::string(to);
    relation_counts_[std::string(to)] += n;
    relation_counts_.erase(relation_counts_.find(from));
}

bool Document::operator==(const Document& other) const {
    if (id_ != other.id_ || name_ != other.name_ || text_ != other.text_ || status_ != other.status_ ||
        language_ != other.language_ || direction_ != other.direction_ || annotator_ != other.annotator_ || layer_of_ != other.layer_of_ || created_ != other.created_ ||
        modified_ != other.modified_ ||
        order_.size() != other.order_.size() || relations_ != other.relations_)
        return false;
    for (std::size_t i = 0; i < order_.size(); ++i)
        if (span_at(i) != other.span_at(i)) return false;
    return true;
}

}  // namespace inkspan
