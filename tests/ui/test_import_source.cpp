// Importing a file the page keeps (issue 15): an inkspan file is read from its ByteSource a window
// at a time, never whole, and gives the corpus and the messages of the string path.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "core/byte_source.h"
#include "../unit/counting_source.h"
#include "core/formats/format.h"
#include "ui_driver.h"

using namespace inkspan;
using namespace inkspan::uitest;

namespace {

using testing::CountingSource;

// ~3 MB (more than two windows): 300 documents of ~10 KB, each with a span on its last word.
std::string big_file(std::size_t& largest_document) {
    std::string out = R"({"format": "inkspan", "version": 1, "schema": {"entities": [{"name": "LOC", "color": "#59a14f"}]}, "documents": [)";
    largest_document = 0;
    for (int i = 0; i < 300; ++i) {
        std::string text;
        std::size_t cps = 4;  // the final "Lyon"
        for (; text.size() < 10'000; cps += 13) text += "Lyon é \\\"Zoé\\\" ";  // 13 code points once unescaped
        text += "Lyon";
        const std::string doc = R"({"id": "b)" + std::to_string(i) + R"(", "text": ")" + text +
                                R"(", "spans": [{"id": "T1", "start": )" + std::to_string(cps - 4) +
                                R"(, "end": )" + std::to_string(cps) + R"(, "label": "LOC"}]})";
        largest_document = std::max(largest_document, doc.size());
        out += (i ? ",\n" : "") + doc;
    }
    return out + "]}\n";
}

}  // namespace

TEST_CASE("an inkspan file from a ByteSource is read a window at a time and gives the string path's corpus") {
    std::size_t largest_document = 0;
    const std::string file = big_file(largest_document);
    REQUIRE(file.size() > 2 * (std::size_t{1} << 20));
    std::string streamed, whole;  // the states after each import (one Driver at a time: ImGui has one context)
    {
        Driver d;
        CountingSource source(file);
        const auto out = d.app().import_file("big.inkspan.json", source);
        REQUIRE_MESSAGE(out.ok, out.message);
        // The first kSniffBytes to know the format, 1 MiB windows, then one document at a time.
        CHECK(source.largest == std::size_t{1} << 20);
        CHECK(source.largest <= std::max(std::size_t{1} << 20, largest_document));
        CHECK(source.largest < file.size());
        CHECK(source.total < 2 * file.size() + formats::kSniffBytes);
        streamed = d.app().state_json();
    }
    {
        Driver d;
        REQUIRE(d.app().import_file("big.inkspan.json", std::string_view(file)).ok);
        whole = d.app().state_json();
    }
    CHECK(streamed == whole);
    CHECK(streamed.find(R"("id": "b299")") != std::string::npos);
}

TEST_CASE("an invalid inkspan file from a ByteSource is refused with the message the page showed before") {
    std::size_t largest_document = 0;
    std::string file = big_file(largest_document);
    const std::size_t bad = file.rfind("Lyon");
    file[bad] = '\xC3';  // a lead byte followed by ASCII, far past the first window
    std::string message;
    {
        Driver d;
        CountingSource source(file);
        const auto out = d.app().import_file("bad.inkspan.json", source);
        CHECK_FALSE(out.ok);
        message = out.message;
    }
    CHECK(message == "bad.inkspan.json: invalid UTF-8 at byte " + std::to_string(bad));
    // What the page's path gave before (the bytes copied whole, then import_files).
    Driver before;
    CHECK(before.app().import_files({{"bad.inkspan.json", file}}).message == message);
}
