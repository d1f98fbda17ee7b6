#pragma once
// One annotated text: the exact UTF-8 the user gave, its metadata, its spans (kept sorted by
// start, end, label, id) and its relations (kept in natural id order: R2 before R10).
// Every offset here counts code points, start inclusive, end exclusive.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/bidi.h"
#include "core/index_table.h"
#include "core/relations_by_span.h"
#include "core/result.h"
#include "core/text_index.h"
#include "core/utf8_text.h"

namespace inkspan {

enum class DocStatus { New, InProgress, Done };

// "new", "in_progress", "done" — the names files use.
[[nodiscard]] std::string_view doc_status_name(DocStatus status);
// "auto", "ltr", "rtl" (the inkspan format's "direction").
[[nodiscard]] std::string_view direction_choice_name(DirectionChoice direction);
[[nodiscard]] std::optional<DirectionChoice> parse_direction_choice(std::string_view name);
[[nodiscard]] std::optional<DocStatus> parse_doc_status(std::string_view name);

using Attributes = std::map<std::string, std::string>;

struct Span {
    std::string id;         // "T<n>"; unique among the document's span and relation ids
    std::size_t start = 0;  // code points, inclusive
    std::size_t end = 0;    // code points, exclusive
    std::string label;      // an entity type name of the schema
    std::string note;       // free text; may be empty
    Attributes attributes;  // free key/value pairs; may be empty
    // Provenance in a gold layer: the annotators who had this span when it was adjudicated
    // (empty elsewhere, and for a span the curator added).
    std::vector<std::string> agreed_by;

    bool operator==(const Span&) const = default;
};

struct Relation {
    std::string id;    // "R<n>"
    std::string type;  // a relation type name of the schema
    std::string head;  // span id
    std::string tail;  // span id
    std::vector<std::string> agreed_by;  // provenance in a gold layer, as Span::agreed_by

    bool operator==(const Relation&) const = default;
};

// "T2" < "T10" < "U1": the prefix first, then the trailing number by value, then the whole text.
[[nodiscard]] bool natural_id_less(std::string_view a, std::string_view b);

struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using CountMap = std::map<std::string, std::size_t, std::less<>>;

class Document {
public:
    class SpanIterator;
    class SpanRange;

    Document() = default;
    // Refuses an invalid id, a name or text over the limits, and text that is not UTF-8
    // (`text: invalid UTF-8 at byte 57`). Messages name the field so loaders can prefix a path.
    [[nodiscard]] static Result<Document> create(std::string id, std::string name, std::string text);
    // The same for text checked as UTF-8 already (an import's files): only that check is skipped.
    [[nodiscard]] static Result<Document> create(std::string id, std::string name, Utf8Text text);
    // The same document (metadata, spans, relations) under another id: ids are fixed at creation.
    [[nodiscard]] Result<Document> with_id(std::string id) const;

