#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "core/sentences.h"
#include "core/utf8.h"

using namespace inkspan;

namespace {

// Sentence texts joined with " || ".
std::string sentences(std::string_view text) {
    std::string out;
    for (const Sentence& s : split_sentences(text)) {
        if (!out.empty()) out += " || ";
        out += text.substr(s.range.byte_start, s.range.byte_end - s.range.byte_start);
    }
    return out;
}

}  // namespace

TEST_CASE("sentences end at . ! ? … before a capital, a digit or a quote, or at the end") {
    CHECK(sentences("Il pleut. Il vente! Et alors? 3 jours… « Oui. »") ==
          "Il pleut. || Il vente! || Et alors? || 3 jours… || « Oui. »");
    CHECK(sentences("Fin.") == "Fin.");
    CHECK(sentences("Pas de point final") == "Pas de point final");
    CHECK(sentences("Quoi ?! Non...") == "Quoi ?! || Non...");
    CHECK(sentences("  \n ") == "");
    CHECK(sentences("") == "");
}

TEST_CASE("no boundary before a lowercase word or , ; :") {
    CHECK(sentences("Il a dit… peut-être. Puis rien.") == "Il a dit… peut-être. || Puis rien.");
    CHECK(sentences("« Pourquoi ? » demanda-t-il.") == "« Pourquoi ? » demanda-t-il.");
    CHECK(sentences("pommes, poires, etc., et fruits.") == "pommes, poires, etc., et fruits.");
    CHECK(sentences("Version 3.5 sortie. Ok.") == "Version 3.5 sortie. || Ok.");
    CHECK(sentences("fin.Début") == "fin.Début");  // no whitespace
}

TEST_CASE("abbreviations and initials do not end a sentence") {
    CHECK(sentences("M. Dupont et Mme Durand sont là. Le Dr. Who aussi.") ==
          "M. Dupont et Mme Durand sont là. || Le Dr. Who aussi.");
    CHECK(sentences("J. R. R. Tolkien est né en 1892. Il est mort en 1973.") ==
          "J. R. R. Tolkien est né en 1892. || Il est mort en 1973.");
    CHECK(sentences("Voir p. ex. le chap. 3 et cf. Dupont. Fin.") == "Voir p. ex. le chap. 3 et cf. Dupont. || Fin.");
    CHECK(sentences("Né en 63 av. J.-C. à Rome.") == "Né en 63 av. J.-C. à Rome.");
    CHECK(sentences("Mr. Smith met Mrs. Jones, e.g. Paris. Then.") == "Mr. Smith met Mrs. Jones, e.g. Paris. || Then.");
}

TEST_CASE("closing quotes and brackets stay with their sentence") {
    CHECK(sentences("Il a dit « non. » Elle est partie.") == "Il a dit « non. » || Elle est partie.");
    CHECK(sentences("He said “no.” She left.") == "He said “no.” || She left.");
    CHECK(sentences("Er sagte „nein.“ Sie ging.") == "Er sagte „nein.“ || Sie ging.");
    CHECK(sentences("(Voir plus haut.) Ensuite.") == "(Voir plus haut.) || Ensuite.");
    CHECK(sentences("Fin.\" \"Début.") == "Fin.\" || \"Début.");
    CHECK(sentences("Fin. — Début.") == "Fin. || — Début.");
}

TEST_CASE("blank lines always end a sentence; single line breaks do not") {
    CHECK(sentences("Titre\n\nTexte ici. Suite.") == "Titre || Texte ici. || Suite.");
    CHECK(sentences("Titre\r\n\r\nTexte") == "Titre || Texte");
    CHECK(sentences("Titre\r\n \t\r\nTexte") == "Titre || Texte");
    CHECK(sentences("une ligne\ncoupée en deux") == "une ligne\ncoupée en deux");
    CHECK(sentences("une ligne\r\ncoupée") == "une ligne\r\ncoupée");
    CHECK(sentences("Un\u2029Deux") == "Un || Deux");
    CHECK(sentences("voir M.\n\nSuite") == "voir M. || Suite");
}

TEST_CASE("other scripts") {
    CHECK(sentences("我很好。你呢？好。") == "我很好。 || 你呢？ || 好。");
    CHECK(sentences("Привет. Как дела? хорошо.") == "Привет. || Как дела? хорошо.");
    CHECK(sentences("Γεια σου. Τι κάνεις;") == "Γεια σου. || Τι κάνεις;");
    CHECK(sentences("שלום. מה שלומך?") == "שלום. || מה שלומך?");
}

TEST_CASE("sentences of the sample article") {
    std::ifstream in(INKSPAN_SOURCE_DIR "/assets/istanbul-talks.fr.txt", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    const std::vector<Token> tokens = tokenize(text);
    const std::vector<Sentence> s = split_sentences(text, tokens);
    REQUIRE(s.size() == 15);
    auto at = [&](std::size_t i) { return text.substr(s[i].range.byte_start, s[i].range.byte_end - s[i].range.byte_start); };
    CHECK(at(0).rfind("Le ministère", 0) == 0);
    CHECK(at(0).substr(at(0).size() - 8) == "Istanbul");  // the title ends at the blank line
    CHECK(at(4).rfind("« Des mesures", 0) == 0);
    CHECK(at(4).substr(at(4).size() - 15) == "le communiqué.");
    CHECK(at(9) == "Reprise du dialogue");
    CHECK(at(14) == "S’abonner sur\u00A0Telegramm");
    // Token ranges partition the tokens; code-point ranges follow the tokens.
    std::size_t next = 0;
    for (const Sentence& x : s) {
        CHECK(x.first_token == next);
        CHECK(x.end_token > x.first_token);
        CHECK(x.range.start == tokens[x.first_token].start);
        CHECK(x.range.end == tokens[x.end_token - 1].end);
        next = x.end_token;
    }
    CHECK(next == tokens.size());
}

TEST_CASE("sentences partition the tokens of random text") {
    std::mt19937 rng(99);
    const char32_t pool[] = {U'A', U'b', U'é', U' ', U' ', U'\n', U'\r', U'.', U'.', U'!', U'?', U'…', U'«', U'»',
                             U'"', U')', U'M', U'1', U'。', U'😀', U'\u2029', U',', U'\u00A0'};
    for (int round = 0; round < 300; ++round) {
        std::string text;
        std::uniform_int_distribution<int> len(0, 80), pick(0, static_cast<int>(std::size(pool)) - 1);
        for (int i = 0, n = len(rng); i < n; ++i) append_utf8(text, pool[pick(rng)]);
        CAPTURE(text);
        const std::vector<Token> tokens = tokenize(text);
        const std::vector<Sentence> s = split_sentences(text, tokens);
        std::size_t next = 0;
        for (const Sentence& x : s) {
            REQUIRE(x.first_token == next);
            REQUIRE(x.end_token > x.first_token);
            CHECK(x.range.byte_start == tokens[x.first_token].byte_start);
            CHECK(x.range.byte_end == tokens[x.end_token - 1].byte_end);
            next = x.end_token;
        }
        CHECK(next == tokens.size());
    }
}
