#include "core/formats/conll.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>

#include "core/formats/format_util.h"
#include "core/formats/import_builder.h"
#include "core/sentences.h"
#include "core/tokenizer.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan::formats {

namespace {

struct Tag {
    char kind = 'O';             // 'B', 'I' or 'O'
    const std::string* label = nullptr;
};

void write_document(const Document& doc, std::string& out, Tally& losses) {
    const std::string_view text = doc.text();
    const std::vector<Token> tokens = tokenize(text);
    const std::vector<Sentence> sentences = split_sentences(text, tokens);

    struct Candidate {
        TokenCover cover;
        const Span* span;
    };
    std::vector<Candidate> candidates;
    std::size_t notes = 0, attributes = 0;
    for (const Span& s : doc.spans()) {
        notes += s.note.empty() ? 0 : 1;
        attributes += s.attributes.size();
        const TokenCover c = cover_tokens(tokens, s.start, s.end);
        if (!c.any) {
            losses.add("span covering no token dropped", "spans covering no token dropped");
            continue;
        }
        if (!c.aligned)
            losses.add("span does not align with token edges (written as the whole tokens it touches)",
                       "spans do not align with token edges (written as the whole tokens they touch)");
        candidates.push_back({c, &s});
    }
    // The outermost spans win: longest first, then earliest; a span touching a kept token is dropped.
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        const std::size_t la = a.span->end - a.span->start, lb = b.span->end - b.span->start;
        if (la != lb) return la > lb;
        return a.span->start < b.span->start;
    });
    std::map<std::size_t, std::size_t> kept;  // first token -> last token
    std::vector<Tag> tags(tokens.size());
    for (const Candidate& c : candidates) {
        auto it = kept.upper_bound(c.cover.last);
        if (it != kept.begin() && std::prev(it)->second >= c.cover.first) {
            losses.add("nested or overlapping span dropped (kept the outermost)",
                       "nested or overlapping spans dropped (kept the outermost)");
            continue;
        }
        kept.emplace(c.cover.first, c.cover.last);
        for (std::size_t t = c.cover.first; t <= c.cover.last; ++t) tags[t] = Tag{t == c.cover.first ? 'B' : 'I', &c.span->label};
    }
    losses.add("relation dropped (CoNLL has no relations)", "relations dropped (CoNLL has no relations)", doc.relations().size());
    losses.add("span note dropped", "span notes dropped", notes);
    losses.add("span attribute dropped", "span attributes dropped", attributes);

    out += "-DOCSTART-\tO\n\n";
    for (std::size_t k = 0; k < sentences.size(); ++k) {
        for (std::size_t t = sentences[k].first_token; t < sentences[k].end_token; ++t) {
            out += tokens[t].text(text);
            out += '\t';
            if (tags[t].kind == 'O') out += 'O';
            else out += std::string(1, tags[t].kind) + "-" + *tags[t].label;
            out += '\n';
        }
        // A span that crosses a sentence boundary keeps the two sentences together.
        const std::size_t next = sentences[k].end_token;
        if (next >= tokens.size() || tags[next].kind != 'I') out += '\n';
    }
}

}  // namespace

ExportedFiles export_conll(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("CoNLL: ");
    std::string content;
    for (std::size_t i : doc_indexes) {
        write_document(corpus.documents[i], content, losses);
        tally_dropped_provenance(losses, corpus.documents[i]);
    }
    out.files[export_file_name(corpus, doc_indexes, ".conll")] = std::move(content);
    out.losses = losses.sentences();
    return out;
}

