// Layout of sample sentences in Chinese, Japanese, Korean, Thai, Hindi and Arabic with emoji, at
// many widths: lines wrap between ideographs, never start with a closing mark or end with an
// opening one, CJK lines are filled to the width, a long URL wraps instead of overflowing, and no
// line splits a grapheme cluster.
#include <doctest/doctest.h>

#include <set>
#include <string>
#include <vector>

#include "core/line_breaker.h"
#include "core/text_layout.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {

// Wide characters 16 px (as a CJK font at 16 px), others 8 px, spaces 4 px; marks 0 (the layout's rule).
bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || c >= 0x1F300;
}
GlyphAdvances sample_advances() {
    return GlyphAdvances([](char32_t c) { return c == U' ' ? 4.0f : is_wide(c) ? 16.0f : 8.0f; });
}

std::vector<char32_t> code_points(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t p = 0; p < s.size();) out.push_back(decode_utf8(s, p));
    return out;
}

// Marks a line must not start with (UAX #14 CL, CP, EX, IS, NS in these samples) or end with (OP).
const std::u32string kClosing = U"。、，．：；！？）」』】〕〉》・ー!?),.:;%";
const std::u32string kOpening = U"「『（【〔〈《([“";

struct Sample {
    const char* language;
    std::string text;
    bool cjk;  // lines of ideographs / kana / hangul syllables that should fill the width
};

std::vector<Sample> samples() {
    return {
        {"Chinese",
         "北京大学的研究人员周三宣布，他们在上海举行的会议上展示了新的翻译系统（测试版）。"
         "该系统支持中文、日文和韩文，并且“几乎没有错误”。记者李明🙂报道：“这是一个重要的进展！”",
         true},
        {"Japanese",
         "東京大学の山田太郎さんは「こんにちは」と言った。ちょっとしたニュースです。"
         "新しいコンピューターは、とても速い（約２倍）そうです！👨‍👩‍👧と一緒に京都へ行きました。",
         true},
        {"Korean",
         "서울대학교 연구팀은 수요일에 새로운 번역 시스템을 발표했다. 김민수 교수는 \"매우 중요한 "
         "발전\"이라고 말했다. 한글 자모 각 도 한 글자다 🇰🇷.",
         false},
        {"Thai",
         "นักวิจัยจากมหาวิทยาลัยในกรุงเทพฯ ประกาศเมื่อวันพุธว่าระบบแปลภาษาใหม่ทำงานได้ดีมาก 👍🏽 "
         "และจะเปิดให้ใช้ในปีหน้า",
         false},
        {"Hindi",
         "दिल्ली विश्वविद्यालय के शोधकर्ताओं ने बुधवार को नई अनुवाद प्रणाली की घोषणा की। प्रोफ़ेसर "
         "क्षमा शर्मा ने कहा, \"यह एक महत्वपूर्ण प्रगति है!\" 🎉",
         false},
        {"Arabic",
         "أعلن باحثون من جامعة القاهرة يوم الأربعاء عن نظام ترجمة جديد. وقالت الأستاذة فاطمة: "
         "«هذا تقدم مهم» 👩🏽‍🔬 (نسخة تجريبية).",
         false},
    };
}

}  // namespace

TEST_CASE("multilingual layout: no line starts with a closing mark or ends with an opening one, clusters stay whole") {
    for (const Sample& s : samples()) {
        for (float width = 80.0f; width <= 400.0f; width += 7.0f) {  // every unbreakable unit fits
            LayoutStyle style;
            style.wrap_width = width;
            TextLayout layout(s.text, sample_advances(), style);
            std::set<std::size_t> stops{0};
            for (std::size_t cp = 0; cp < layout.code_point_count();) stops.insert(cp = layout.next_caret_stop(cp));
            const std::vector<LayoutLine> lines = layout.visible_lines(-1.0f, 1e9f);
            for (std::size_t i = 0; i < lines.size(); ++i) {
                const std::vector<char32_t> cps = code_points(layout.line_text(lines[i]));
                INFO(std::string(s.language), " at ", width, " px, line ", i, ": ", std::string(layout.line_text(lines[i])));
                REQUIRE(!cps.empty());
                CHECK(stops.count(lines[i].cp_start) == 1);  // a line starts at a cluster boundary
                if (i > 0) CHECK(kClosing.find(cps.front()) == std::u32string::npos);
                if (i + 1 < lines.size()) {
                    std::size_t last = cps.size();
                    while (last > 0 && cps[last - 1] == U' ') --last;
                    CHECK((last == 0 || kOpening.find(cps[last - 1]) == std::u32string::npos));
                }
            }
        }
    }
}

TEST_CASE("multilingual layout: CJK lines are filled to the width, wrapping between ideographs") {
    for (const Sample& s : samples()) {
        if (!s.cjk) continue;
        for (float width = 100.0f; width <= 400.0f; width += 13.0f) {
            LayoutStyle style;
            style.wrap_width = width;
            TextLayout layout(s.text, sample_advances(), style);
            const std::vector<LayoutLine> lines = layout.visible_lines(-1.0f, 1e9f);
            REQUIRE(lines.size() > 1);
            for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
                INFO(std::string(s.language), " at ", width, " px, line ", i, ": ", std::string(layout.line_text(lines[i])));
                CHECK(lines[i].width <= width);
                // Full but for the unit that did not fit: a character with the marks that may not
                // be separated from it (道：“这 is 3.5 characters wide): never a half-empty line.
                CHECK(lines[i].width > width - 4 * 16.0f);
            }
        }
    }
}

