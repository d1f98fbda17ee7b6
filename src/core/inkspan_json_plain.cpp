#include "core/inkspan_json_plain.h"

#include <algorithm>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/json_string_bytes.h"
#include "core/limits.h"
#include "core/text_index.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan {

namespace {

// A cursor over the element's bytes with nlohmann/json's grammar (blanks, strings and their
// escapes), taking only what the plain shape has. Every method returns false when the bytes are
// not that: the caller then gives up on the quick way.
class PlainJson {
public:
    explicit PlainJson(std::string_view bytes) : p_(bytes.data()), end_(bytes.data() + bytes.size()) {}

    bool consume(char c) {
        skip_blanks();
        if (p_ == end_ || *p_ != c) return false;
        ++p_;
        return true;
    }
    bool at_end() {
        skip_blanks();
        return p_ == end_;
    }

    bool string(std::string& out) {
        if (!consume('"')) return false;
        out.clear();
        return string_rest(out);
    }

    // A key: most have no escapes and are looked at where they stand, the others decoded into a
    // buffer shared by all keys.
    bool key(std::string_view& out) {
        return string_in_place(out, [this]() -> std::string& { return key_; });
    }

    // A string without escapes is looked at where it stands in the element (no copy); one with
    // escapes is decoded into a string of its own that stays where it is while the cursor lives.
    bool string_view_of(std::string_view& out) {
        return string_in_place(out, [this]() -> std::string& { return decoded_.emplace_back(); });
    }

    // A non-negative integer without sign, fraction or exponent, below 10^19 (so it fits 64 bits;
    // the tree reader takes "-0" and longer ones, or refuses them with a message).
    bool unsigned_number(std::uint64_t& out) {
        skip_blanks();
        const char* first = p_;
        out = 0;
        while (p_ != end_ && *p_ >= '0' && *p_ <= '9') out = out * 10 + static_cast<std::uint64_t>(*p_++ - '0');
        const std::ptrdiff_t digits = p_ - first;
        if (digits == 0 || digits > 19 || (digits > 1 && *first == '0')) return false;
        return p_ == end_ || (*p_ != '.' && *p_ != 'e' && *p_ != 'E');
    }

    // `{ "key": value, ... }`: on_member(key) reads the value after the colon. The key is valid
    // until the value's own objects are read (one buffer for keys with escapes).
    template <class OnMember>
    bool object(OnMember&& on_member) {
        if (!consume('{')) return false;
        if (consume('}')) return true;
        std::string_view name;
        do {
            if (!key(name) || !consume(':') || !on_member(name)) return false;
        } while (consume(','));
        return consume('}');
    }

    // `[ item, ... ]`: on_item() reads one item.
    template <class OnItem>
    bool array(OnItem&& on_item) {
        if (!consume('[')) return false;
        if (consume(']')) return true;
        do {
            if (!on_item()) return false;
        } while (consume(','));
        return consume(']');
    }

    bool strings(std::vector<std::string>& out) {
        return array([&] { return string(out.emplace_back()); });
    }

private:
    // A string where it stands, or decoded into buffer() when it has escapes.
    template <class Buffer>
    bool string_in_place(std::string_view& out, Buffer&& buffer) {
        if (!consume('"')) return false;
        const char* first = p_;
        skip_plain_bytes();
        if (p_ != end_ && *p_ == '"') {
            out = std::string_view(first, static_cast<std::size_t>(p_++ - first));
            return true;
        }
        std::string& decoded = buffer();
        decoded.assign(first, p_);
        if (!string_rest(decoded)) return false;
        out = decoded;
        return true;
    }

    // The bytes of a string that stand for themselves: all but the quote, the backslash and
    // control characters (which nlohmann/json refuses in strings).
    void skip_plain_bytes() {
        p_ += find_json_string_special(std::string_view(p_, static_cast<std::size_t>(end_ - p_)), 0);
    }

    // After the opening quote (and what is already in `out`): to the closing quote.
    bool string_rest(std::string& out) {
        for (;;) {
            const char* run = p_;
            skip_plain_bytes();
            out.append(run, p_);
            if (p_ == end_) return false;
            const char c = *p_++;
            if (c == '"') return true;
            if (c != '\\' || !escape(out)) return false;
        }
    }

    void skip_blanks() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool escape(std::string& out) {
        if (p_ == end_) return false;
        switch (*p_++) {
            case '"': out += '"'; return true;
            case '\\': out += '\\'; return true;
            case '/': out += '/'; return true;
            case 'b': out += '\b'; return true;
            case 'f': out += '\f'; return true;
            case 'n': out += '\n'; return true;
            case 'r': out += '\r'; return true;
            case 't': out += '\t'; return true;
            case 'u': return unicode_escape(out);
            default: return false;
        }
    }