namespace {

// O, or <B|I|E|S|L|U>-<label> (IOB1, IOB2, BIOES, BILOU).
bool is_tag(std::string_view f) {
    return f == "O" || (f.size() > 2 && f[1] == '-' && std::string_view("BIESLU").find(f[0]) != std::string_view::npos);
}

bool is_number(std::string_view f) {
    return !f.empty() && std::all_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The fields of a token line: tab-separated when it has a tab (tokens may hold spaces), else
// blank-separated.
std::vector<std::string_view> fields_of(std::string_view line) {
    if (line.find('\t') == std::string_view::npos) return split_blanks(line);
    std::vector<std::string_view> fields;
    for (std::string_view f : split(line, '\t'))
        if (!f.empty()) fields.push_back(f);
    return fields;
}

struct Row {
    enum Kind { Blank, DocStart, Token } kind = Blank;
    std::vector<std::string_view> fields;
    std::size_t line = 0;  // from 1
};

// spaCy's IOB form: one sentence per line, each token `token|POS|tag` or `token|tag`.
bool is_pipe_line(std::string_view line) {
    const auto fields = split_blanks(line);
    if (fields.empty() || line.find('\t') != std::string_view::npos) return false;
    for (std::string_view f : fields) {
        const auto bar = f.rfind('|');
        if (bar == std::string_view::npos || bar == 0 || !is_tag(f.substr(bar + 1))) return false;
    }
    return true;
}

// Which columns hold what, decided from the token lines of the whole file.
struct Layout {
    bool pipes = false;             // spaCy's token|POS|tag lines
    std::size_t token = 0, tag = 0;  // 0-based columns
    std::optional<std::size_t> nested;
    std::size_t columns = 0;        // the most fields on a token line
    bool index = false;             // a first column of numbers (GermEval)
    bool found = false;             // a column of tags was found
    std::vector<std::size_t> candidates;  // every column made only of tags (no index column)
};

bool is_comment_or_blank(std::string_view line) { return is_ascii_blank(line) || line.starts_with('#'); }

Layout find_layout(const std::vector<std::string_view>& lines, std::size_t max_lines) {
    Layout l;
    std::size_t seen = 0, pipe_lines = 0;
    for (std::string_view line : lines) {
        if (is_ascii_blank(line) || line.starts_with("-DOCSTART-")) continue;
        if (++seen > max_lines) break;
        if (is_pipe_line(line)) ++pipe_lines;
    }
    if (seen > 0 && pipe_lines == std::min(seen, max_lines)) {
        l.pipes = l.found = true;
        return l;
    }
    // Column statistics over token lines (a '#' line is left out: it may be a comment).
    std::vector<bool> all_tags, all_numbers;
    std::size_t narrowest = SIZE_MAX;
    seen = 0;
    for (std::string_view line : lines) {
        if (is_comment_or_blank(line) || line.starts_with("-DOCSTART-")) continue;
        if (++seen > max_lines) break;
        const auto f = fields_of(line);
        narrowest = std::min(narrowest, f.size());
        l.columns = std::max(l.columns, f.size());
        if (all_tags.size() < f.size()) {
            all_tags.resize(f.size(), seen == 1);
            all_numbers.resize(f.size(), seen == 1);
        }
        for (std::size_t c = 0; c < all_tags.size(); ++c) {
            all_tags[c] = all_tags[c] && c < f.size() && is_tag(f[c]);
            all_numbers[c] = all_numbers[c] && c < f.size() && is_number(f[c]);
        }
    }
    if (seen == 0 || narrowest < 2) {
        l.tag = l.columns > 0 ? l.columns - 1 : 1;
        return l;
    }
    l.index = narrowest >= 3 && all_numbers[0];
    l.token = l.index ? 1 : 0;
    std::vector<std::size_t> tag_columns;
    for (std::size_t c = l.token + 1; c < narrowest; ++c)
        if (all_tags[c]) tag_columns.push_back(c);
    if (tag_columns.empty()) {
        l.tag = l.columns - 1;  // today's rule; the reader names the first line that is not a tag
        return l;
    }
    l.found = true;
    if (l.index && tag_columns.size() >= 2) {
        l.tag = tag_columns[0];
        l.nested = tag_columns[1];
    } else {
        l.tag = tag_columns.back();
        l.candidates = tag_columns;
    }
    return l;
}

struct OpenSpan {
    std::string label;
    std::size_t start = 0;
    std::string place;  // the line of its first token
};

// One tag column read into spans: its open span and what its tags say about the scheme.
struct TagReader {
    std::optional<OpenSpan> open;
    bool iob1 = false, bioes = false, bilou = false;
};

// The first few distinct values of a column, for the user choosing between tag columns.
std::string column_sample(const std::vector<std::string_view>& lines, std::size_t column) {
    std::vector<std::string_view> seen;
    for (std::string_view line : lines) {
        if (is_comment_or_blank(line) || line.starts_with("-DOCSTART-")) continue;
        const auto f = fields_of(line);
        if (column < f.size() && std::find(seen.begin(), seen.end(), f[column]) == seen.end()) seen.push_back(f[column]);
        if (seen.size() == 5) break;
    }
    std::string out;
    for (std::string_view v : seen) out += (out.empty() ? "" : " ") + std::string(v);
    return out;
}

Status read_file(const std::string& name, std::string_view content, ImportBuilder& builder, const ImportOptions& options,
                 std::vector<TagColumnChoice>& choices) {
    if (auto bad = find_invalid_utf8(content))
        return make_error(ErrorKind::InvalidUtf8, name + ": invalid UTF-8 at byte " + std::to_string(*bad));
    const std::string stem(base_name(strip_extension(name)));
    const std::vector<std::string_view> lines = split_lines(content);
    Layout layout = find_layout(lines, SIZE_MAX);
    bool chosen_before = false;
    if (layout.candidates.size() >= 2) {
        const auto asked = options.conll_tag_column.find(layout.columns);
        if (asked != options.conll_tag_column.end() &&
            std::find(layout.candidates.begin(), layout.candidates.end(), asked->second) != layout.candidates.end()) {
            layout.tag = asked->second;
            chosen_before = true;
        }
        TagColumnChoice choice{name, layout.columns, layout.candidates, {}, layout.tag, chosen_before};
        for (std::size_t c : layout.candidates) choice.samples.push_back(column_sample(lines, c));
        choices.push_back(std::move(choice));
    }

    // The rows: spaCy's pipe lines become a token row per token and a blank row per line; '#'
    // lines that do not fit the layout are comments.
    std::vector<Row> rows;
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string_view line = lines[n];
        if (is_ascii_blank(line)) {
            rows.push_back({Row::Blank, {}, n + 1});
            continue;
        }
        if (layout.pipes) {
            for (std::string_view f : split_blanks(line)) rows.push_back({Row::Token, split(f, '|'), n + 1});
            rows.push_back({Row::Blank, {}, n + 1});
            continue;
        }
        std::vector<std::string_view> fields = fields_of(line);
        if (fields.empty()) continue;
        if (fields[0] == "-DOCSTART-") {
            rows.push_back({Row::DocStart, {}, n + 1});
            continue;
        }
        if (line.starts_with('#') && !(layout.found && fields.size() > layout.tag && is_tag(fields[layout.tag]) &&
                                       (!layout.index || is_number(fields[0]))))
            continue;  // a comment
        rows.push_back({Row::Token, std::move(fields), n + 1});
    }

    std::vector<DraftDocument> docs;
    DraftDocument doc;
    std::size_t cp = 0;          // code points in doc.text
    bool sentence_open = false;  // a token was read since the last blank line
    TagReader readers[2];        // the tag column, the nested one
    const std::size_t tag_columns[2] = {layout.tag, layout.nested.value_or(0)};
    const int reader_count = layout.nested ? 2 : 1;
    auto close = [&](TagReader& r, std::size_t end) {
        if (r.open) doc.spans.push_back(DraftSpan{"", r.open->start, end, std::move(r.open->label), "", {}, std::move(r.open->place)});
        r.open.reset();
    };
    auto close_all = [&](std::size_t end) {
        for (int k = 0; k < reader_count; ++k) close(readers[k], end);
    };
    auto finish_doc = [&] {
        close_all(cp);
        if (!doc.text.empty()) docs.push_back(std::move(doc));
        doc = DraftDocument{};
        cp = 0;
        sentence_open = false;
    };
    for (const Row& row : rows) {
        const std::string place = name + " line " + std::to_string(row.line);
        if (row.kind == Row::Blank) {
            close_all(cp);
            sentence_open = false;
            continue;
        }
        if (row.kind == Row::DocStart) {
            finish_doc();
            continue;
        }
        const std::vector<std::string_view>& fields = row.fields;
        const std::size_t tag_at = layout.pipes ? fields.size() - 1 : layout.tag;
        if (fields.size() < 2 || fields.size() <= std::max({tag_at, layout.token, layout.nested.value_or(0)}))
            return make_error(ErrorKind::Malformed, place + ": expected a token and a tag, got " + quote(lines[row.line - 1]));
        const std::string_view token = fields[layout.pipes ? 0 : layout.token];
        const std::size_t before = cp;  // the end of the previous token
        if (!doc.text.empty()) {
            // A blank line between sentences, so that our sentence splitter finds the same ones.
            doc.text += sentence_open ? " " : "\n\n";
            cp += sentence_open ? 1 : 2;
        } else {
            doc.place = place;
        }
        const std::size_t start = cp;
        doc.text += token;
        cp += count_code_points(token);
        for (int k = 0; k < reader_count; ++k) {
            TagReader& r = readers[k];
            const std::string_view tag = fields[k == 0 ? tag_at : tag_columns[1]];
            if (!is_tag(tag))
                return make_error(ErrorKind::Malformed, place + ": tag " + quote(tag) + " is not O, B-<label> or I-<label>");
            const char raw = tag[0];
            const std::string_view label = tag == "O" ? std::string_view() : tag.substr(2);
            r.bilou = r.bilou || raw == 'L' || raw == 'U';
            r.bioes = r.bioes || raw == 'E' || raw == 'S';
            const char kind = raw == 'L' ? 'E' : raw == 'U' ? 'S' : raw;  // BILOU's last and unit tags
            if (kind == 'O') {
                close(r, before);
            } else if ((kind == 'I' || kind == 'E') && r.open && r.open->label == label && sentence_open) {
                // continues the open span
            } else {
                if (kind == 'I') r.iob1 = true;  // I- starting a span
                close(r, before);
                r.open = OpenSpan{std::string(label), start, place};
            }
            if (kind == 'E' || kind == 'S') close(r, cp);
        }
        sentence_open = true;
    }
    finish_doc();

    const std::string file = name + ": ";
    if (layout.pipes) {
        builder.skipped().note(file + "spaCy's token|POS|tag lines (a sentence per line), tags from the last field");
    } else if (layout.found && layout.nested) {
        builder.skipped().note(file + "tokens from column " + std::to_string(layout.token + 1) + ", tags from column " +
                               std::to_string(layout.tag + 1) + " and nested tags from column " +
                               std::to_string(*layout.nested + 1) + " of " + std::to_string(layout.columns) +
                               " (an index column first, as in GermEval)");
    } else if (layout.found && layout.columns > 2) {
        builder.skipped().note(file + "tags from column " + std::to_string(layout.tag + 1) + " of " +
                               std::to_string(layout.columns) +
                               (chosen_before ? " (your choice for files of " + std::to_string(layout.columns) + " columns)"
                                              : std::string(" (the last column whose values are all tags)")));
    }
    const bool bilou = readers[0].bilou || readers[1].bilou, bioes = readers[0].bioes || readers[1].bioes;
    if (bilou) builder.skipped().note(file + "tag scheme BILOU detected");
    else if (bioes) builder.skipped().note(file + "tag scheme BIOES detected");
    else if (readers[0].iob1 || readers[1].iob1)
        builder.skipped().note(file + "tag scheme IOB1 detected (I- starts a span; B- only starts one right after a span of "
                                      "the same label)");

    for (std::size_t k = 0; k < docs.size(); ++k) {
        docs[k].id = docs.size() == 1 ? stem : stem + "-" + std::to_string(k + 1);
        docs[k].name = docs[k].id;
        if (auto st = builder.add(std::move(docs[k])); !st) return st;
    }
    return Ok{};
}

}  // namespace

bool looks_like_conll(std::string_view content) {
    std::vector<std::string_view> lines;
    for (std::string_view line : split_lines(content)) {
        if (line.starts_with("-DOCSTART-")) return true;
        if (is_ascii_blank(line)) continue;
        lines.push_back(line);
        if (lines.size() == 20) break;
    }
    const Layout layout = find_layout(lines, 20);
    if (!layout.found) return false;
    // Every token line of the sample fits the layout ('#' lines may be comments).
    for (std::string_view line : lines) {
        if (layout.pipes || line.starts_with('#')) continue;
        const auto f = fields_of(line);
        if (f.size() <= layout.tag || !is_tag(f[layout.tag])) return false;
    }
    return true;
}

Result<ImportedCorpus> import_conll(const std::map<std::string, std::string>& files, const Schema& current,
                                    const ImportOptions& options) {
    ImportBuilder builder("CoNLL", current);
    std::vector<TagColumnChoice> choices;
    for (const auto& [name, content] : files)
        if (auto st = read_file(name, content, builder, options, choices); !st) return st.error();
    auto imported = builder.finish();
    if (imported) imported->tag_columns = std::move(choices);
    return imported;
}

}  // namespace inkspan::formats
