#pragma once
// The first pass of the inkspan JSON reader (inkspan_json_read.cpp): one pass over the file, a
// window at a time, that finds the root object and the byte range of each element of
// "documents", so each document can be read and parsed on its own (the whole corpus never sits in
// memory as one JSON tree, nor the whole file as one string). On the way it checks the UTF-8 and
// whether check_json_limits could refuse the file. A state machine carries what straddles a
// window boundary: an open string and its escape, a UTF-8 sequence, a number, a key.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "core/byte_source.h"

namespace inkspan {

struct DocumentScan {
    enum class Outcome {
        Split,        // the plain shape: `root` and `ranges` are filled
        InvalidUtf8,  // at byte `invalid_utf8_at`, the first in the file
        ReadWhole,    // another shape, or the limits may refuse it: read the file whole
    };
    Outcome outcome = Outcome::ReadWhole;
    std::size_t invalid_utf8_at = 0;
    // The file with the documents array emptied ("documents": []).
    std::string root;
    // Each element of "documents": [begin, end) in the file.
    std::vector<std::pair<std::size_t, std::size_t>> ranges;
};

// The plain shape: an object at the root, one "documents" key in it, only objects in that array,
// one comma between two of them, at most kMaxDocuments of them, every string closed.
[[nodiscard]] DocumentScan scan_documents(const ByteSource& source, std::size_t window);

}  // namespace inkspan
