#include "core/formats/brat.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "core/index_table.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan::formats {

namespace {

// Where Python's str.splitlines() breaks a line: brat reads .ann files that way, so none of these
// may appear inside an .ann line.
bool is_brat_line_break(char32_t cp) {
    return cp == '\n' || cp == '\r' || cp == 0x0B || cp == 0x0C || cp == 0x1C || cp == 0x1D || cp == 0x1E ||
           cp == 0x85 || cp == 0x2028 || cp == 0x2029;
}

// `s` with every brat line break (and, when `no_blanks`, every whitespace) replaced by `by`.
std::string flatten(std::string_view s, char by, bool no_blanks, bool& changed) {
    std::string out;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        const char32_t cp = decode_utf8(s, pos);
        if (cp == '\r' && pos < s.size() && s[pos] == '\n') continue;  // CRLF is one break
        if (is_brat_line_break(cp) || (no_blanks && is_unicode_whitespace(cp))) {
            out += by;
            changed = true;
        } else {
            out.append(s.substr(start, pos - start));
        }
    }
    return out;
}

std::optional<std::size_t> id_number(std::string_view id, char prefix) {
    if (id.size() < 2 || id[0] != prefix) return std::nullopt;
    return parse_count(id.substr(1));
}

// brat ids for our ids: "T<n>"/"R<n>" ids are kept, the others get the next free number.
template <typename Items, typename GetId>
std::unordered_map<std::string, std::string> brat_ids(const Items& items, char prefix, GetId get_id) {
    std::set<std::size_t> used;
    for (const auto& item : items)
        if (auto n = id_number(get_id(item), prefix)) used.insert(*n);
    std::unordered_map<std::string, std::string> ids;
    std::size_t next = 1;
    for (const auto& item : items) {
        const std::string& id = get_id(item);
        if (id_number(id, prefix)) {
            ids[id] = id;
            continue;
        }
        while (used.count(next)) ++next;
        used.insert(next);
        ids[id] = std::string(1, prefix) + std::to_string(next);
    }
    return ids;
}

struct Fragment {
    std::size_t start, end;   // code points
    std::string_view text;
};

// The runs of a span between brat line breaks.
std::vector<Fragment> fragments_of(const Document& doc, const Span& s) {
    std::vector<Fragment> out;
    const std::string_view text = doc.text();
    std::size_t byte = doc.index().code_point_to_byte(text, s.start);
    const std::size_t byte_end = doc.index().code_point_to_byte(text, s.end);
    std::size_t cp = s.start, run_start = s.start, run_byte = byte;
    while (byte < byte_end) {
        std::size_t next = byte;
        const char32_t c = decode_utf8(text, next);
        if (is_brat_line_break(c)) {
            if (cp > run_start) out.push_back({run_start, cp, text.substr(run_byte, byte - run_byte)});
            run_start = cp + 1;
            run_byte = next;
        }
        byte = next;
        ++cp;
    }
    if (cp > run_start) out.push_back({run_start, cp, text.substr(run_byte, byte - run_byte)});
    return out;
}

}  // namespace

