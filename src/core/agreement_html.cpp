// The agreement report as one HTML page with its style inline and nothing fetched: a curator
// can keep it, mail it or open it offline.
#include <algorithm>
#include <cstdio>

#include "core/agreement_report.h"

namespace inkspan {

namespace {

std::string escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string fixed(std::optional<double> v) {
    if (!v) return "<span class=\"na\" title=\"undefined: no variation to measure\">—</span>";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", *v);
    return buf;
}

std::string cell(const std::string& content) { return "<td>" + content + "</td>"; }
std::string head(const std::string& content) { return "<th>" + content + "</th>"; }

constexpr const char* kStyle = R"(
body { font: 15px/1.5 system-ui, sans-serif; color: #222; margin: 2em auto; max-width: 72em; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin: .5em 0 1.5em; }
th, td { border: 1px solid #ccc; padding: .2em .6em; text-align: right; font-variant-numeric: tabular-nums; }
th { background: #f3f3f3; } th:first-child, td:first-child { text-align: left; }
.na { color: #999; } .note { color: #555; max-width: 60em; }
.heat td { min-width: 3em; }
)";

class Page {
public:
    explicit Page(const AgreementReport& r) : r_(r) {}

    std::string pair_name(const PairAgreement& p) const {
        return escape(r_.annotators[p.a]) + " – " + escape(r_.annotators[p.b]);
    }

    void spans_overall() {
        out_ += "<h2>Spans and relations</h2>\n<p class=\"note\">The first annotator of a pair is the reference: precision "
                "= pairs / spans of the second, recall = pairs / spans of the first. Exact: same start, end and label. "
                "Overlap: same label and at least one character in common, paired one to one (the largest pairing). "
                "Relations: same type, same head and tail spans.</p>\n<table>\n<tr><th>pair</th><th>documents</th>"
                "<th>exact P</th><th>exact R</th><th>exact F1</th><th>overlap P</th><th>overlap R</th><th>overlap F1</th>"
                "<th>relation P</th><th>relation R</th><th>relation F1</th></tr>\n";
        for (const PairAgreement& p : r_.pairs) {
            out_ += "<tr>" + cell(pair_name(p)) + cell(std::to_string(p.documents));
            for (const MatchCounts* c : {&p.exact.overall, &p.overlap.overall, &p.relations.overall})
                out_ += cell(fixed(precision(*c))) + cell(fixed(recall(*c))) + cell(fixed(f1(*c)));
            out_ += "</tr>\n";
        }
        out_ += "</table>\n";
    }

    void per_label_f1(const char* title, const std::vector<std::string>& names, const MatchTable PairAgreement::*table) {
        if (names.empty()) return;
        out_ += std::string("<h3>") + title + "</h3>\n<table>\n<tr><th></th>";
        for (const PairAgreement& p : r_.pairs) out_ += head(pair_name(p));
        out_ += "</tr>\n";
        for (std::size_t i = 0; i < names.size(); ++i) {
            out_ += "<tr>" + cell(escape(names[i]));
            for (const PairAgreement& p : r_.pairs) {
                const MatchCounts& c = (p.*table).per_label[i];
                out_ += "<td title=\"" + std::to_string(c.matched) + " paired of " + std::to_string(c.a) + " and " +
                        std::to_string(c.b) + "\">" + fixed(f1(c)) + "</td>";
            }
            out_ += "</tr>\n";
        }
        out_ += "</table>\n";
    }

    void tokens() {
        out_ += "<h2>Tokens</h2>\n<p class=\"note\">Each token (Inkspan's tokenizer) takes the label of the outermost span "
                "over it, or the outside tag \"O\" when no span covers it; \"O\" is counted as a category. Per label, the "
                "question is whether a span of that label covers the token. Cohen's kappa for each pair over the documents "
                "both annotated; Fleiss' kappa over the documents every annotator annotated";
        if (r_.fleiss)
            out_ += " (" + std::to_string(r_.fleiss->documents) + " documents, " + std::to_string(r_.fleiss->tokens) + " tokens)";
        out_ += "; Krippendorff's alpha (nominal) over the documents at least two annotators annotated (" +
                std::to_string(r_.alpha.documents) + " documents, " + std::to_string(r_.alpha.units) + " tokens, " +
                std::to_string(r_.alpha.values) + " tags).</p>\n<table>\n<tr><th></th>";
        for (const PairAgreement& p : r_.pairs) out_ += head("Cohen's κ " + pair_name(p));
        if (r_.fleiss) out_ += head("Fleiss' κ");
        out_ += head("Krippendorff's α") + "</tr>\n";
        for (std::size_t row = 0; row <= r_.labels.size(); ++row) {  // the overall figure first
            const bool overall = row == 0;
            const std::size_t i = row - 1;
            auto pick = [&](const ChanceCorrected& c) { return overall ? c.overall : c.per_label[i]; };
            out_ += "<tr>" + cell(overall ? "<b>all tags</b>" : escape(r_.labels[i]));
            for (const PairAgreement& p : r_.pairs) out_ += cell(fixed(pick(p.cohen_kappa)));
            if (r_.fleiss) out_ += cell(fixed(pick(r_.fleiss->kappa)));
            out_ += cell(fixed(pick(r_.alpha.alpha))) + "</tr>\n";
        }
        out_ += "</table>\n";
    }

    void confusions() {
        out_ += "<h2>Label confusion</h2>\n<p class=\"note\">Tokens by the tag each annotator gave them: rows the first "
                "annotator, columns the second.</p>\n";
        for (const PairAgreement& p : r_.pairs) {
            std::uint64_t most = 1;
            for (const auto& row : p.confusion)
                for (std::uint64_t n : row) most = std::max(most, n);
            out_ += "<h3>" + pair_name(p) + "</h3>\n<table class=\"heat\">\n<tr><th>" + escape(r_.annotators[p.a]) + " \\ " +
                    escape(r_.annotators[p.b]) + "</th>";
            for (std::size_t j = 0; j <= r_.labels.size(); ++j) out_ += head(category(j));
            out_ += "</tr>\n";
            for (std::size_t i = 0; i <= r_.labels.size(); ++i) {
                out_ += "<tr>" + head(category(i));
                for (std::size_t j = 0; j <= r_.labels.size(); ++j) {
                    const std::uint64_t n = p.confusion[i][j];
                    char shade[96];
                    std::snprintf(shade, sizeof shade, "background:rgba(%s,%.2f)", i == j ? "89,161,79" : "225,87,89",
                                  0.08 + 0.72 * static_cast<double>(n) / static_cast<double>(most));
                    out_ += n ? "<td style=\"" + std::string(shade) + "\">" + std::to_string(n) + "</td>" : "<td></td>";
                }
                out_ += "</tr>\n";
            }
            out_ += "</table>\n";
        }
    }

    std::string category(std::size_t i) const { return i < r_.labels.size() ? escape(r_.labels[i]) : kOutsideTag; }

    std::string build(const std::string& title) {
        out_ = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + escape(title) +
               "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n<p>";
        std::string names;
        for (const std::string& a : r_.annotators) names += (names.empty() ? "" : ", ") + escape(a);
        out_ += std::to_string(r_.annotators.size()) + " annotators (" + names + "), " +
                std::to_string(r_.document_ids.size()) + " documents, " + std::to_string(r_.labels.size()) + " labels, " +
                std::to_string(r_.relation_types.size()) + " relation types. “—”: undefined (no variation to measure).</p>\n";
        spans_overall();
        per_label_f1("Exact-match F1 per label", r_.labels, &PairAgreement::exact);
        per_label_f1("Overlap-match F1 per label", r_.labels, &PairAgreement::overlap);
        per_label_f1("Relation F1 per type", r_.relation_types, &PairAgreement::relations);
        tokens();
        confusions();
        out_ += "</body>\n</html>\n";
        return std::move(out_);
    }

private:
    const AgreementReport& r_;
    std::string out_;
};

}  // namespace

std::string agreement_html(const AgreementReport& report, const std::string& title) { return Page(report).build(title); }

}  // namespace inkspan