    // \uXXXX, a surrogate pair as two of them; a lone surrogate is a syntax error.
    bool unicode_escape(std::string& out) {
        char32_t cp = 0;
        if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(out, cp);
        return true;
    }

    bool hex4(char32_t& out) {
        if (end_ - p_ < 4) return false;
        for (int i = 0; i < 4; ++i) {
            const char c = *p_++;
            const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) return false;
            out = out * 16 + static_cast<char32_t>(digit);
        }
        return true;
    }

    const char* p_;
    const char* end_;
    std::string key_;
    std::deque<std::string> decoded_;  // never moved: views of them stay valid
};

// Each key of an object once: a second one is left to the tree reader (there the last one wins).
struct KeysSeen {
    std::uint32_t bits = 0;
    bool first(int key) {
        const std::uint32_t bit = std::uint32_t{1} << key;
        if (bits & bit) return false;
        bits |= bit;
        return true;
    }
    [[nodiscard]] bool has(int key) const { return bits & (std::uint32_t{1} << key); }
};

bool within(std::string_view s, std::size_t max_bytes) { return s.size() <= max_bytes; }

bool names_within_limits(const std::vector<std::string>& names) {
    return names.size() <= kMaxAnnotatorsPerItem &&
           std::all_of(names.begin(), names.end(), [](const std::string& n) { return within(n, kMaxMetaBytes); });
}

constexpr std::uint32_t kNone = 0xFFFFFFFF;

// A span's element as read: small and trivially copied while the list grows (50,000 Spans grown
// one by one moved 9 MB twice over); the Spans are made once, when the count is known. Strings
// are views of the element (or of their decoded copies); offsets as read (64 bits even where
// size_t has 32); the fields most spans lack in a Span of `rests` at index `rest`.
struct SpanRecord {
    std::string_view id, label, claimed_text;
    std::uint64_t start = 0, end = 0;
    bool has_claimed_text = false;
    std::uint32_t rest = kNone;
};

struct RelationRecord {
    std::string_view id, type, head, tail;
    std::uint32_t agreed_by = kNone;  // index in PlainDocument::relation_agreed_by
};

// Span ids → their place in the file's list of spans, for the checks that ids are distinct and
// for the relations' ends: an id of the writer's form "T<n>" (no leading zero) by n in a table,
// any other in a hash map. The two never hold the same id, so an id is found where it was put.
class SpanIdTable {
public:
    static constexpr std::uint32_t kAbsent = kNone;

    explicit SpanIdTable(std::size_t span_count) : by_number_(4 * span_count + 64, kAbsent) {}

    // False when the id is already there.
    bool add(std::string_view id, std::uint32_t index) {
        if (const std::size_t n = number(id); n != kNoNumber) {
            if (by_number_[n] != kAbsent) return false;
            by_number_[n] = index;
            return true;
        }
        return others_.emplace(id, index).second;
    }
    [[nodiscard]] std::uint32_t find(std::string_view id) const {
        if (const std::size_t n = number(id); n != kNoNumber) return by_number_[n];
        const auto it = others_.find(id);
        return it == others_.end() ? kAbsent : it->second;
    }

private:
    static constexpr std::size_t kNoNumber = static_cast<std::size_t>(-1);

    // n for "T<n>" with n a table index written without leading zeros, else kNoNumber.
    [[nodiscard]] std::size_t number(std::string_view id) const {
        if (id.size() < 2 || id.size() > 10 || id[0] != 'T' || (id[1] == '0' && id.size() > 2)) return kNoNumber;
        std::size_t n = 0;
        for (std::size_t i = 1; i < id.size(); ++i) {
            if (id[i] < '0' || id[i] > '9') return kNoNumber;
            n = n * 10 + static_cast<std::size_t>(id[i] - '0');
        }
        return n < by_number_.size() ? n : kNoNumber;
    }

    std::vector<std::uint32_t> by_number_;
    std::unordered_map<std::string_view, std::uint32_t> others_;
};

struct PlainDocument {
    std::string id, name, text, status = "new", language, direction, annotator, created, modified;
    std::vector<SpanRecord> spans;
    std::vector<Span> span_rests;  // note, agreed_by and attributes of the spans that have them
    std::vector<RelationRecord> relations;
    std::vector<std::vector<std::string>> relation_agreed_by;
};

