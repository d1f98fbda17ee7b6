#include "core/layout_rehearsal.h"

#include <utility>

#include "core/text_layout.h"

namespace inkspan {

LayoutRehearsal::LayoutRehearsal(GlyphAdvances advances, std::shared_ptr<TextShaper> shaper, std::vector<FontId> fonts,
                                 float em_px, int rounds)
    : advances_(std::move(advances)), shaper_(std::move(shaper)), fonts_(std::move(fonts)), em_px_(em_px), rounds_(rounds) {}

const std::string& LayoutRehearsal::sample_text() {
    static const std::string text =
        "Les délégations de la Russie et des États-Unis, réunies hier à Istanbul, se sont mises d’accord « dès que possible ».\n"
        "Οι αντιπροσωπείες της Ρωσίας και των Ηνωμένων Πολιτειών συναντήθηκαν χθες στην Κωνσταντινούπολη.\n"
        "Делегации России и США встретились вчера в Стамбуле и договорились о работе посольств.\n"
        "اجتمع وفدا روسيا والولايات المتحدة أمس في إسطنبول واتفقا على تمويل عمل السفارتين.\n"
        "המשלחות של רוסיה וארצות הברית נפגשו אתמול באיסטנבול והסכימו על מימון השגרירויות.\n"
        "रूस और संयुक्त राज्य अमेरिका के प्रतिनिधिमंडल कल इस्तांबुल में मिले और दूतावासों पर सहमत हुए।\n"
        "রাশিয়া ও যুক্তরাষ্ট্রের প্রতিনিধিদল গতকাল ইস্তাম্বুলে মিলিত হয়েছে।\n"
        "คณะผู้แทนรัสเซียและสหรัฐอเมริกาพบกันที่อิสตันบูลเมื่อวานนี้และตกลงเรื่องสถานทูต\n"
        "俄罗斯和美国代表团昨天在伊斯坦布尔举行会谈，双方同意为使馆的工作提供资金。\n"
        "ロシアと米国の代表団は昨日イスタンブールで会談し、大使館の業務について合意した。\n"
        "러시아와 미국 대표단은 어제 이스탄불에서 만나 대사관 업무에 합의했다.\n"
        "Le mot « سلام » (shalom : שלום) veut dire paix ; 2016-2018 : 6 propriétés 👍🏽.\n";
    return text;
}

bool LayoutRehearsal::step() {
    if (done()) return false;
    ++round_;
    LayoutStyle style;
    style.wrap_width = 36.0f * em_px_;
    style.line_height = 1.6f * em_px_;
    TextLayout layout(sample_text(), advances_, style);
    if (shaper_ && !fonts_.empty()) layout.set_shaping({shaper_.get(), fonts_, em_px_, DirectionChoice::automatic});
    const std::vector<LayoutLine> lines = layout.visible_lines(-1.0f, 1e9f);
    lines_ += lines.size();
    for (const LayoutLine& line : lines) {  // what a frame asks besides its lines: a hit and a caret
        (void)layout.hit_test(line.x + 5.0f * em_px_, line.y + 0.5f * style.line_height);
        (void)layout.caret_position(line.cp_start + 3);
    }
    if (done()) shaper_.reset();  // the app may have made a new shaper since: the old one goes now
    return !done();
}

}  // namespace inkspan
