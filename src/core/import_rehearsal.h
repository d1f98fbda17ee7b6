#pragma once
// A rehearsal of the app's imports on a small sample, one format a step, for a JIT. In the browser
// a fresh tab runs wasm in V8's baseline tier and optimizes a function only after it has done
// enough work, so the user's first import ran 3-5x slower than the second (docs/BENCHMARKS.md,
// issue 16). The page runs these steps while idle after it opens, which makes V8 optimize the
// readers (and writers) before a file arrives. Everything is thrown away: nothing touches the app.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/corpus.h"

namespace inkspan {

class ImportRehearsal {
public:
    // Each of the formats (the six dataset formats and inkspan JSON) is written once from
    // `sample`, then read back `rounds` times, and each read's documents are added to a corpus of
    // their own as the app adds an import, then undone: one write, read or add a step.
    ImportRehearsal(Corpus sample, int rounds);

    // One step: the format it wrote or read, or nullopt when the rehearsal is over.
    std::optional<std::string> step();
    [[nodiscard]] bool done() const { return next_ >= plan_.size(); }
    [[nodiscard]] std::size_t reads() const { return reads_; }
    // Spans of the documents the reads added to a corpus of their own, as the app adds an import.
    [[nodiscard]] std::size_t added_spans() const { return added_spans_; }
    // "<format>: <message>" for each write or read that failed (the sample should never fail).
    [[nodiscard]] const std::vector<std::string>& failures() const { return failures_; }

    // A news-like document of `sentences` sentences (French, with accents), four entity spans and
    // two relations a sentence, in the default news schema.
    [[nodiscard]] static Corpus sample_corpus(std::size_t sentences);

private:
    enum class Kind { Write, Read, Add };  // an Add step adds what the Read before it read
    struct Step {
        std::string format;
        Kind kind = Kind::Read;
    };
    void write(const std::string& format);
    void read(const std::string& format);
    void add(const std::string& format);

    Corpus sample_;
    std::vector<Step> plan_;
    std::size_t next_ = 0;
    std::size_t reads_ = 0;
    std::size_t added_spans_ = 0;
    std::map<std::string, std::map<std::string, std::string>> files_;  // format → its files
    std::optional<Corpus> read_;  // what the last Read step read, for the Add step after it
    std::vector<std::string> failures_;
};

}  // namespace inkspan