class PlainReader {
public:
    PlainReader(std::string_view element, const Schema& schema) : json_(element), schema_(schema) {}

    std::optional<Document> read() {
        PlainDocument d;
        if (!document(d) || !json_.at_end()) return std::nullopt;
        return build(d);
    }

private:
    bool document(PlainDocument& d) {
        enum { Id, Name, Text, Status, Language, Direction, Annotator, Created, Modified, Spans, Relations };
        KeysSeen seen;
        const bool parsed = json_.object([&](std::string_view key) {
            if (key == "id") return seen.first(Id) && json_.string(d.id);
            if (key == "name") return seen.first(Name) && json_.string(d.name);
            if (key == "text") return seen.first(Text) && json_.string(d.text);
            if (key == "status") return seen.first(Status) && json_.string(d.status);
            if (key == "language") return seen.first(Language) && json_.string(d.language);
            if (key == "direction") return seen.first(Direction) && json_.string(d.direction);
            if (key == "annotator") return seen.first(Annotator) && json_.string(d.annotator);
            if (key == "created") return seen.first(Created) && json_.string(d.created);
            if (key == "modified") return seen.first(Modified) && json_.string(d.modified);
            if (key == "spans") return seen.first(Spans) && json_.array([&] { return span(d.spans.emplace_back(), d.span_rests); });
            if (key == "relations")
                return seen.first(Relations) && json_.array([&] { return relation(d.relations.emplace_back(), d.relation_agreed_by); });
            return false;  // "layer_of" (a layer) or a key the plain shape does not have
        });
        return parsed && seen.has(Id) && seen.has(Text);
    }

    bool span(SpanRecord& s, std::vector<Span>& rests) {
        enum { Id, Start, End, Label, Text, Note, AgreedBy, Attributes };
        KeysSeen seen;
        const auto rest = [&]() -> Span& {
            if (s.rest == kNone) {
                s.rest = static_cast<std::uint32_t>(rests.size());
                rests.emplace_back();
            }
            return rests[s.rest];
        };
        const bool parsed = json_.object([&](std::string_view key) {
            if (key == "id") return seen.first(Id) && json_.string_view_of(s.id);
            if (key == "start") return seen.first(Start) && json_.unsigned_number(s.start);
            if (key == "end") return seen.first(End) && json_.unsigned_number(s.end);
            if (key == "label") return seen.first(Label) && json_.string_view_of(s.label);
            if (key == "text") return seen.first(Text) && (s.has_claimed_text = json_.string_view_of(s.claimed_text));
            if (key == "note") return seen.first(Note) && json_.string(rest().note);
            if (key == "agreed_by") return seen.first(AgreedBy) && json_.strings(rest().agreed_by);
            if (key == "attributes") return seen.first(Attributes) && attributes(rest().attributes);
            return false;
        });
        return parsed && seen.has(Id) && seen.has(Start) && seen.has(End) && seen.has(Label);
    }

    bool attributes(Attributes& out) {
        std::string value;
        return json_.object([&](std::string_view key) {
            return json_.string(value) && out.emplace(std::string(key), value).second;
        });
    }

    bool relation(RelationRecord& r, std::vector<std::vector<std::string>>& agreed_by) {
        enum { Id, Type, Head, Tail, AgreedBy };
        KeysSeen seen;
        const bool parsed = json_.object([&](std::string_view key) {
            if (key == "id") return seen.first(Id) && json_.string_view_of(r.id);
            if (key == "type") return seen.first(Type) && json_.string_view_of(r.type);
            if (key == "head") return seen.first(Head) && json_.string_view_of(r.head);
            if (key == "tail") return seen.first(Tail) && json_.string_view_of(r.tail);
            if (key == "agreed_by") {
                if (!seen.first(AgreedBy)) return false;
                r.agreed_by = static_cast<std::uint32_t>(agreed_by.size());
                return json_.strings(agreed_by.emplace_back());
            }
            return false;
        });
        return parsed && seen.has(Id) && seen.has(Type) && seen.has(Head) && seen.has(Tail);
    }

