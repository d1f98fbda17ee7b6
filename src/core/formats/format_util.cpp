#include "core/formats/format_util.h"

#include <algorithm>
#include <limits>

#include "core/json_guard.h"
#include "core/json_sax.h"
#include "core/utf8.h"

namespace inkspan::formats {

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

// Only records where parsing failed; the DOM parse already said that it failed.
}  // namespace

// ---- file names -------------------------------------------------------------------------------

std::string sanitize_file_stem(std::string_view name) {
    std::string out;
    std::size_t pos = 0;
    while (pos < name.size()) {
        const auto lead = static_cast<unsigned char>(name[pos]);
        const std::size_t len = std::min(utf8_sequence_length(lead), name.size() - pos);
        if (out.size() + len > 100) break;
        if (lead >= 0x80) {
            out.append(name.substr(pos, len));
        } else {
            const char c = static_cast<char>(lead);
            const bool bad = lead < 0x20 || lead == 0x7F || c == ' ' || c == '/' || c == '\\' || c == ':' ||
                             c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|' ||
                             (c == '.' && out.empty());
            out += bad ? '_' : c;
        }
        pos += len;
    }
    while (!out.empty() && (out.back() == '.' || out.back() == '_')) out.pop_back();
    return out;
}

std::string file_stem(const Document& doc) {
    std::string_view name = base_name(doc.name());
    if (const auto slash = name.find_last_of('\\'); slash != std::string_view::npos) name = name.substr(slash + 1);
    if (name.size() > 4 && ascii_lower(name.substr(name.size() - 4)) == ".txt") name.remove_suffix(4);
    std::string stem = sanitize_file_stem(name);
    if (stem.empty()) stem = sanitize_file_stem(doc.id());
    if (stem.empty()) stem = "document";
    // A layer shares its document's name: its annotator tells the files apart ("talks-bob").
    if (doc.is_layer()) {
        const std::string who = sanitize_file_stem(doc.annotator());
        stem += "-" + (who.empty() ? sanitize_file_stem(doc.id()) : who);
    }
    return stem;
}

std::string export_file_name(const Corpus& corpus, const std::vector<std::size_t>& doc_indexes,
                             std::string_view extension) {
    const std::string stem = doc_indexes.size() == 1 ? file_stem(corpus.documents[doc_indexes[0]]) : "inkspan-corpus";
    return stem + std::string(extension);
}

void tally_dropped_provenance(Tally& losses, const Document& doc) {
    std::size_t n = 0;
    for (const Span& s : doc.spans()) n += !s.agreed_by.empty();
    for (const Relation& r : doc.relations()) n += !r.agreed_by.empty();
    losses.add("gold provenance dropped (who agreed on a span or relation)",
               "gold provenances dropped (who agreed on a span or relation)", n);
}

std::string UniqueNames::take(std::string_view stem, std::string_view extension) {
    std::string name = std::string(stem) + std::string(extension);
    for (std::size_t n = 2; taken_.count(ascii_lower(name)); ++n)
        name = std::string(stem) + "-" + std::to_string(n) + std::string(extension);
    taken_.insert(ascii_lower(name));
    return name;
}

void UniqueNames::reserve(std::string_view name) { taken_.insert(ascii_lower(name)); }

std::string_view base_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view strip_extension(std::string_view path) {
    const std::string_view base = base_name(path);
    const auto dot = base.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return path;
    return path.substr(0, path.size() - (base.size() - dot));
}

std::string lower_extension(std::string_view path) {
    const std::string_view base = base_name(path);
    const auto dot = base.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0) return "";
    return ascii_lower(base.substr(dot));
}

// ---- lines ------------------------------------------------------------------------------------

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t nl = s.find('\n', start);
        const std::size_t stop = nl == std::string_view::npos ? s.size() : nl;
        std::string_view line = s.substr(start, stop - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    return lines;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const std::size_t at = s.find(sep, start);
        if (at == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, at - start));
        start = at + 1;
    }
}

std::vector<std::string_view> split_blanks(std::string_view s) {
    std::vector<std::string_view> parts;
    split_blanks(s, parts);
    return parts;
}

void split_blanks(std::string_view s, std::vector<std::string_view>& parts) {
    parts.clear();
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
        if (i > start) parts.push_back(s.substr(start, i - start));
    }
}

