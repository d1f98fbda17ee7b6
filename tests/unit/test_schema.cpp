#include <doctest/doctest.h>

#include "core/schema.h"
#include "core/validation.h"

using namespace inkspan;

TEST_CASE("the default news schema is valid and small") {
    const Schema s = default_news_schema();
    CHECK(validate_schema(s).ok());
    REQUIRE(s.entities.size() == 5);
    CHECK(s.entities[0] == EntityType{"PER", "#4e79a7", "p", "Person"});
    CHECK(s.find_entity("LOC")->hotkey == "l");
    CHECK(s.find_entity_by_hotkey("d")->name == "DATE");
    CHECK(s.find_entity_by_hotkey("") == nullptr);
    CHECK(s.find_entity("loc") == nullptr);
    CHECK(s.relation_index("member_of") == 1u);
    CHECK(s.allow_crossing_spans);
}

TEST_CASE("relation types allow labels by head and tail, both ways when symmetric") {
    Schema s = default_news_schema();
    CHECK(s.allows("member_of", "PER", "ORG"));
    CHECK_FALSE(s.allows("member_of", "ORG", "PER"));
    CHECK(s.allows("located_in", "ORG", "LOC"));
    CHECK(s.allows("located_in", "LOC", "LOC"));
    CHECK_FALSE(s.allows("located_in", "DATE", "LOC"));
    CHECK_FALSE(s.allows("no_such_type", "PER", "PER"));

    RelationType sym{"allied", {"ORG"}, {"LOC"}, false};
    CHECK(sym.allows("ORG", "LOC"));
    CHECK(sym.allows("LOC", "ORG"));
    CHECK_FALSE(sym.allows("LOC", "LOC"));

    RelationType any{"related", {}, {}, true};
    CHECK(any.allows("PER", "DATE"));
    CHECK(any.accepts_head("ANYTHING"));
}

TEST_CASE("validate_schema names the place of each problem") {
    auto message = [](const Schema& s) { return validate_schema(s).error().message; };
    Schema s = default_news_schema();
    s.entities[1].name = "PER";
    CHECK(message(s) == "schema.entities[1].name: duplicate entity type \"PER\"");
    s = default_news_schema();
    s.entities[2].name = "A B";
    CHECK(message(s) == "schema.entities[2].name: invalid entity type name \"A B\" (1 to 64 bytes, no spaces or control characters)");
    s = default_news_schema();
    s.entities[0].color = "blue";
    CHECK(message(s) == "schema.entities[0].color: invalid color \"blue\" (expected #rrggbb)");
    s = default_news_schema();
    s.entities[3].hotkey = "p";
    CHECK(message(s) == "schema.entities[3].hotkey: \"p\" is already the hotkey of PER");
    s = default_news_schema();
    s.entities[3].hotkey = "dd";
    CHECK(message(s) == "schema.entities[3].hotkey: invalid hotkey \"dd\" (expected one character)");
    s = default_news_schema();
    s.relations[2].tail = {"LOC", "CITY"};
    CHECK(message(s) == "schema.relations[2].tail[1]: unknown entity type \"CITY\"");
    s = default_news_schema();
    s.relations[0].head = {"PER", "PER"};
    CHECK(message(s) == "schema.relations[0].head[1]: \"PER\" is listed twice");
    s = default_news_schema();
    s.relations[1].name = "meets";
    CHECK(message(s) == "schema.relations[1].name: duplicate relation type \"meets\"");
    s = default_news_schema();
    s.entities[0].description = std::string(2000, 'x');
    CHECK(validate_schema(s).error().kind == ErrorKind::TooLarge);
    CHECK(message(s) == "schema.entities[0].description: 2000 bytes, over the limit of 1024");
}

TEST_CASE("string checks for ids, names, colours and hotkeys") {
    CHECK(is_valid_id("T12"));
    CHECK(is_valid_id("d-é-1"));
    CHECK_FALSE(is_valid_id(""));
    CHECK_FALSE(is_valid_id("a b"));
    CHECK_FALSE(is_valid_id("a\u00A0b"));  // no-break space
    CHECK_FALSE(is_valid_id("a\tb"));
    CHECK_FALSE(is_valid_id(std::string(65, 'x')));
    CHECK_FALSE(is_valid_id("bad\xFF"));
    CHECK(is_valid_color("#4E79a7"));
    CHECK_FALSE(is_valid_color("#4e79a"));
    CHECK_FALSE(is_valid_color("4e79a7f"));
    CHECK_FALSE(is_valid_color("#4e79ag"));
    CHECK(is_valid_hotkey(""));
    CHECK(is_valid_hotkey("1"));
    CHECK_FALSE(is_valid_hotkey(" "));
    CHECK_FALSE(is_valid_hotkey("é"));
    CHECK(is_blank(" \t\r\n\u00A0\u202F\u3000"));
    CHECK_FALSE(is_blank(" x "));
    CHECK(quote("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
    CHECK(quote("Istanbul", 3) == "\"Ist…\"");
}

TEST_CASE("the palette cycles through ten distinct colours") {
    CHECK(palette_color(0) == "#4e79a7");
    CHECK(palette_color(10) == palette_color(0));
    for (std::size_t i = 0; i < 10; ++i)
        for (std::size_t j = i + 1; j < 10; ++j) CHECK(palette_color(i) != palette_color(j));
}
