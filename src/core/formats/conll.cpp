#include "core/formats/conll.h"

#include <algorithm>
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

struct OpenSpan {
    std::string label;
    std::size_t start = 0;
    std::string place;  // the line of its first token
};

}  // namespace

ExportedFiles export_conll(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes) {
    ExportedFiles out;
    Tally losses("CoNLL: ");
    std::string content;
    for (std::size_t i : doc_indexes) write_document(corpus.documents[i], content, losses);
    out.files[export_file_name(corpus, doc_indexes, ".conll")] = std::move(content);
    out.losses = losses.sentences();
    return out;
}

namespace {

Status read_file(const std::string& name, std::string_view content, ImportBuilder& builder) {
    if (auto bad = find_invalid_utf8(content))
        return make_error(ErrorKind::InvalidUtf8, name + ": invalid UTF-8 at byte " + std::to_string(*bad));
    const std::string stem(base_name(strip_extension(name)));
    std::vector<DraftDocument> docs;
    DraftDocument doc;
    std::size_t cp = 0;             // code points in doc.text
    bool sentence_open = false;     // a token was read since the last blank line
    std::optional<OpenSpan> open;
    auto close = [&](std::size_t end) {
        if (open) doc.spans.push_back(DraftSpan{"", open->start, end, std::move(open->label), "", {}, std::move(open->place)});
        open.reset();
    };
    auto finish_doc = [&] {
        close(cp);
        if (!doc.text.empty()) docs.push_back(std::move(doc));
        doc = DraftDocument{};
        cp = 0;
        sentence_open = false;
    };
    const std::vector<std::string_view> lines = split_lines(content);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string place = name + " line " + std::to_string(n + 1);
        const std::string_view line = lines[n];
        if (is_ascii_blank(line)) {
            close(cp);
            sentence_open = false;
            continue;
        }
        std::vector<std::string_view> fields;
        if (line.find('\t') != std::string_view::npos) {
            for (std::string_view f : split(line, '\t'))
                if (!f.empty()) fields.push_back(f);
        } else {
            fields = split_blanks(line);
        }
        if (fields.empty()) continue;
        if (fields[0] == "-DOCSTART-") {
            finish_doc();
            continue;
        }
        if (fields.size() < 2)
            return make_error(ErrorKind::Malformed, place + ": expected a token and a tag, got " + quote(line));
        const std::string_view token = fields[0], tag = fields.back();
        char kind = 'O';
        std::string_view label;
        if (tag != "O") {
            if (tag.size() < 3 || tag[1] != '-' || std::string_view("BIES").find(tag[0]) == std::string_view::npos)
                return make_error(ErrorKind::Malformed, place + ": tag " + quote(tag) + " is not O, B-<label> or I-<label>");
            kind = tag[0];
            label = tag.substr(2);
        }
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
        sentence_open = true;
        if (kind == 'O') {
            close(before);
        } else if ((kind == 'I' || kind == 'E') && open && open->label == label) {
            // continues the open span
        } else {
            if (kind == 'I' || kind == 'E')
                builder.skipped().add("I- tag without a B- of its label (started a new span)",
                                      "I- tags without a B- of their label (each started a new span)", 1, place);
            close(before);
            open = OpenSpan{std::string(label), start, place};
        }
        cp += count_code_points(token);
        if (kind == 'E' || kind == 'S') close(cp);
    }
    finish_doc();
    for (std::size_t k = 0; k < docs.size(); ++k) {
        docs[k].id = docs.size() == 1 ? stem : stem + "-" + std::to_string(k + 1);
        docs[k].name = docs[k].id;
        if (auto st = builder.add(std::move(docs[k])); !st) return st;
    }
    return Ok{};
}

}  // namespace

Result<ImportedCorpus> import_conll(const std::map<std::string, std::string>& files, const Schema& current) {
    ImportBuilder builder("CoNLL", current);
    for (const auto& [name, content] : files)
        if (auto st = read_file(name, content, builder); !st) return st.error();
    return builder.finish();
}

}  // namespace inkspan::formats
