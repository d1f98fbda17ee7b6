#pragma once
// Text known to be valid UTF-8. Only a check makes one (Utf8Text::check, or Utf8Files, which
// checks each file it is given), and none can be changed after, so whoever takes one need not
// check it again: Document::create takes one from an import that checked its files already.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace inkspan {

class Utf8Text {
public:
    Utf8Text() = default;  // empty text is valid UTF-8
    // `text` when it is valid UTF-8; otherwise "<place>: invalid UTF-8 at byte <n>" (InvalidUtf8).
    [[nodiscard]] static Result<Utf8Text> check(std::string text, std::string_view place);

    [[nodiscard]] const std::string& str() const { return text_; }
    // The text itself, for its new owner (this one is left empty, still valid).
    [[nodiscard]] std::string take() && { return std::move(text_); }

private:
    friend class Utf8Files;
    explicit Utf8Text(std::string text) : text_(std::move(text)) {}
    std::string text_;
};

// Named files (an import's), each checked as UTF-8 once when added; read-only after.
class Utf8Files {
public:
    // Adds a file; "<name>: invalid UTF-8 at byte <n>" (and nothing added) when it is not UTF-8.
    [[nodiscard]] std::optional<Error> add(std::string name, std::string bytes);
    // Every file, in name order, or the first one's refusal.
    [[nodiscard]] static Result<Utf8Files> check(std::map<std::string, std::string> files);

    [[nodiscard]] const std::map<std::string, std::string>& files() const { return files_; }
    // A copy of the file of this name as checked text (empty when there is none).
    [[nodiscard]] Utf8Text text(const std::string& name) const;

private:
    std::map<std::string, std::string> files_;
};

}  // namespace inkspan
