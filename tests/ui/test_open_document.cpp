// Opening a document does only what the first frame needs (issue 16): the lines on screen are laid
// out, the rest of the document in later frames, a slice each, while the text stays where it is.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

// brat's benchmark shape: one sentence of ~20 words per line.
std::string sentences(int lines) {
    const char* words[] = {"Selon", "Anaïs", "Faure", "l’équipe", "a", "présenté", "à", "Lyon", "le", "rapport", "de",
                           "l’Organisation", "mondiale", "avec", "Zoé", "Marchand", "depuis", "mars", "2002", "déjà"};
    std::string text;
    for (int line = 0; line < lines; ++line) {
        for (int w = 0; w < 20; ++w) text += std::string(w ? " " : "") + words[(line * 7 + w * 3) % 20];
        text += ".\n";
    }
    return text;
}

}  // namespace

TEST_CASE("opening a 1,000-line document lays out the first screen only; later frames lay out the rest, the view still") {
    Driver d;
    REQUIRE(d.app().import_file("brat-shaped.txt", sentences(1000)).ok);
    d.frame();  // the frame that shows it
    REQUIRE(d.doc().name() == "brat-shaped.txt");
    REQUIRE(d.app().layout_stats());
    const auto broken = [&d] { return d.app().layout_stats()->paragraphs_broken; };
    CHECK(broken() <= 40);  // ~26 lines of 28 px fit the reading area; one line per paragraph or two

    // A reader jumps to the middle (every line holds each word once) while the rest is being laid
    // out above it: what is on screen stays where it is.
    const std::size_t cp = range_of(d.doc(), "Lyon", 500).start;
    const auto box = d.app().locate(d.doc().id(), cp);  // scrolls there, draws no frame
    REQUIRE(box);
    CHECK(broken() < 1001);  // what the jump needed, not the paragraphs above it
    int frames = 0;
    while (broken() < 1001 && frames < 2000) {
        d.frame();
        ++frames;
    }
    CHECK(broken() == 1001);  // every paragraph (and the empty one after the last newline) once
    CHECK(frames > 0);
    const auto after = d.app().locate(d.doc().id(), cp);  // on screen: no scrolling, where it is drawn
    REQUIRE(after);
    CHECK(std::abs(after->y - box->y) < 0.5f);  // the same pixel row
}