bool is_ascii_blank(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

std::optional<std::size_t> parse_count(std::string_view digits) {
    if (digits.empty() || digits.size() > 10) return std::nullopt;
    std::uint64_t v = 0;
    for (char c : digits) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (v > std::numeric_limits<std::uint32_t>::max()) return std::nullopt;
    return static_cast<std::size_t>(v);
}

// ---- tallies ----------------------------------------------------------------------------------

void Tally::add(std::string_view one, std::string_view many, std::size_t n, std::string_view first_place) {
    if (n == 0) return;
    for (Entry& e : entries_)
        if (e.sentence.empty() && e.one == one) {
            e.count += n;
            return;
        }
    entries_.push_back(Entry{std::string(one), std::string(many), std::string(first_place), "", n});
}

void Tally::note(std::string sentence) {
    for (const Entry& e : entries_)
        if (e.sentence == sentence) return;
    entries_.push_back(Entry{"", "", "", std::move(sentence), 0});
}

std::vector<std::string> Tally::sentences() const {
    std::vector<std::string> out;
    for (const Entry& e : entries_) {
        if (!e.sentence.empty()) {
            out.push_back(prefix_ + e.sentence);
            continue;
        }
        std::string s = prefix_ + counted(e.count, e.one, e.many);
        if (!e.first_place.empty()) s += " (first: " + e.first_place + ")";
        out.push_back(std::move(s));
    }
    return out;
}

std::string counted(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// ---- JSON -------------------------------------------------------------------------------------

Result<Json> parse_json(std::string_view text, std::string_view place) {
    if (Status guarded = check_json_limits(text); !guarded)
        return make_error(guarded.error().kind, std::string(place) + ": " + guarded.error().message);
    Json value = Json::parse(text, nullptr, false);
    if (!value.is_discarded()) return value;
    return json_syntax_error(text, place);
}

Error json_syntax_error(std::string_view text, std::string_view place) {
    const std::size_t position = find_json_syntax_error(text).byte;
    const TextPosition at = text_position(text, position > 0 ? position - 1 : 0);
    return make_error(ErrorKind::Malformed, std::string(place) + ": invalid JSON at line " + std::to_string(at.line) +
                                                ", column " + std::to_string(at.column));
}

std::string dump_json(const OrderedJson& value, int indent) {
    return value.dump(indent, ' ', false, OrderedJson::error_handler_t::replace);
}

const Json* member(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

Result<std::string> need_string(const Json& object, std::string_view key, std::string_view place) {
    const Json* v = member(object, key);
    const std::string where = std::string(place) + (place.empty() || place.back() == ' ' ? "" : ".") + std::string(key);
    if (!v) return make_error(ErrorKind::Invalid, where + ": missing");
    if (!v->is_string()) return make_error(ErrorKind::Invalid, where + ": expected a string, got " + v->type_name());
    return v->get<std::string>();
}

Result<std::uint64_t> as_count(const Json& value, std::string_view place) {
    if (value.is_number_unsigned()) return value.get<std::uint64_t>();
    if (value.is_number_integer())
        return make_error(ErrorKind::Invalid, std::string(place) + ": expected a non-negative integer, got " +
                                                  std::to_string(value.get<std::int64_t>()));
    return make_error(ErrorKind::Invalid, std::string(place) + ": expected a non-negative integer, got " +
                                              (value.is_number_float() ? std::string("a fraction") : std::string(value.type_name())));
}

Result<std::uint64_t> need_count(const Json& object, std::string_view key, std::string_view place) {
    const Json* v = member(object, key);
    const std::string where = std::string(place) + (place.empty() || place.back() == ' ' ? "" : ".") + std::string(key);
    if (!v) return make_error(ErrorKind::Invalid, where + ": missing");
    return as_count(*v, where);
}

std::optional<std::string> id_text(const Json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    return std::nullopt;
}

// ---- offsets ----------------------------------------------------------------------------------

Result<std::size_t> check_code_point(std::uint64_t cp, std::size_t length, std::string_view place, std::string_view what) {
    if (cp > length)
        return make_error(ErrorKind::Invalid, std::string(place) + std::string(what) + " " + std::to_string(cp) +
                                                  " is past the end of the text (" + std::to_string(length) + " code points)");
    return static_cast<std::size_t>(cp);
}

Result<std::size_t> utf16_to_code_point(std::string_view text, const TextIndex& index, std::uint64_t u16,
                                        std::string_view place) {
    if (u16 > index.utf16_count())
        return make_error(ErrorKind::Invalid, std::string(place) + " " + std::to_string(u16) +
                                                  " is past the end of the text (" + std::to_string(index.utf16_count()) +
                                                  " UTF-16 units)");
    const auto cp = index.utf16_to_code_point(text, static_cast<std::size_t>(u16));
    if (!cp)
        return make_error(ErrorKind::Invalid, std::string(place) + " " + std::to_string(u16) +
                                                  " falls between the two halves of a surrogate pair (UTF-16 units)");
    return *cp;
}

std::optional<Error> check_range(std::size_t start, std::size_t end, std::string_view place) {
    if (start > end)
        return make_error(ErrorKind::Invalid, std::string(place) + ": span [" + std::to_string(start) + ", " +
                                                  std::to_string(end) + ") ends before it starts");
    return std::nullopt;
}

// ---- tokens -----------------------------------------------------------------------------------

TokenCover cover_tokens(const std::vector<Token>& tokens, std::size_t start, std::size_t end) {
    TokenCover c;
    const auto first = std::partition_point(tokens.begin(), tokens.end(), [&](const Token& t) { return t.end <= start; });
    if (first == tokens.end() || first->start >= end) return c;
    const auto after = std::partition_point(first, tokens.end(), [&](const Token& t) { return t.start < end; });
    c.first = static_cast<std::size_t>(first - tokens.begin());
    c.last = static_cast<std::size_t>(after - tokens.begin()) - 1;
    c.any = true;
    c.aligned = tokens[c.first].start == start && tokens[c.last].end == end;
    return c;
}

// ---- URNs -------------------------------------------------------------------------------------

std::string percent_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::optional<std::string> percent_decode(std::string_view s) {
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return std::nullopt;
        const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    if (find_invalid_utf8(out)) return std::nullopt;
    return out;
}

}  // namespace inkspan::formats
