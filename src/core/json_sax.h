#pragma once
// nlohmann/json SAX helpers: a handler that accepts every event (derive from it and override what
// you watch), and where a text stops being valid JSON (for error messages).
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace inkspan {

struct JsonSaxAcceptAll : nlohmann::json_sax<nlohmann::json> {
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

struct JsonSyntaxError {
    std::size_t byte = 0;  // nlohmann's position: one past the byte where parsing failed
    std::string what;      // nlohmann's message
};

// Where nlohmann's parser gives up on `text` (meaningful only for text it refuses).
inline JsonSyntaxError find_json_syntax_error(std::string_view text) {
    struct Finder : JsonSaxAcceptAll {
        JsonSyntaxError found;
        bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) override {
            found = {position, ex.what()};
            return false;
        }
    } finder;
    (void)nlohmann::json::sax_parse(text.begin(), text.end(), &finder);
    return finder.found;
}

}  // namespace inkspan
