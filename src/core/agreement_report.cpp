#include "core/agreement_report.h"

#include <nlohmann/json.hpp>

namespace inkspan {

namespace {

using Json = nlohmann::ordered_json;

Json figure(std::optional<double> v) { return v ? Json(*v) : Json(nullptr); }

Json counts_json(const MatchCounts& c) {
    return Json{{"a", c.a}, {"b", c.b}, {"matched", c.matched},
                {"precision", figure(precision(c))}, {"recall", figure(recall(c))}, {"f1", figure(f1(c))}};
}

Json table_json(const MatchTable& t, const std::vector<std::string>& names, const char* key) {
    Json per = Json::object();
    for (std::size_t i = 0; i < names.size(); ++i) per[names[i]] = counts_json(t.per_label[i]);
    return Json{{"overall", counts_json(t.overall)}, {key, std::move(per)}};
}

Json chance_json(const ChanceCorrected& c, const std::vector<std::string>& labels) {
    Json per = Json::object();
    for (std::size_t i = 0; i < labels.size(); ++i) per[labels[i]] = figure(c.per_label[i]);
    return Json{{"overall", figure(c.overall)}, {"labels", std::move(per)}};
}

// The shortest text that reads back as the same double, as in the JSON (Emscripten 3.1.6's
// libc++ has no floating-point std::to_chars).
std::string number(double v) { return Json(v).dump(); }

std::string csv_field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

class CsvWriter {
public:
    CsvWriter() : out_("measure,annotator_a,annotator_b,label,label_b,value\n") {}
    void row(std::string_view measure, std::string_view a, std::string_view b, std::string_view label,
             std::string_view label_b, const std::string& value) {
        out_ += csv_field(measure) + ',' + csv_field(a) + ',' + csv_field(b) + ',' + csv_field(label) + ',' +
                csv_field(label_b) + ',' + value + '\n';
    }
    void row(std::string_view measure, std::string_view a, std::string_view b, std::string_view label, std::optional<double> v) {
        row(measure, a, b, label, "", v ? number(*v) : "");
    }
    void count(std::string_view measure, std::string_view a, std::string_view b, std::string_view label, std::uint64_t n) {
        row(measure, a, b, label, "", std::to_string(n));
    }
    void counts(const std::string& prefix, std::string_view a, std::string_view b, std::string_view label, const MatchCounts& c) {
        count(prefix + "_a", a, b, label, c.a);
        count(prefix + "_b", a, b, label, c.b);
        count(prefix + "_matched", a, b, label, c.matched);
        row(prefix + "_precision", a, b, label, precision(c));
        row(prefix + "_recall", a, b, label, recall(c));
        row(prefix + "_f1", a, b, label, f1(c));
    }
    void table(const std::string& prefix, std::string_view a, std::string_view b, const MatchTable& t,
               const std::vector<std::string>& names) {
        counts(prefix, a, b, "", t.overall);
        for (std::size_t i = 0; i < names.size(); ++i) counts(prefix, a, b, names[i], t.per_label[i]);
    }
    void chance(std::string_view measure, std::string_view a, std::string_view b, const ChanceCorrected& c,
                const std::vector<std::string>& labels) {
        row(measure, a, b, "", c.overall);
        for (std::size_t i = 0; i < labels.size(); ++i) row(measure, a, b, labels[i], c.per_label[i]);
    }
    [[nodiscard]] std::string take() { return std::move(out_); }

private:
    std::string out_;
};

}  // namespace

std::string agreement_json(const AgreementReport& r) {
    Json pairs = Json::array();
    std::vector<std::string> categories = r.labels;
    categories.emplace_back(kOutsideTag);
    for (const PairAgreement& p : r.pairs) {
        pairs.push_back(Json{
            {"a", r.annotators[p.a]},
            {"b", r.annotators[p.b]},
            {"documents", p.documents},
            {"tokens", p.tokens},
            {"spans", Json{{"exact", table_json(p.exact, r.labels, "labels")}, {"overlap", table_json(p.overlap, r.labels, "labels")}}},
            {"relations", table_json(p.relations, r.relation_types, "types")},
            {"cohen_kappa", chance_json(p.cohen_kappa, r.labels)},
            {"confusion", Json{{"categories", categories}, {"counts", p.confusion}}},
        });
    }
    Json fleiss = nullptr;
    if (r.fleiss) {
        fleiss = Json{{"documents", r.fleiss->documents}, {"tokens", r.fleiss->tokens}};
        fleiss.update(chance_json(r.fleiss->kappa, r.labels));
    }
    Json alpha{{"documents", r.alpha.documents}, {"units", r.alpha.units}, {"values", r.alpha.values}};
    alpha.update(chance_json(r.alpha.alpha, r.labels));
    const Json out{
        {"annotators", r.annotators},
        {"documents", r.document_ids},
        {"labels", r.labels},
        {"relation_types", r.relation_types},
        {"unit", "token"},
        {"outside_tag", kOutsideTag},
        {"outside_counted", true},
        {"pairs", std::move(pairs)},
        {"fleiss_kappa", std::move(fleiss)},
        {"krippendorff_alpha", std::move(alpha)},
    };
    return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string agreement_csv(const AgreementReport& r) {
    CsvWriter csv;
    for (const PairAgreement& p : r.pairs) {
        const std::string& a = r.annotators[p.a];
        const std::string& b = r.annotators[p.b];
        csv.count("documents", a, b, "", p.documents);
        csv.count("tokens", a, b, "", p.tokens);
        csv.table("span_exact", a, b, p.exact, r.labels);
        csv.table("span_overlap", a, b, p.overlap, r.labels);
        csv.table("relation", a, b, p.relations, r.relation_types);
        csv.chance("cohen_kappa", a, b, p.cohen_kappa, r.labels);
        for (std::size_t i = 0; i <= r.labels.size(); ++i)
            for (std::size_t j = 0; j <= r.labels.size(); ++j)
                csv.row("confusion", a, b, i < r.labels.size() ? r.labels[i] : kOutsideTag,
                        j < r.labels.size() ? r.labels[j] : kOutsideTag, std::to_string(p.confusion[i][j]));
    }
    if (r.fleiss) {
        csv.count("fleiss_documents", "", "", "", r.fleiss->documents);
        csv.count("fleiss_tokens", "", "", "", r.fleiss->tokens);
        csv.chance("fleiss_kappa", "", "", r.fleiss->kappa, r.labels);
    }
    csv.count("alpha_documents", "", "", "", r.alpha.documents);
    csv.count("alpha_units", "", "", "", r.alpha.units);
    csv.count("alpha_values", "", "", "", r.alpha.values);
    csv.chance("krippendorff_alpha", "", "", r.alpha.alpha, r.labels);
    return csv.take();
}

}  // namespace inkspan