    // The tree reader's checks, each as a yes or no (its messages are not needed here).
    std::optional<Document> build(PlainDocument& d) {
        if (!within(d.id, kMaxIdBytes) || !is_valid_id(d.id) || !within(d.name, kMaxMetaBytes) ||
            !within(d.text, kMaxTextBytes) || !within(d.status, kMaxMetaBytes) || !within(d.language, kMaxMetaBytes) ||
            !within(d.direction, kMaxMetaBytes) || !within(d.annotator, kMaxMetaBytes) ||
            !within(d.created, kMaxMetaBytes) || !within(d.modified, kMaxMetaBytes))
            return std::nullopt;
        const auto status = parse_doc_status(d.status);
        if (!status || (!d.language.empty() && !is_valid_language_tag(d.language))) return std::nullopt;
        const auto direction = d.direction.empty() ? std::optional(DirectionChoice::automatic) : parse_direction_choice(d.direction);
        if (!direction || d.spans.size() > kMaxSpansPerDocument || d.relations.size() > kMaxRelationsPerDocument)
            return std::nullopt;
        auto doc = Document::create(std::move(d.id), std::move(d.name), std::move(d.text));
        if (!doc) return std::nullopt;
        label_checked_.assign(schema_.entities.size(), false);
        for (const SpanRecord& s : d.spans)
            if (!span_acceptable(s, d, *doc)) return std::nullopt;
        SpanIdTable ids(d.spans.size());
        for (std::size_t i = 0; i < d.spans.size(); ++i)
            if (!ids.add(d.spans[i].id, static_cast<std::uint32_t>(i))) return std::nullopt;
        if (!relations_acceptable(d, ids)) return std::nullopt;
        doc->set_status(*status);
        doc->set_language(std::move(d.language));
        doc->set_direction(*direction);
        doc->set_annotator(std::move(d.annotator));
        doc->set_created(std::move(d.created));
        doc->set_modified(std::move(d.modified));
        doc->insert_spans(spans(d));
        if (!spans_distinct(*doc)) return std::nullopt;
        doc->insert_relations(relations(d));
        if (!relation_ids_distinct(*doc)) return std::nullopt;
        return std::move(*doc);
    }

