#pragma once
// Documented size limits of the model. Loaders refuse larger inputs with ErrorKind::TooLarge and
// commands refuse to grow past them, so a hostile or broken file cannot exhaust the tab's memory.
// The same numbers are listed in docs/FORMATS.md.
#include <cstddef>

namespace inkspan {

inline constexpr std::size_t kMaxInputBytes = 128u << 20;            // one file handed to a loader
inline constexpr std::size_t kMaxDocuments = 10'000;                 // documents in a corpus
inline constexpr std::size_t kMaxTextBytes = 16u << 20;              // UTF-8 bytes of one document text
inline constexpr std::size_t kMaxSpansPerDocument = 250'000;
inline constexpr std::size_t kMaxRelationsPerDocument = 250'000;
inline constexpr std::size_t kMaxEntityTypes = 200;
inline constexpr std::size_t kMaxRelationTypes = 200;
inline constexpr std::size_t kMaxNameBytes = 64;                     // entity and relation type names
inline constexpr std::size_t kMaxIdBytes = 64;                       // document, span and relation ids
inline constexpr std::size_t kMaxMetaBytes = 1024;                   // document name, annotator, dates, descriptions
inline constexpr std::size_t kMaxNoteBytes = 16u << 10;              // a span's free-text note
inline constexpr std::size_t kMaxAttributesPerSpan = 32;
inline constexpr std::size_t kMaxAnnotatorsPerItem = 64;           // names in a gold span's or relation's agreed_by
inline constexpr std::size_t kMaxAttributeBytes = 256;               // each attribute key and value
// Peak memory an import takes per byte of file (the file's copy, the parsed JSON, the documents):
// the 49.6 MB corpus of docs/BENCHMARKS.md peaks at 336 MB of wasm heap (6.8x). An import that
// would not fit in the memory the tab has left is refused before it is read.
inline constexpr std::size_t kImportMemoryPerByte = 8;
// JSON text, checked before it is parsed (json_guard.h). Our files nest at most 6 levels, Label
// Studio and W3C about 10 (more with nested task data); 64 leaves room for any real file.
inline constexpr std::size_t kMaxJsonDepth = 64;                     // arrays and objects inside each other
inline constexpr std::size_t kMaxJsonNumberChars = 40;               // one number, e.g. -1.7976931348623157e+308 is 24

}  // namespace inkspan
