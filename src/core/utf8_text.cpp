#include "core/utf8_text.h"

#include "core/utf8.h"

namespace inkspan {

namespace {

Error invalid_at(std::string_view place, std::size_t byte) {
    return make_error(ErrorKind::InvalidUtf8, std::string(place) + ": invalid UTF-8 at byte " + std::to_string(byte));
}

}  // namespace

Result<Utf8Text> Utf8Text::check(std::string text, std::string_view place) {
    if (auto bad = find_invalid_utf8(text)) return invalid_at(place, *bad);
    return Utf8Text(std::move(text));
}

std::optional<Error> Utf8Files::add(std::string name, std::string bytes) {
    if (auto bad = find_invalid_utf8(bytes)) return invalid_at(name, *bad);
    files_.insert_or_assign(std::move(name), std::move(bytes));
    return std::nullopt;
}

Result<Utf8Files> Utf8Files::check(std::map<std::string, std::string> files) {
    Utf8Files out;
    while (!files.empty()) {  // each file moved over, none copied
        auto node = files.extract(files.begin());
        if (auto bad = find_invalid_utf8(node.mapped())) return invalid_at(node.key(), *bad);
        out.files_.insert(std::move(node));
    }
    return out;
}

Utf8Text Utf8Files::text(const std::string& name) const {
    const auto it = files_.find(name);
    return it == files_.end() ? Utf8Text() : Utf8Text(it->second);
}

}  // namespace inkspan
