#include "core/formats/brat.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

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
            attrs += "A" + std::to_string(++attribute_number) + "\t" + names(key) + " " + t + (v == "true" ? "" : " " + v) + "\n";
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

struct PendingRef {
    std::size_t line;
    std::string kind;  // relation type, attribute name or note type
    std::vector<std::string> refs;
    std::string value;  // attribute value or note text
    std::string id;
};

Status read_ann(const std::string& txt_name, std::string text, const std::string& ann_name, std::string_view ann,
                ImportBuilder& builder, const std::map<std::string, std::string>& original) {
    auto name_of = [&](std::string_view written) {
        if (original.empty()) return std::string(written);  // (no lookup key built per line)
        const auto it = original.find(std::string(written));
        return it == original.end() ? std::string(written) : it->second;
    };
    if (auto bad = find_invalid_utf8(ann))
        return make_error(ErrorKind::InvalidUtf8, ann_name + ": invalid UTF-8 at byte " + std::to_string(*bad));
    const TextIndex index(text);
    const std::size_t length = index.code_point_count();
    DraftDocument doc;
    doc.id = clean_id(base_name(strip_extension(txt_name)), "");
    doc.name = std::string(base_name(txt_name));
    doc.place = ann_name;
    std::unordered_map<std::string, std::size_t> span_of;  // T id -> draft index
    std::vector<PendingRef> relations, attributes, notes;
    Tally& skipped = builder.skipped();
    const std::vector<std::string_view> lines = split_lines(ann);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string_view line = lines[n];
        if (is_ascii_blank(line)) continue;
        const std::string place = ann_name + " line " + std::to_string(n + 1);
        const auto tab = line.find('\t');
        if (tab == std::string_view::npos || tab == 0)
            return make_error(ErrorKind::Malformed, place + ": expected an id, a tab and an annotation, got " + quote(line));
        const std::string id(line.substr(0, tab));
        std::string_view data = line.substr(tab + 1);
        switch (id[0]) {
            case 'T': {
                const auto tab2 = data.find('\t');
                const std::string_view head = data.substr(0, tab2);
                const std::string_view covered = tab2 == std::string_view::npos ? std::string_view() : data.substr(tab2 + 1);
                const auto space = head.find(' ');
                if (space == std::string_view::npos || space == 0)
                    return make_error(ErrorKind::Malformed, place + ": expected \"LABEL start end\", got " + quote(head));
                DraftSpan span;
                span.id = id;
                span.label = name_of(head.substr(0, space));
                span.place = place;
                std::string expected;
                bool gap_with_text = false;
                std::size_t previous_end = 0;
                const std::vector<std::string_view> parts = split(head.substr(space + 1), ';');
                for (std::size_t k = 0; k < parts.size(); ++k) {
                    const std::vector<std::string_view> nums = split_blanks(parts[k]);
                    const auto s = nums.size() == 2 ? parse_count(nums[0]) : std::nullopt;
                    const auto e = nums.size() == 2 ? parse_count(nums[1]) : std::nullopt;
                    if (!s || !e)
                        return make_error(ErrorKind::Malformed, place + ": bad offsets " + quote(parts[k]) +
                                                                    " (expected \"start end\", fragments separated by ;)");
                    auto start = check_code_point(*s, length, place, ": span start");
                    if (!start) return start.error();
                    auto end = check_code_point(*e, length, place, ": span end");
                    if (!end) return end.error();
                    if (auto bad = check_range(*start, *end, place)) return *bad;
                    const std::size_t b0 = index.code_point_to_byte(text, *start), b1 = index.code_point_to_byte(text, *end);
                    if (k > 0) {
                        expected += ' ';
                        if (*start > previous_end) {
                            const std::size_t g0 = index.code_point_to_byte(text, previous_end);
                            gap_with_text = gap_with_text || !is_blank(std::string_view(text).substr(g0, b0 - g0));
                        }
                        span.start = std::min(span.start, *start);
                        span.end = std::max(span.end, *end);
                    } else {
                        span.start = *start;
                        span.end = *end;
                    }
                    previous_end = *end;
                    expected.append(text, b0, b1 - b0);
                }
                if (tab2 != std::string_view::npos && covered != expected)
                    return make_error(ErrorKind::Invalid, place + ": the span text " + quote(covered) + " differs from " +
                                                              txt_name + " at " + std::string(head.substr(space + 1)) +
                                                              ": " + quote(expected));
                if (gap_with_text)
                    skipped.add("discontinuous span imported as its covering range (Inkspan spans are contiguous)",
                                "discontinuous spans imported as their covering ranges (Inkspan spans are contiguous)", 1, place);
                if (!span_of.emplace(id, doc.spans.size()).second)
                    return make_error(ErrorKind::Invalid, place + ": " + id + " is defined twice");
                doc.spans.push_back(std::move(span));
                break;
            }
            case 'R': {
                const std::vector<std::string_view> parts = split_blanks(data);
                if (parts.size() < 3)
                    return make_error(ErrorKind::Malformed, place + ": expected \"type Arg1:T1 Arg2:T2\", got " + quote(data));
                PendingRef r{n + 1, name_of(parts[0]), {}, "", id};
                for (std::size_t k = 1; k < parts.size(); ++k) {
                    const auto colon = parts[k].find(':');
                    if (colon == std::string_view::npos)
                        return make_error(ErrorKind::Malformed, place + ": expected \"Name:Id\", got " + quote(parts[k]));
                    r.refs.emplace_back(parts[k].substr(colon + 1));
                }
                relations.push_back(std::move(r));
                break;
            }
            case 'A':
            case 'M': {
                const std::vector<std::string_view> parts = split_blanks(data);
                if (parts.size() < 2 || parts.size() > 3)
                    return make_error(ErrorKind::Malformed, place + ": expected \"Name Id [Value]\", got " + quote(data));
                attributes.push_back({n + 1, name_of(parts[0]), {std::string(parts[1])},
                                      parts.size() == 3 ? std::string(parts[2]) : std::string("true"), id});
                break;
            }
            case '#': {
                const auto tab2 = data.find('\t');
                const std::vector<std::string_view> parts = split_blanks(data.substr(0, tab2));
                if (parts.size() != 2)
                    return make_error(ErrorKind::Malformed, place + ": expected \"AnnotatorNotes Id<TAB>note\", got " + quote(data));
                notes.push_back({n + 1, std::string(parts[0]), {std::string(parts[1])},
                                 tab2 == std::string_view::npos ? std::string() : std::string(data.substr(tab2 + 1)), id});
                break;
            }
            case 'E':
                skipped.add("event (E line) skipped; its trigger was kept as a span",
                            "events (E lines) skipped; their triggers were kept as spans", 1, place);
                break;
            case '*':
                skipped.add("equivalence (* line) skipped", "equivalences (* lines) skipped", 1, place);
                break;
            case 'N':
                skipped.add("normalization (N line) skipped", "normalizations (N lines) skipped", 1, place);
                break;
            default:
                return make_error(ErrorKind::Malformed, place + ": unknown annotation id " + quote(id) +
                                                            " (expected T, R, E, A, M, N, * or #)");
        }
    }
    // References, now that every T line is known.
    auto resolve = [&](const PendingRef& p, const std::string& ref, std::optional<std::size_t>& out) -> Status {
        if (auto it = span_of.find(ref); it != span_of.end()) {
            out = it->second;
            return Ok{};
        }
        if (!ref.empty() && (ref[0] == 'E' || ref[0] == 'R' || ref[0] == '*'))
            return Ok{};  // an event or a relation: the caller skips the line
        return make_error(ErrorKind::Invalid, ann_name + " line " + std::to_string(p.line) + ": " + p.id +
                                                  " refers to " + quote(ref) + ", which is not defined");
    };
    for (const PendingRef& r : relations) {
        if (r.refs.size() != 2) {
            skipped.add("relation without exactly two arguments skipped", "relations without exactly two arguments skipped",
                        1, ann_name + " line " + std::to_string(r.line));
            continue;
        }
        std::optional<std::size_t> head, tail;
        if (auto st = resolve(r, r.refs[0], head); !st) return st;
        if (auto st = resolve(r, r.refs[1], tail); !st) return st;
        if (!head || !tail) {
            skipped.add("relation involving an event or a relation skipped", "relations involving events or relations skipped",
                        1, ann_name + " line " + std::to_string(r.line));
            continue;
        }
        doc.relations.push_back({r.id, r.kind, *head, *tail, ann_name + " line " + std::to_string(r.line)});
    }
    for (const PendingRef& a : attributes) {
        std::optional<std::size_t> span;
        if (auto st = resolve(a, a.refs[0], span); !st) return st;
        if (!span) {
            skipped.add("attribute of an event or a relation skipped", "attributes of events or relations skipped", 1,
                        ann_name + " line " + std::to_string(a.line));
            continue;
        }
        doc.spans[*span].attributes[a.kind] = a.value;
    }
    for (const PendingRef& note : notes) {
        std::optional<std::size_t> span;
        if (auto st = resolve(note, note.refs[0], span); !st) return st;
        if (!span) {
            skipped.add("note on an event or a relation skipped", "notes on events or relations skipped", 1,
                        ann_name + " line " + std::to_string(note.line));
            continue;
        }
        // AnnotatorNotes are the span's note; notes of other types (Lemma, ...) keep their type as
        // the attribute "#<type>", written back as such notes.
        std::string& target = note.kind == "AnnotatorNotes" ? doc.spans[*span].note : doc.spans[*span].attributes["#" + note.kind];
        target += (target.empty() ? "" : "\n") + note.value;
    }
    doc.text = std::move(text);
    return builder.add(std::move(doc));
}

}  // namespace

Result<ImportedCorpus> import_brat(const std::map<std::string, std::string>& files, const Schema& current) {
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
            if (auto bad = find_invalid_utf8(content))
                return make_error(ErrorKind::InvalidUtf8, name + ": invalid UTF-8 at byte " + std::to_string(*bad));
            const std::string ann_name = std::string(strip_extension(name)) + ".ann";
            const auto ann = files.find(ann_name);
            const std::string_view ann_text = ann == files.end() ? std::string_view() : std::string_view(ann->second);
            if (auto st = read_ann(name, content, ann_name, ann_text, builder, original); !st) return st.error();
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