std::string brat_ann(const Document& doc, Tally& losses, std::map<std::string, std::set<std::string>>& attributes,
                     BratNames& names) {
    const auto tid = brat_ids(doc.spans(), 'T', [](const Span& s) -> const std::string& { return s.id; });
    const auto rid = brat_ids(doc.relations(), 'R', [](const Relation& r) -> const std::string& { return r.id; });
    std::set<std::string> dropped;
    std::string spans, relations, attrs, notes;
    std::size_t attribute_number = 0, note_number = 0;
    for (const Span& s : doc.spans()) {
        const std::vector<Fragment> fragments = fragments_of(doc, s);
        if (fragments.empty()) {
            dropped.insert(s.id);
            losses.add("span made only of line-break characters dropped", "spans made only of line-break characters dropped");
            continue;
        }
        const std::string& t = tid.at(s.id);
        spans += t + "\t" + names(s.label) + " ";
        std::string covered;
        for (std::size_t i = 0; i < fragments.size(); ++i) {
            if (i > 0) {
                spans += ";";
                covered += " ";
            }
            spans += std::to_string(fragments[i].start) + " " + std::to_string(fragments[i].end);
            covered += fragments[i].text;
        }
        spans += "\t" + covered + "\n";
        for (const auto& [key, value] : s.attributes) {
            if (key.size() > 1 && key[0] == '#') {  // a note of another type than AnnotatorNotes, one line each
                bool changed = false;
                for (std::string_view line : split(value, '\n'))
                    notes += "#" + std::to_string(++note_number) + "\t" + key.substr(1) + " " + t + "\t" +
                             flatten(line, ' ', false, changed) + "\n";
                if (changed)
                    losses.add("span note with line breaks written on one line", "span notes with line breaks written on one line");
                continue;
            }
            bool changed = false;
            std::string v = flatten(value, '_', true, changed);
            if (changed)
                losses.add("attribute value with spaces or line breaks written with '_' instead",
                           "attribute values with spaces or line breaks written with '_' instead");
            if (v.find_first_of("|,") != std::string::npos) {  // annotation.conf lists values as "Value:a|b, ..."
                std::replace(v.begin(), v.end(), '|', '_');
                std::replace(v.begin(), v.end(), ',', '_');
                losses.add("attribute value with \"|\" or \",\" written with '_' instead (annotation.conf cannot list it)",
                           "attribute values with \"|\" or \",\" written with '_' instead (annotation.conf cannot list them)");
            }
            if (v.empty()) {
                losses.add("empty attribute value written as a binary attribute (read back as \"true\")",
                           "empty attribute values written as binary attributes (read back as \"true\")");
                v = "true";
            }
            attributes[key].insert(v);
            attrs += "A" + std::to_string(++attribute_number) + "\t" + names(key, kMaxAttributeBytes) + " " + t + (v == "true" ? "" : " " + v) + "\n";
        }
        if (!s.note.empty()) {
            bool changed = false;
            const std::string note = flatten(s.note, ' ', false, changed);
            if (changed)
                losses.add("span note with line breaks written on one line", "span notes with line breaks written on one line");
            notes += "#" + std::to_string(++note_number) + "\tAnnotatorNotes " + t + "\t" + note + "\n";
        }
    }
    for (const Relation& r : doc.relations()) {
        if (dropped.count(r.head) || dropped.count(r.tail)) {
            losses.add("relation to a dropped span dropped", "relations to dropped spans dropped");
            continue;
        }
        relations += rid.at(r.id) + "\t" + names(r.type) + " Arg1:" + tid.at(r.head) + " Arg2:" + tid.at(r.tail) + "\n";
    }
    return spans + relations + attrs + notes;
}

ExportedFiles export_brat(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("brat: ");
    BratNames type_names(losses);
    UniqueNames names;
    names.reserve("annotation.conf");
    names.reserve("visual.conf");
    std::map<std::string, std::set<std::string>> attributes;
    std::set<std::string> labels, relation_types;
    for (std::size_t i : doc_indexes) {
        const Document& doc = corpus.documents[i];
        const std::string stem = file_stem(doc);
        std::string txt = names.take(stem, ".txt");
        const std::string used_stem = txt.substr(0, txt.size() - 4);
        names.reserve(used_stem + ".ann");
        out.files[txt] = doc.text();
        out.files[used_stem + ".ann"] = brat_ann(doc, losses, attributes, type_names);
        tally_dropped_provenance(losses, doc);
        for (const auto& [label, n] : doc.label_counts()) labels.insert(label);
        for (const auto& [type, n] : doc.relation_type_counts()) relation_types.insert(type);
    }
    BratConf conf = brat_confs(corpus.schema, labels, relation_types, attributes, type_names);
    out.files["annotation.conf"] = std::move(conf.annotation);
    if (!conf.visual.empty()) out.files["visual.conf"] = std::move(conf.visual);
    out.losses = losses.sentences();
    return out;
}

// ---- reading -----------------------------------------------------------------------------------

namespace {

// Code point offsets → byte offsets of one text, for offsets that mostly come in increasing order
// (an .ann lists its spans in text order): each answer walks from the previous one, so a whole
// file costs about one pass over the text. A long jump goes through a TextIndex, built the first
// time one is needed, so a file in any order stays O(n log n).
class CodePointCursor {
public:
    explicit CodePointCursor(std::string_view text) : text_(text) {}