    bool span_acceptable(const SpanRecord& s, const PlainDocument& d, const Document& doc) {
        if (!within(s.id, kMaxIdBytes) || !is_valid_id(s.id) || s.end > doc.length() || s.start >= s.end || !known_label(s.label))
            return false;
        if (s.rest != kNone) {
            const Span& rest = d.span_rests[s.rest];
            if (!within(rest.note, kMaxNoteBytes) || !names_within_limits(rest.agreed_by) ||
                rest.attributes.size() > kMaxAttributesPerSpan)
                return false;
            for (const auto& [key, value] : rest.attributes)
                if (!is_valid_token(key, kMaxAttributeBytes) || !within(value, kMaxAttributeBytes)) return false;
        }
        return !s.has_claimed_text ||
               s.claimed_text == covered_text(doc, static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.end));
    }

    // The Spans for the document, made once each (the records' checks passed).
    static std::vector<Span> spans(PlainDocument& d) {
        std::vector<Span> out(d.spans.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            const SpanRecord& r = d.spans[i];
            Span& s = out[i];
            s.id = r.id;
            s.start = static_cast<std::size_t>(r.start);
            s.end = static_cast<std::size_t>(r.end);
            s.label = r.label;
            if (r.rest != kNone) {
                Span& rest = d.span_rests[r.rest];
                s.note = std::move(rest.note);
                s.agreed_by = std::move(rest.agreed_by);
                s.attributes = std::move(rest.attributes);
            }
        }
        return out;
    }

    static std::vector<Relation> relations(PlainDocument& d) {
        std::vector<Relation> out(d.relations.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            const RelationRecord& r = d.relations[i];
            Relation& relation = out[i];
            relation.id = r.id;
            relation.type = r.type;
            relation.head = r.head;
            relation.tail = r.tail;
            if (r.agreed_by != kNone) relation.agreed_by = std::move(d.relation_agreed_by[r.agreed_by]);
        }
        return out;
    }

    // A label of the schema: each one's form is checked once (the schema's names are checked
    // when it is read, but this reader does not count on that).
    bool known_label(std::string_view name) {
        const auto i = schema_.entity_index(name);
        if (!i) return false;
        if (!label_checked_[*i]) {
            if (!within(name, kMaxNameBytes) || !is_valid_type_name(name)) return false;
            label_checked_[*i] = true;
        }
        return true;
    }

    // Document::span_text, found by walking on from the last span's start when this one starts
    // a little after it (spans come in text order), else through the index; the end by walking
    // the span's code points from its start: most spans are a few words.
    std::string_view covered_text(const Document& doc, std::size_t start, std::size_t stop) {
        constexpr std::size_t kWalk = TextIndex::kStride;  // code points; the index is as quick beyond this
        const std::string_view text = doc.text();
        const std::size_t begin = start >= cursor_cp_ && start - cursor_cp_ <= kWalk
                                      ? skip_code_points(text, cursor_byte_, start - cursor_cp_)
                                      : doc.index().code_point_to_byte(text, start);
        cursor_cp_ = start;
        cursor_byte_ = begin;
        const std::size_t end = stop - start <= kWalk ? skip_code_points(text, begin, stop - start)
                                                      : doc.index().code_point_to_byte(text, stop);
        return text.substr(begin, end - begin);
    }

    // (start, end, label) once each — the document's order puts equal ones side by side — and
    // no crossing unless the schema allows it. (Ids were checked on the spans as read.)
    bool spans_distinct(const Document& doc) const {
        for (std::size_t p = 1; p < doc.span_count(); ++p) {
            const Span& s = doc.span_at(p);
            const Span& before = doc.span_at(p - 1);
            if (before.start == s.start && before.end == s.end && before.label == s.label) return false;
        }
        return schema_.allow_crossing_spans || !has_crossing(doc);
    }

    // Document::find_crossing_pair's sweep without its sort: the document's order is by start,
    // then end, so each run of spans with one start, taken backwards, gives the sweep's order
    // (start ascending, end descending). Nested spans form a chain on the stack of open ones; a
    // span crosses something open iff it outlives the innermost open span that started before it.
    static bool has_crossing(const Document& doc) {
        std::vector<std::pair<std::size_t, std::size_t>> open;  // (start, end)
        const std::size_t n = doc.span_count();
        for (std::size_t run = 0; run < n;) {
            const std::size_t start = doc.span_at(run).start;
            std::size_t run_end = run + 1;
            while (run_end < n && doc.span_at(run_end).start == start) ++run_end;
            for (std::size_t p = run_end; p-- > run;) {
                const Span& s = doc.span_at(p);
                while (!open.empty() && open.back().second <= s.start) open.pop_back();
                if (!open.empty() && open.back().first < s.start && open.back().second < s.end) return true;
                open.emplace_back(s.start, s.end);
            }
            run = run_end;
        }
        return false;
    }

    // Relation ids once each (natural order puts equal ids together); that none is a span id
    // was checked with the spans as read.
    static bool relation_ids_distinct(const Document& doc) {
        const auto& relations = doc.relations();
        for (std::size_t i = 1; i < relations.size(); ++i)
            if (relations[i - 1].id == relations[i].id) return false;
        return true;
    }

    // Each relation's fields, an id no span has, its ends among the spans, its type in the schema
    // allowing their labels, and no two relations of a type between the same spans (either way
    // round when the type is undirected): (type, head, tail) as the type's index and the spans'
    // places in one number each, sorted.
    bool relations_acceptable(const PlainDocument& d, const SpanIdTable& ids) const {
        static_assert(kMaxRelationTypes < (1u << 8) && kMaxSpansPerDocument < (1u << 28));
        const std::vector<SpanRecord>& spans = d.spans;
        std::vector<std::uint64_t> ends;
        ends.reserve(d.relations.size());
        for (const RelationRecord& r : d.relations) {
            if (!within(r.id, kMaxIdBytes) || !is_valid_id(r.id) || !within(r.type, kMaxNameBytes) ||
                !within(r.head, kMaxIdBytes) || !within(r.tail, kMaxIdBytes) ||
                (r.agreed_by != kNone && !names_within_limits(d.relation_agreed_by[r.agreed_by])) ||
                !is_valid_type_name(r.type) || r.head == r.tail || ids.find(r.id) != SpanIdTable::kAbsent)
                return false;
            const std::uint32_t head = ids.find(r.head), tail = ids.find(r.tail);
            const auto type = schema_.relation_index(r.type);
            if (head == SpanIdTable::kAbsent || tail == SpanIdTable::kAbsent || !type) return false;
            const RelationType& t = schema_.relations[*type];
            if (!t.allows(spans[head].label, spans[tail].label)) return false;
            const bool swap = !t.directed && r.tail < r.head;
            ends.push_back(std::uint64_t{*type} << 56 | std::uint64_t{swap ? tail : head} << 28 | (swap ? head : tail));
        }
        std::sort(ends.begin(), ends.end());
        return std::adjacent_find(ends.begin(), ends.end()) == ends.end();
    }

    PlainJson json_;
    const Schema& schema_;
    std::vector<bool> label_checked_;         // by entity type index
    std::size_t cursor_cp_ = 0, cursor_byte_ = 0;  // where the last span checked starts
};

}  // namespace

std::optional<Document> read_plain_document(std::string_view element, const Schema& schema) {
    return PlainReader(element, schema).read();
}

}  // namespace inkspan