    [[nodiscard]] const std::string& id() const { return id_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    [[nodiscard]] const std::string& text() const { return text_; }
    [[nodiscard]] const TextIndex& index() const { return index_; }
    [[nodiscard]] std::size_t length() const { return index_.code_point_count(); }  // in code points
    [[nodiscard]] DocStatus status() const { return status_; }
    // A BCP 47 tag ("zh-Hans", "ja", "ko", "en-US") that overrides the language guessed from the
    // text (the CJK variant of fonts); "" = automatic. Checked by is_valid_language_tag.
    [[nodiscard]] const std::string& language() const { return language_; }
    // Direction of its paragraphs: each from its first strong character (automatic), or forced.
    [[nodiscard]] DirectionChoice direction() const { return direction_; }
    [[nodiscard]] const std::string& annotator() const { return annotator_; }
    // Annotator layers (issue 18): a layer is a Document with the same text as the document it
    // belongs to, holding one more annotator's spans and relations (or the gold layer). Its id is
    // its own; layer_of() is the id of that document ("" for a document in its own right). A
    // layer's name, language and direction are its document's (corpus.h keeps them equal).
    [[nodiscard]] const std::string& layer_of() const { return layer_of_; }
    [[nodiscard]] bool is_layer() const { return !layer_of_.empty(); }
    [[nodiscard]] const std::string& created() const { return created_; }    // ISO-8601, from the caller
    [[nodiscard]] const std::string& modified() const { return modified_; }  // ISO-8601, from the caller

    // The text between two code point offsets (clamped to the text).
    [[nodiscard]] std::string_view text_of(std::size_t start, std::size_t end) const;
    [[nodiscard]] std::string_view span_text(const Span& span) const { return text_of(span.start, span.end); }

    // ---- spans, in (start, end, label, id) order
    [[nodiscard]] std::size_t span_count() const { return order_.size(); }
    [[nodiscard]] const Span& span_at(std::size_t position) const { return slots_[order_[position].slot]; }
    [[nodiscard]] SpanRange spans() const;
    [[nodiscard]] const Span* find_span(std::string_view id) const;  // O(1)
    [[nodiscard]] const Span* find_span(std::size_t start, std::size_t end, std::string_view label) const;  // O(log n)
    [[nodiscard]] std::optional<std::size_t> position_of(std::string_view span_id) const;  // O(log n)
    // Spans with start < end_ && end > start_, in order; O(log n + k) unless many long spans.
    [[nodiscard]] std::vector<const Span*> spans_overlapping(std::size_t start, std::size_t end) const;
    // The same into `out` (cleared first; its memory is kept for the next query).
    void spans_overlapping(std::size_t start, std::size_t end, std::vector<const Span*>& out) const;
    // Spans that contain code point `cp`.
    [[nodiscard]] std::vector<const Span*> spans_at(std::size_t cp) const { return spans_overlapping(cp, cp + 1); }
    // A span that partially overlaps [start, end) (neither nested in it nor containing it), if any.
    [[nodiscard]] const Span* find_crossing(std::size_t start, std::size_t end) const;
    // Two spans of the document that cross each other, if any; O(n log n).
    [[nodiscard]] std::optional<std::pair<const Span*, const Span*>> find_crossing_pair() const;
    // How many spans carry each label (labels with no span are absent).
    [[nodiscard]] const CountMap& label_counts() const { return label_counts_; }
    [[nodiscard]] std::size_t label_count(std::string_view label) const;

    // ---- relations, in natural id order
    [[nodiscard]] const std::vector<Relation>& relations() const { return relations_; }
    [[nodiscard]] const Relation* find_relation(std::string_view id) const;  // O(log n)
    // Relations whose head or tail is `span_id`, in natural id order.
    [[nodiscard]] std::vector<const Relation*> relations_of(std::string_view span_id) const;
    // The same without a vector: visit(const Relation&) for each, in natural id order; allocates
    // nothing, O(k). The visit must not change the document.
    template <class Visit>
    void for_each_relation_of(std::string_view span_id, Visit&& visit) const {
        relations_by_span_.for_each(relations_, span_id, [&](std::size_t position) { visit(relations_[position]); });
    }
    [[nodiscard]] bool has_relations(std::string_view span_id) const;  // O(1), allocates nothing
    // The relation of this type from head to tail (that direction only), if any.
    [[nodiscard]] const Relation* find_relation(std::string_view type, std::string_view head, std::string_view tail) const;
    [[nodiscard]] const CountMap& relation_type_counts() const { return relation_counts_; }
    [[nodiscard]] std::size_t relation_type_count(std::string_view type) const;

    // Whether a span or a relation of this document has this id.
    [[nodiscard]] bool has_id(std::string_view id) const;
    // Fresh ids: "T<n>"/"R<n>" with n above every id of that form this document has ever held, so
    // an id is never reused, even after a delete (undo can always restore the old one).
    [[nodiscard]] std::string next_span_id() const { return "T" + std::to_string(next_span_number_); }
    [[nodiscard]] std::string next_relation_id() const { return "R" + std::to_string(next_relation_number_); }

    // Compares what a file stores (metadata, text, spans, relations); not the id counters.
    bool operator==(const Document& other) const;

    // ---- Primitive changes: no validation and no undo. Only the Editor (after validating a
    // command) and loaders (after validating a file) call these; UI code goes through the Editor.
    void set_name(std::string name) { name_ = std::move(name); }
    void set_status(DocStatus status) { status_ = status; }
    void set_language(std::string language) { language_ = std::move(language); }
    void set_direction(DirectionChoice direction) { direction_ = direction; }
    void set_annotator(std::string annotator) { annotator_ = std::move(annotator); }
    void set_layer_of(std::string document_id) { layer_of_ = std::move(document_id); }
    void set_created(std::string created) { created_ = std::move(created); }
    void set_modified(std::string modified) { modified_ = std::move(modified); }
    void insert_span(Span span);                          // O(n) on 12-byte entries
    void insert_spans(std::vector<Span> spans);           // bulk: O(n + k log k)
    void erase_span(std::string_view id);                 // the span must have no relations
    void erase_spans(const std::vector<std::string>& ids);  // bulk: O(n + k)
    void replace_span(Span span);                         // the span with span.id takes these values
    void rename_label(std::string_view from, std::string_view to);
    void insert_relation(Relation relation);
    void insert_relations(std::vector<Relation> relations);
    void erase_relation(std::string_view id);
    void erase_relations(const std::vector<std::string>& ids);
    void replace_relation(Relation relation);             // the relation with relation.id takes these values
    void rename_relation_type(std::string_view from, std::string_view to);

private:
    struct Entry {
        std::uint32_t start, end, slot;  // slot indexes slots_
    };
    static constexpr std::size_t kBlock = 32;  // spans per block of the overlap index

    // create's checks but the text's: the id and the name.
    [[nodiscard]] static std::optional<Error> check_id_and_name(const std::string& id, const std::string& name);
    [[nodiscard]] static Document made(std::string id, std::string name, std::string text);
    [[nodiscard]] bool entry_less(const Entry& a, const Entry& b) const;
    [[nodiscard]] std::size_t lower_position(std::size_t start, std::size_t end, std::string_view label,
                                             std::string_view id) const;
    [[nodiscard]] std::optional<std::uint32_t> slot_of(std::string_view span_id) const;
    std::uint32_t store(Span span);  // puts the span in a slot and indexes it
    void index_slot(std::uint32_t slot);  // indexes the span in this slot: its id, its label, the id counter
    void release(std::uint32_t slot);
    void rebuild_blocks(std::size_t from_position);
    void count_relation(const Relation& r);
    void uncount_relation(const Relation& r);
    std::vector<Relation>::iterator relation_iterator(std::string_view id);

    std::string id_, name_, text_;
    TextIndex index_;
    DocStatus status_ = DocStatus::New;
    std::string annotator_, created_, modified_;
    std::string layer_of_;  // "" = not a layer
    std::string language_;  // "" = automatic
    DirectionChoice direction_ = DirectionChoice::automatic;

    std::vector<Span> slots_;                 // span storage; positions never move, freed slots are reused
    std::vector<std::uint32_t> free_slots_;
    std::vector<Entry> order_;                // the sort order, with the offsets inline for fast search
    IndexTable slot_by_id_;                   // span ids → their slots (hashes of the ids, no copies)
    // Overlap index: the largest end in each block of kBlock entries of order_, and its running max.
    std::vector<std::uint32_t> block_max_end_, block_prefix_max_;
    CountMap label_counts_;

    std::vector<Relation> relations_;
    RelationsBySpan relations_by_span_;       // span id → the positions in relations_ naming it
    CountMap relation_counts_;

    std::uint64_t next_span_number_ = 1, next_relation_number_ = 1;
};

// Iterates the spans of a document in order: `for (const Span& s : doc.spans())`.
class Document::SpanIterator {
public:
    using value_type = Span;
    using difference_type = std::ptrdiff_t;
    using reference = const Span&;
    using pointer = const Span*;
    using iterator_category = std::forward_iterator_tag;

    SpanIterator() = default;
    SpanIterator(const Document* doc, std::size_t position) : doc_(doc), position_(position) {}
    reference operator*() const { return doc_->span_at(position_); }
    pointer operator->() const { return &doc_->span_at(position_); }
    SpanIterator& operator++() { ++position_; return *this; }
    SpanIterator operator++(int) { SpanIterator old = *this; ++position_; return old; }
    bool operator==(const SpanIterator& other) const { return position_ == other.position_; }

private:
    const Document* doc_ = nullptr;
    std::size_t position_ = 0;
};

class Document::SpanRange {
public:
    explicit SpanRange(const Document* doc) : doc_(doc) {}
    [[nodiscard]] SpanIterator begin() const { return {doc_, 0}; }
    [[nodiscard]] SpanIterator end() const { return {doc_, doc_->span_count()}; }
    [[nodiscard]] std::size_t size() const { return doc_->span_count(); }

private:
    const Document* doc_;
};

inline Document::SpanRange Document::spans() const { return SpanRange(this); }

}  // namespace inkspan