    // cp <= the text's code point count.
    std::size_t byte_of(std::size_t cp) {
        if (cp >= cp_ ? cp - cp_ > kLongestWalk : cp_ - cp > kLongestWalk) {
            if (!index_) index_.emplace(text_);
            byte_ = index_->code_point_to_byte(text_, cp);
            cp_ = cp;
        }
        if (cp > cp_) {
            byte_ = skip_code_points(text_, byte_, cp - cp_);
            cp_ = cp;
        }
        for (; cp_ > cp; --cp_)
            do --byte_;
            while (is_utf8_continuation(static_cast<unsigned char>(text_[byte_])));
        return byte_;
    }

private:
    static constexpr std::size_t kLongestWalk = 512;  // code points
    std::string_view text_;
    std::size_t cp_ = 0, byte_ = 0;
    std::optional<TextIndex> index_;
};

std::size_t count_code_points(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) n += !is_utf8_continuation(static_cast<unsigned char>(c));
    return n;
}

// One pass without a branch per byte (the compiler makes it a vector loop): no call per line.
std::size_t count_lines_starting_with(std::string_view s, char c) {
    std::size_t n = !s.empty() && s[0] == c;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) n += static_cast<std::size_t>(s[i] == '\n') & static_cast<std::size_t>(s[i + 1] == c);
    return n;
}

// "12 34", how nearly every fragment is written: two counts and one space (the same fields as
// split_blanks finds there); nullopts otherwise.
std::pair<std::optional<std::size_t>, std::optional<std::size_t>> plain_range(std::string_view part) {
    const auto space = part.find(' ');
    if (space == std::string_view::npos) return {};
    const auto start = parse_count(part.substr(0, space));
    const auto end = start ? parse_count(part.substr(space + 1)) : std::nullopt;
    if (!end) return {};
    return {start, end};
}

// A reference line (R, A, M or #), resolved once every T line is known. Views point into the
// .ann or into the `original` names, which outlive the reading.
struct PendingRef {
    std::size_t line;  // from 1
    std::string_view id;
    std::string_view kind;  // relation type, attribute name or note type
    std::size_t ref_count = 0;
    std::string_view refs[2];  // the first two (only a relation with exactly two is read)
    std::string_view value;    // attribute value or note text
};

// The byte range of each fragment of a T line ("0 5;6 10"), reused from line to line.
struct Fragments {
    std::vector<std::pair<std::size_t, std::size_t>> bytes;

    // Whether `covered` is the fragments' texts joined by single spaces.
    bool spell(std::string_view covered, std::string_view text) const {
        std::size_t at = 0;
        for (std::size_t k = 0; k < bytes.size(); ++k) {
            if (k > 0 && (at >= covered.size() || covered[at++] != ' ')) return false;
            const std::string_view piece = text.substr(bytes[k].first, bytes[k].second - bytes[k].first);
            if (covered.substr(at, piece.size()) != piece) return false;
            at += piece.size();
        }
        return at == covered.size();
    }
    // The same text, built (for a message).
    std::string joined(std::string_view text) const {
        std::string out;
        for (std::size_t k = 0; k < bytes.size(); ++k) {
            if (k > 0) out += ' ';
            out.append(text.substr(bytes[k].first, bytes[k].second - bytes[k].first));
        }
        return out;
    }
};

// One .ann read into a DraftDocument in one pass over its lines: fields are views into the file,
// byte offsets come from a CodePointCursor, and a line's place ("doc.ann line 7") is made only
// for a message (drafts carry their line number).
class AnnReader {
public:
    AnnReader(const std::string& txt_name, std::string_view text, const std::string& ann_name, std::string_view ann,
              ImportBuilder& builder, const std::map<std::string, std::string>& original)
        : txt_name_(txt_name), text_(text), ann_name_(ann_name), ann_(ann), skipped_(builder.skipped()),
          original_(original), length_(count_code_points(text)), bytes_(text) {}

    Status read(DraftDocument& doc) {
        const std::size_t t_lines = count_lines_starting_with(ann_, 'T');  // no span is moved as the list grows
        doc.spans.reserve(t_lines);
        span_of_ = IndexTable(t_lines);
        std::size_t start = 0, n = 0;
        while (start < ann_.size()) {  // the lines of split_lines, without the vector
            const std::size_t nl = ann_.find('\n', start);
            const std::size_t stop = nl == std::string_view::npos ? ann_.size() : nl;
            std::string_view line = ann_.substr(start, stop - start);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            line_ = ++n;
            if (!is_ascii_blank(line))
                if (auto st = read_line(line, doc); !st) return st;
            if (nl == std::string_view::npos) break;
            start = nl + 1;
        }
        return resolve(doc);
    }

private:
    std::string place() const { return place_of(line_); }
    std::string place_of(std::size_t line) const { return ann_name_ + " line " + std::to_string(line); }
    Error malformed(std::string_view what) const { return make_error(ErrorKind::Malformed, place() + ": " + std::string(what)); }

