#pragma once
// The quick way through one element of an inkspan file's "documents" (inkspan_json_read.cpp): a
// parser for the plain shape our writer writes — the known keys, each once, with the expected
// types — straight into a Document, without a JSON tree in between (the tree cost most of the
// reading time: one allocation per value and per key).
//
// It only ever says yes to what the tree reader accepts, and then builds the same Document. For
// anything else — a syntax error, an unknown key or label, a layer, a value the tree reader
// refuses, a shape it has not been taught — it answers nothing and the tree reader reads the
// element: that reader is the one place of error messages.
#include <optional>
#include <string_view>

#include "core/document.h"
#include "core/schema.h"

namespace inkspan {

// `element`: the bytes of one element of "documents", already checked to be UTF-8.
[[nodiscard]] std::optional<Document> read_plain_document(std::string_view element, const Schema& schema);

}  // namespace inkspan
