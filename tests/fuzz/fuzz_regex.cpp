// libFuzzer target: compile arbitrary patterns (any bytes: invalid UTF-8 must be refused cleanly)
// and run the valid ones on a fixed text with every option combination. Checks that matches are
// ordered, non-empty, non-overlapping and that byte and code-point offsets agree; and that a
// literal search for the input finds the same as a regex search for the escaped input; and that,
// where RE2 takes the pattern too (tests/unit/re2_oracle.h: translated, outside the documented
// differences), both find the same matches.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/regex.h"
#include "core/search.h"
#include "core/text_index.h"
#include "../unit/re2_oracle.h"

using namespace inkspan;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

constexpr std::string_view kText =
    "Les délégations de la Russie et des États-Unis, réunies hier à Istanbul, se sont mises d’accord.\r\n"
    "« Des mesures conjointes » ont été convenues en 2016-2018 ; 3,5 % 😀👍🏽 e\u0301 ΣΊΣΥΦΟΣ ς Жуков 中文\n\n"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab abababab __ x\ty\u00A0z\u202F!";
// For patterns with \b or ^ $, which RE2 reads differently next to non-ASCII letters and \r.
constexpr std::string_view kAsciiText = "Les delegations, reunies hier a Istanbul:\n\nx_1 2016-2018; aab abab\t<a><b> end";

// Our matches equal RE2's wherever RE2 can say the pattern and the text is one both read alike.
void check_against_re2(std::string_view pattern, const Regex& re, bool case_insensitive) {
    const std::optional<re2_oracle::Oracle> oracle = re2_oracle::make_oracle(pattern, case_insensitive);
    if (!oracle) return;
    for (const std::string_view text : {kText, kAsciiText}) {
        if (!re2_oracle::comparable(oracle->translation, text)) continue;
        const auto expected = re2_oracle::find_all(*oracle, text);
        if (!expected) continue;
        const SearchResult got = re.find_all(text, 1000);
        if (got.truncated) continue;
        check(got.matches.size() == expected->size());
        for (std::size_t i = 0; i < got.matches.size(); ++i)
            check(got.matches[i].byte_start == (*expected)[i].start && got.matches[i].byte_end == (*expected)[i].end);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view pattern(reinterpret_cast<const char*>(data), size);
    static const TextIndex index(kText);
    // The input (and a part of the fixed text, so that it has matches) as a literal query.
    for (const std::string_view query : {pattern, kText.substr(size % kText.size(), size % 9)}) {
        std::string escaped;
        for (char c : query) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x80 && !((u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z'))) escaped += '\\';
            escaped += c;
        }
        for (int flags = 0; flags < 4; ++flags) {
            SearchOptions options;
            options.case_insensitive = (flags & 1) != 0;
            options.whole_word = (flags & 2) != 0;
            const Result<SearchResult> literal = find_all(kText, query, options);
            options.regex = true;
            const Result<SearchResult> regex = find_all(kText, escaped, options);
            if (!literal.ok() || !regex.ok()) continue;  // invalid UTF-8 (or a cut sequence), too long
            check(literal->matches == regex->matches);
        }
    }
    for (int flags = 0; flags < 4; ++flags) {
        Result<Regex> re = compile_regex(pattern, RegexOptions{(flags & 1) != 0, (flags & 2) != 0});
        if (!re) {
            check(!re.error().message.empty() && re.error().message.rfind("regex: ", 0) == 0);
            return 0;
        }
        check(re->program_size() <= kMaxRegexProgram);
        if ((flags & 2) == 0) check_against_re2(pattern, *re, (flags & 1) != 0);  // RE2 has no whole-word mode
        const SearchResult result = re->find_all(kText, 1000);
        std::size_t prev_end = 0;
        for (const TextRange& m : result.matches) {
            check(m.byte_start < m.byte_end && m.byte_end <= kText.size() && m.byte_start >= prev_end);
            check(m.start == index.byte_to_code_point(kText, m.byte_start));
            check(m.end == index.byte_to_code_point(kText, m.byte_end));
            prev_end = m.byte_end;
        }
    }
    return 0;
}
