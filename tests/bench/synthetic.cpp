#include "synthetic.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "core/schema.h"
#include "core/utf8.h"

namespace inkspan::bench {
namespace {

struct Pools {
    std::vector<std::string> templates, filler, first, last, org_prefix, city, month, title, exotic;
};

Pools& pools() {
    static Pools p;
    return p;
}

const std::string& pick(Rng& rng, const std::vector<std::string>& pool) {
    return pool[rng.below(static_cast<std::uint32_t>(pool.size()))];
}

// Appends text and keeps the code point count (spans are in code points).
struct TextBuilder {
    std::string text;
    std::size_t cp = 0;
    void append(std::string_view s) {
        text += s;
        for (unsigned char c : s) cp += (c & 0xC0) != 0x80;
    }
};

}  // namespace

Status load_word_pools(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return make_error(ErrorKind::NotFound, path + ": cannot be read");
    std::stringstream ss;
    ss << in.rdbuf();
    const auto j = nlohmann::json::parse(ss.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) return make_error(ErrorKind::Invalid, path + ": not a JSON object");
    Pools& p = pools();
    const std::pair<const char*, std::vector<std::string>*> fields[] = {
        {"templates", &p.templates}, {"filler", &p.filler}, {"first", &p.first}, {"last", &p.last},
        {"org_prefix", &p.org_prefix}, {"city", &p.city}, {"month", &p.month}, {"title", &p.title},
        {"exotic", &p.exotic}};
    for (const auto& [key, out] : fields) {
        out->clear();
        const auto it = j.find(key);
        if (it == j.end() || !it->is_array() || it->empty())
            return make_error(ErrorKind::Invalid, path + ": \"" + key + "\" must be a non-empty array");
        for (const auto& w : *it) {
            if (!w.is_string()) return make_error(ErrorKind::Invalid, path + ": \"" + key + "\" holds a non-string");
            out->push_back(w.get<std::string>());
        }
    }
    return Ok{};
}

Result<Document> make_document(const std::string& id, const std::string& name, std::uint32_t seed,
                               std::size_t sentences) {
    const Pools& p = pools();
    if (p.templates.empty()) return make_error(ErrorKind::Invalid, "word pools not loaded");
    Rng rng(seed);
    TextBuilder tb;
    std::vector<Span> spans;
    std::vector<Relation> relations;
    std::size_t next_t = 1, next_r = 1;
    auto add_span = [&](std::size_t start, std::size_t end, const char* label) {
        Span s;
        s.id = "T" + std::to_string(next_t++);
        s.start = start;
        s.end = end;
        s.label = label;
        spans.push_back(std::move(s));
        return spans.back().id;
    };
    auto add_relation = [&](const char* type, const std::string& head, const std::string& tail) {
        relations.push_back({"R" + std::to_string(next_r++), type, head, tail});
    };

    std::string prev_per;
    std::uint32_t para_left = 4 + rng.below(6);
    for (std::size_t i = 0; i < sentences; ++i) {
        if (i > 0) {
            if (para_left == 0) {
                tb.append("\n\n");
                para_left = 4 + rng.below(6);
            } else {
                tb.append(" ");
            }
        }
        --para_left;
        const std::string& tpl = pick(rng, p.templates);
        std::string per, org, org_loc;
        for (std::size_t k = 0; k < tpl.size();) {
            if (tpl[k] != '{') {
                const std::size_t next = std::min(tpl.find('{', k), tpl.size());
                tb.append(std::string_view(tpl).substr(k, next - k));
                k = next;
                continue;
            }
            const std::size_t close = tpl.find('}', k);
            const std::string_view slot = std::string_view(tpl).substr(k + 1, close - k - 1);
            k = close + 1;
            const std::size_t a = tb.cp;
            if (slot == "f") {
                tb.append(pick(rng, p.filler));
            } else if (slot == "x") {
                if (rng.below(4) == 0) {
                    tb.append(" ");
                    tb.append(pick(rng, p.exotic));
                }
            } else if (slot == "PER") {
                tb.append(pick(rng, p.first));
                tb.append(" ");
                tb.append(pick(rng, p.last));
                const std::string sid = add_span(a, tb.cp, "PER");
                if (per.empty()) per = sid;
            } else if (slot == "ORG") {
                tb.append(pick(rng, p.org_prefix));
                tb.append(" ");
                const std::size_t b = tb.cp;
                tb.append(pick(rng, p.city));
                org = add_span(a, tb.cp, "ORG");
                org_loc = add_span(b, tb.cp, "LOC");
            } else if (slot == "LOC") {
                tb.append(pick(rng, p.city));
                (void)add_span(a, tb.cp, "LOC");
            } else if (slot == "DATE") {
                tb.append(std::to_string(1 + rng.below(28)));
                tb.append(" ");
                tb.append(pick(rng, p.month));
                tb.append(" ");
                tb.append(std::to_string(1990 + rng.below(35)));
                (void)add_span(a, tb.cp, "DATE");
            } else if (slot == "MISC") {
                tb.append("\u00AB\u00A0");
                const std::size_t b = tb.cp;
                tb.append(pick(rng, p.title));
                (void)add_span(b, tb.cp, "MISC");
                tb.append("\u00A0\u00BB");
            } else {
                return make_error(ErrorKind::Invalid, "unknown template slot {" + std::string(slot) + "}");
            }
        }
        const std::uint32_t r = rng.below(3);
        if (i % 5 == 4 && !prev_per.empty()) add_relation("meets", per, prev_per);
        else if (r == 0) add_relation("member_of", per, org);
        else if (r == 1) add_relation("located_in", org, org_loc);
        else add_relation("located_in", per, org_loc);
        prev_per = per;
    }

    auto doc = Document::create(id, name, std::move(tb.text));
    if (!doc.ok()) return doc.error();
    doc->set_status(seed % 3 == 0 ? DocStatus::Done : seed % 3 == 1 ? DocStatus::InProgress : DocStatus::New);
    doc->set_created("2024-01-01T00:00:00Z");
    doc->set_modified("2024-01-01T00:00:00Z");
    doc->insert_spans(std::move(spans));
    doc->insert_relations(std::move(relations));
    return doc;
}

Result<Corpus> make_corpus(std::size_t documents, std::size_t sentences) {
    Corpus corpus;
    corpus.schema = default_news_schema();
    corpus.documents.reserve(documents);
    for (std::size_t i = 0; i < documents; ++i) {
        char id[32], name[64];
        std::snprintf(id, sizeof id, "doc%04zu", i + 1);
        std::snprintf(name, sizeof name, "synthetic-%04zu.fr.txt", i + 1);
        auto doc = make_document(id, name, static_cast<std::uint32_t>(1000 + i), sentences);
        if (!doc.ok()) return doc.error();
        corpus.documents.push_back(std::move(doc.value()));
    }
    return corpus;
}

std::uint32_t fnv1a(std::string_view text) {
    std::uint32_t h = 2166136261u;
    for (unsigned char c : text) {
        h ^= c;
        h *= 16777619u;
    }
    return h;
}

}  // namespace inkspan::bench
