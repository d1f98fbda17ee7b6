#include "core/list_rows.h"

#include <algorithm>

#include "core/bidi.h"
#include "core/display_text.h"
#include "core/text_index.h"

namespace inkspan {

std::string isolate_if_rtl(std::string_view utf8) {
    if (!has_right_to_left(utf8)) return std::string(utf8);
    return "\u2068" + std::string(utf8) + "\u2069";
}

std::string span_context(const Document& doc, const Span& s) {
    constexpr std::size_t kSide = 18;  // code points
    const std::size_t a = s.start > kSide ? s.start - kSide : 0, b = std::min(doc.length(), s.end + kSide);
    std::string before(doc.text_of(a, s.start)), after(doc.text_of(s.end, b));
    if (a > 0)
        if (auto sp = before.find(' '); sp != std::string::npos) before = "…" + before.substr(sp + 1);
    if (b < doc.length())
        if (auto sp = after.rfind(' '); sp != std::string::npos && sp > 0) after = after.substr(0, sp) + "…";
    std::string out = before + "‹›" + after;
    for (char& c : out)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return display_text(out);
}

namespace {

// The span's text as drawn, its first `n` code points (the same room in every script).
std::string shown_text(const Document& doc, const Span& s, std::size_t n) {
    const std::string_view text = doc.span_text(s);
    return display_text(text.substr(0, skip_code_points(text, 0, n)));
}

}  // namespace

std::string span_row(const Document& doc, const Span& s) {
    return s.label + "  " + isolate_if_rtl(shown_text(doc, s, 60)) + "   " + isolate_if_rtl(span_context(doc, s));
}

std::string relation_row(const Document& doc, const Span& head, const std::string& type, const Span& tail) {
    return isolate_if_rtl(shown_text(doc, head, 24)) + "  →" + type + "→  " + isolate_if_rtl(shown_text(doc, tail, 24));
}

}  // namespace inkspan