    // A type name as written, or the original name visual.conf gives it.
    std::string_view name_of(std::string_view written) const {
        if (original_.empty()) return written;
        const auto it = original_.find(std::string(written));
        return it == original_.end() ? written : std::string_view(it->second);
    }

    Status read_line(std::string_view line, DraftDocument& doc) {
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0)
            return malformed("expected an id, a tab and an annotation, got " + quote(line));
        const std::string_view id = line.substr(0, tab);
        const std::string_view data = line.substr(tab + 1);
        switch (id[0]) {
            case 'T': return read_span(id, data, doc);
            case 'R': return read_relation(id, data);
            case 'A':
            case 'M': return read_attribute(id, data);
            case '#': return read_note(id, data);
            case 'E':
                skipped_.add("event (E line) skipped; its trigger was kept as a span",
                             "events (E lines) skipped; their triggers were kept as spans", 1, place());
                return Ok{};
            case '*':
                skipped_.add("equivalence (* line) skipped", "equivalences (* lines) skipped", 1, place());
                return Ok{};
            case 'N':
                skipped_.add("normalization (N line) skipped", "normalizations (N lines) skipped", 1, place());
                return Ok{};
            default:
                return malformed("unknown annotation id " + quote(id) + " (expected T, R, E, A, M, N, * or #)");
        }
    }

    // T<n> <TAB> LABEL start end[;start end...] [<TAB> covered text]
    Status read_span(std::string_view id, std::string_view data, DraftDocument& doc) {
        const auto tab2 = data.find('\t');
        const std::string_view head = data.substr(0, tab2);
        const std::string_view covered = tab2 == std::string_view::npos ? std::string_view() : data.substr(tab2 + 1);
        const auto space = head.find(' ');
        if (space == std::string_view::npos || space == 0)
            return malformed("expected \"LABEL start end\", got " + quote(head));
        DraftSpan& span = doc.spans.emplace_back();  // filled in place (an error drops the whole draft)
        span.id.assign(id);  // (into the new span's own strings: no temporary)
        span.label.assign(name_of(head.substr(0, space)));
        const std::string_view offsets = head.substr(space + 1);
        bool gap_with_text = false;
        if (auto st = read_fragments(offsets, span, gap_with_text); !st) return st;
        if (tab2 != std::string_view::npos && !fragments_.spell(covered, text_))
            return make_error(ErrorKind::Invalid, place() + ": the span text " + quote(covered) + " differs from " +
                                                      txt_name_ + " at " + std::string(offsets) + ": " +
                                                      quote(fragments_.joined(text_)));
        span.line = line_;  // its place, made by the builder for a message only
        if (gap_with_text)
            skipped_.add("discontinuous span imported as its covering range (Inkspan spans are contiguous)",
                         "discontinuous spans imported as their covering ranges (Inkspan spans are contiguous)", 1,
                         place());
        const std::uint64_t hash = std::hash<std::string_view>{}(id);
        if (find_span_id(doc.spans, hash, id))  // (the table holds the spans before this one)
            return make_error(ErrorKind::Invalid, place() + ": " + std::string(id) + " is defined twice");
        span_of_.insert(hash, static_cast<std::uint32_t>(doc.spans.size() - 1));
        span.id_hash = hash;  // (the builder's id check takes it)
        return Ok{};
    }

    // "0 5;6 10": each fragment checked, the span set to their covering range; `gap_with_text`
    // when text other than whitespace lies between two fragments.
    Status read_fragments(std::string_view offsets, DraftSpan& span, bool& gap_with_text) {
        fragments_.bytes.clear();
        std::size_t previous_end = 0;
        for (std::size_t from = 0;;) {
            const std::size_t semicolon = offsets.find(';', from);
            const std::string_view part = offsets.substr(from, semicolon == std::string_view::npos ? offsets.npos : semicolon - from);
            auto [s, e] = plain_range(part);
            if (!s || !e) {  // anything else: the fields between runs of blanks
                split_blanks(part, fields_);
                s = fields_.size() == 2 ? parse_count(fields_[0]) : std::nullopt;
                e = fields_.size() == 2 ? parse_count(fields_[1]) : std::nullopt;
            }
            if (!s || !e)
                return malformed("bad offsets " + quote(part) + " (expected \"start end\", fragments separated by ;)");
            if (*s > length_) return check_code_point(*s, length_, place(), ": span start").error();
            if (*e > length_) return check_code_point(*e, length_, place(), ": span end").error();
            if (*s > *e) return *check_range(*s, *e, place());
            const std::size_t b0 = bytes_.byte_of(*s), b1 = bytes_.byte_of(*e);
            if (fragments_.bytes.empty() || *s < span.start) {
                span.start = *s;
                span.start_byte = b0;
            }
            if (fragments_.bytes.empty()) {
                span.end = *e;
            } else {
                if (*s > previous_end) {
                    const std::size_t g0 = bytes_.byte_of(previous_end);
                    gap_with_text = gap_with_text || !is_blank(text_.substr(g0, b0 - g0));
                }
                span.end = std::max(span.end, *e);
            }
            previous_end = *e;
            fragments_.bytes.emplace_back(b0, b1);
            if (semicolon == std::string_view::npos) return Ok{};
            from = semicolon + 1;
        }
    }

    // R<n> <TAB> type Arg1:T1 Arg2:T2
    Status read_relation(std::string_view id, std::string_view data) {
        split_blanks(data, fields_);
        if (fields_.size() < 3) return malformed("expected \"type Arg1:T1 Arg2:T2\", got " + quote(data));
        PendingRef r{line_, id, name_of(fields_[0]), 0, {}, {}};
        for (std::size_t k = 1; k < fields_.size(); ++k) {
            const auto colon = fields_[k].find(':');
            if (colon == std::string_view::npos) return malformed("expected \"Name:Id\", got " + quote(fields_[k]));
            if (r.ref_count < 2) r.refs[r.ref_count] = fields_[k].substr(colon + 1);
            ++r.ref_count;
        }
        relations_.push_back(r);
        return Ok{};
    }

    // A<n>/M<n> <TAB> Name Id [Value]
    Status read_attribute(std::string_view id, std::string_view data) {
        split_blanks(data, fields_);
        if (fields_.size() < 2 || fields_.size() > 3) return malformed("expected \"Name Id [Value]\", got " + quote(data));
        attributes_.push_back({line_, id, name_of(fields_[0]), 1, {fields_[1]}, fields_.size() == 3 ? fields_[2] : "true"});
        return Ok{};
    }

    // #<n> <TAB> AnnotatorNotes Id <TAB> note (or another note type)
    Status read_note(std::string_view id, std::string_view data) {
        const auto tab2 = data.find('\t');
        split_blanks(data.substr(0, tab2), fields_);
        if (fields_.size() != 2) return malformed("expected \"AnnotatorNotes Id<TAB>note\", got " + quote(data));
        notes_.push_back({line_, id, fields_[0], 1, {fields_[1]},
                          tab2 == std::string_view::npos ? std::string_view() : data.substr(tab2 + 1)});
        return Ok{};
    }

    // The draft span with this id (`hash` is its hash).
    std::optional<std::uint32_t> find_span_id(const std::vector<DraftSpan>& spans, std::uint64_t hash, std::string_view id) const {
        return span_of_.find(hash, [&](std::uint32_t i) { return spans[i].id == id; });
    }

    // The span a reference names; nullopt (and Ok) for an event or a relation, which the caller
    // skips; an error for anything else.
    Status find_span(const std::vector<DraftSpan>& spans, const PendingRef& p, std::string_view ref,
                     std::optional<std::size_t>& out) const {
        if (auto found = find_span_id(spans, std::hash<std::string_view>{}(ref), ref)) {
            out = *found;
            return Ok{};
        }
        if (!ref.empty() && (ref[0] == 'E' || ref[0] == 'R' || ref[0] == '*')) return Ok{};
        return make_error(ErrorKind::Invalid, place_of(p.line) + ": " + std::string(p.id) + " refers to " + quote(ref) +
                                                  ", which is not defined");
    }

    // References, now that every T line is known: relations, then attributes, then notes.
    Status resolve(DraftDocument& doc) {
        doc.relations.reserve(relations_.size());
        for (const PendingRef& r : relations_) {
            if (r.ref_count != 2) {
                skipped_.add("relation without exactly two arguments skipped",
                             "relations without exactly two arguments skipped", 1, place_of(r.line));
                continue;
            }
            std::optional<std::size_t> head, tail;
            if (auto st = find_span(doc.spans, r, r.refs[0], head); !st) return st;
            if (auto st = find_span(doc.spans, r, r.refs[1], tail); !st) return st;
            if (!head || !tail) {
                skipped_.add("relation involving an event or a relation skipped",
                             "relations involving events or relations skipped", 1, place_of(r.line));
                continue;
            }
            doc.relations.push_back({std::string(r.id), std::string(r.kind), *head, *tail, {}, {}, r.line});
        }
        for (const PendingRef& a : attributes_) {
            std::optional<std::size_t> span;
            if (auto st = find_span(doc.spans, a, a.refs[0], span); !st) return st;
            if (!span) {
                skipped_.add("attribute of an event or a relation skipped", "attributes of events or relations skipped", 1,
                             place_of(a.line));
                continue;
            }
            doc.spans[*span].attributes[std::string(a.kind)] = std::string(a.value);
        }
        for (const PendingRef& note : notes_) {
            std::optional<std::size_t> span;
            if (auto st = find_span(doc.spans, note, note.refs[0], span); !st) return st;
            if (!span) {
                skipped_.add("note on an event or a relation skipped", "notes on events or relations skipped", 1,
                             place_of(note.line));
                continue;
            }
            // AnnotatorNotes are the span's note; notes of other types (Lemma, ...) keep their type
            // as the attribute "#<type>", written back as such notes.
            std::string& target = note.kind == "AnnotatorNotes" ? doc.spans[*span].note
                                                                 : doc.spans[*span].attributes["#" + std::string(note.kind)];
            if (!target.empty()) target += '\n';
            target += note.value;
        }
        return Ok{};
    }

    const std::string& txt_name_;
    const std::string_view text_;
    const std::string& ann_name_;
    const std::string_view ann_;
    Tally& skipped_;
    const std::map<std::string, std::string>& original_;
    const std::size_t length_;  // of the text, in code points
    CodePointCursor bytes_;
    std::size_t line_ = 0;  // the line being read, from 1
    IndexTable span_of_;  // T ids → their draft spans
    std::vector<PendingRef> relations_, attributes_, notes_;
    std::vector<std::string_view> fields_;  // scratch: the blank-separated fields of a line
    Fragments fragments_;
};

