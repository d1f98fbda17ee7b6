#pragma once
// The synthetic benchmark corpus, built deterministically from a seed: French prose with accents,
// « » and ’, some Greek, Cyrillic, CJK and emoji (word pools and sentence templates in
// synthetic_words.json, shared with the browser bench's synthetic.mjs, which runs the same
// generator: same seed, same text, same spans). Every sentence holds 4 annotated mentions, one of
// them an ORG with a nested LOC (5 spans), and one relation (every 5th one reaches back to the
// previous sentence, so arcs cross lines). Paragraphs of 4–9 sentences are separated by a blank line.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/corpus.h"
#include "core/result.h"

namespace inkspan::bench {

// mulberry32: tiny, fast, and the same numbers in JavaScript (Math.imul).
class Rng {
public:
    explicit Rng(std::uint32_t seed) : state_(seed) {}
    std::uint32_t next() {
        std::uint32_t t = (state_ += 0x6D2B79F5u);
        t = (t ^ (t >> 15)) * (t | 1u);
        t ^= t + (t ^ (t >> 7)) * (t | 61u);
        return t ^ (t >> 14);
    }
    std::uint32_t below(std::uint32_t n) { return next() % n; }

private:
    std::uint32_t state_;
};

// Loads the word pools (once); the error names the file.
[[nodiscard]] Status load_word_pools(const std::string& path);

// One document of `sentences` sentences (5 spans and 1 relation each). Pools must be loaded.
[[nodiscard]] Result<Document> make_document(const std::string& id, const std::string& name, std::uint32_t seed,
                                             std::size_t sentences);

// The default news schema (the labels and relation types the generator uses) and the documents
// "doc0001".. of `sentences` sentences each, seeds 1000 + i.
[[nodiscard]] Result<Corpus> make_corpus(std::size_t documents, std::size_t sentences);

// FNV-1a of a text, printed by both benches so one can check they measured the same document.
[[nodiscard]] std::uint32_t fnv1a(std::string_view text);

}  // namespace inkspan::bench