TEST_CASE("multilingual layout: a long URL wraps between clusters instead of overflowing") {
    const std::string url = "https://example.org/wiki/%E5%8C%97%E4%BA%AC%E5%A4%A7%E5%AD%A6?lang=zh&ref=annotation-tool"
                            "&session=0123456789abcdef0123456789abcdef#section-12";
    const std::string text = "See " + url + " for 北京大学 and more.";
    for (float width = 60.0f; width <= 300.0f; width += 11.0f) {
        LayoutStyle style;
        style.wrap_width = width;
        TextLayout layout(text, sample_advances(), style);
        const std::vector<LayoutLine> lines = layout.visible_lines(-1.0f, 1e9f);
        CHECK(lines.size() >= static_cast<std::size_t>(url.size() * 8 / width));
        std::size_t covered = 0;
        for (const LayoutLine& l : lines) {
            INFO("at ", width, " px: ", std::string(layout.line_text(l)));
            CHECK(l.width <= width + 4.0f);  // a trailing space may hang
            CHECK(l.cp_start == covered);
            covered = l.cp_end;
        }
        CHECK(covered == layout.code_point_count());
    }
}

TEST_CASE("multilingual layout: an emoji ZWJ sequence, a flag and a Devanagari conjunct are one caret stop each") {
    // 👩‍👩‍👧 (5 code points), 🇫🇷 (2), क्ष (3: consonant, virama, consonant; GB9c, Unicode 15.1)
    TextLayout layout("a\U0001F469\u200D\U0001F469\u200D\U0001F467b\U0001F1EB\U0001F1F7c\u0915\u094D\u0937d",
                      sample_advances());
    std::vector<std::size_t> stops;
    for (std::size_t cp = 0; cp < layout.code_point_count();) stops.push_back(cp = layout.next_caret_stop(cp));
    CHECK(stops == std::vector<std::size_t>{1, 6, 7, 9, 10, 13, 14});
    CHECK(layout.prev_caret_stop(4) == 1);
    CHECK(layout.prev_caret_stop(12) == 10);
}

namespace {

// The greedy breaking break_paragraph does, written plainly over every UAX #14 opportunity of the
// paragraph (line_break_opportunities) and every cluster: the reference for its lazy analysis.
std::vector<std::size_t> reference_line_starts(const std::string& text, const GlyphAdvances& advances, float width) {
    const std::vector<std::size_t> opportunities = line_break_opportunities(text);
    const std::set<std::size_t> allowed(opportunities.begin(), opportunities.end());
    struct Item { std::size_t cp; float advance; bool hangs; };
    std::vector<Item> items;
    ClusterScanner scanner(text, text.size(), advances);
    std::size_t cp = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const Cluster c = scanner.next(pos);
        items.push_back({cp, c.advance, c.hangs});
        cp += c.code_points;
        pos = c.byte_end;
    }
    std::vector<std::size_t> starts{0};
    std::size_t line_first = 0;  // index into items
    float x = 0.0f;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].hangs && i > line_first && x + items[i].advance > width + 1e-3f) {
            std::size_t k = i;
            while (k > line_first && allowed.count(items[k].cp) == 0) --k;
            if (k > line_first) {
                starts.push_back(items[k].cp);
                line_first = k;
                x = 0.0f;
                for (std::size_t j = k; j < i; ++j) x += items[j].advance;
            }
            if (i > line_first && x + items[i].advance > width + 1e-3f) {
                starts.push_back(items[i].cp);
                line_first = i;
                x = 0.0f;
            }
        }
        x += items[i].advance;
    }
    return starts;
}

}  // namespace

TEST_CASE("line breaker: the lazily analysed breaks are those of the whole paragraph") {
    // Latin text restarts libunibreak at "letter + space" anchors; check it against the plain
    // greedy at every width, on the samples and on Latin text with numbers, brackets and quotes.
    std::vector<std::string> texts;
    for (const Sample& s : samples()) texts.push_back(s.text);
    texts.push_back("Le 3 mars 2024, M. Dupont (né en 1970) a dit : « C'est-à-dire 12,5 % — pas plus ! » "
                    "Voir https://example.org/a-b_c?d=1&e=2 ; puis (encore) [ceci] {cela} 1.000.000 $ et 45 €. "
                    "Mots-clés : anti-inflammatoire, “quoted text”, 'single', 100km/h, e.g. i.e. etc...");
    texts.push_back("a b  c   d\u00A0e\u2009f\u200Bg - h -- i ( j ) k 12 34 .5 5. a1 1a x\u05D3-\u05D4 y \u05D3- z \u05D3\u2010 w");
    for (const std::string& text : texts) {
        for (float width = 20.0f; width <= 420.0f; width += 5.0f) {
            const std::vector<LineBox> lines = break_paragraph(text, 0, text.size(), 0, sample_advances(), width);
            std::vector<std::size_t> starts;
            for (const LineBox& l : lines) starts.push_back(l.cp_start);
            INFO("at ", width, " px: ", text);
            CHECK(starts == reference_line_starts(text, sample_advances(), width));
        }
    }
}