Status read_ann(const std::string& txt_name, Utf8Text text, const std::string& ann_name, std::string_view ann,
                ImportBuilder& builder, const std::map<std::string, std::string>& original) {
    DraftDocument doc;
    doc.id = clean_id(base_name(strip_extension(txt_name)), "");
    doc.name = std::string(base_name(txt_name));
    doc.place = ann_name;
    doc.lines_of = ann_name;
    if (auto st = AnnReader(txt_name, text.str(), ann_name, ann, builder, original).read(doc); !st) return st;
    return builder.add(std::move(doc), std::move(text));
}

}  // namespace

Result<ImportedCorpus> import_brat(const Utf8Files& checked, const Schema& current) {
    const std::map<std::string, std::string>& files = checked.files();
    ImportBuilder builder("brat", current);
    std::map<std::string, std::string> original;  // written type name → the name Inkspan exported
    for (const auto& [name, content] : files)
        if (base_name(name) == "visual.conf") original.merge(read_brat_visual_names(content));
    for (const auto& [name, content] : files)
        if (base_name(name) == "annotation.conf") read_brat_conf(content, name, builder, original);
    for (const auto& [name, content] : files) {
        const std::string ext = lower_extension(name);
        const std::string base(base_name(name));
        if (ext == ".txt") {
            const std::string ann_name = std::string(strip_extension(name)) + ".ann";
            const auto ann = files.find(ann_name);
            const std::string_view ann_text = ann == files.end() ? std::string_view() : std::string_view(ann->second);
            if (auto st = read_ann(name, checked.text(name), ann_name, ann_text, builder, original); !st) return st.error();
        } else if (ext == ".ann") {
            if (!files.count(std::string(strip_extension(name)) + ".txt"))
                return make_error(ErrorKind::Invalid, name + ": no " + std::string(base_name(strip_extension(name))) +
                                                          ".txt beside it (brat keeps the text in a .txt of the same name)");
        } else if (base != "annotation.conf" && base != "visual.conf" && base != "tools.conf" && base != "kb_shortcuts.conf") {
            builder.skipped().note("file " + name + " ignored (not a .txt, .ann or annotation.conf)");
        }
    }
    return builder.finish();
}

}  // namespace inkspan::formats
