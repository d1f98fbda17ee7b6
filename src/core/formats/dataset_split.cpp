#include "core/formats/dataset_split.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "core/formats/format_util.h"

namespace inkspan::formats {

namespace {

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

}  // namespace

std::string_view split_part_name(SplitPart part) {
    switch (part) {
        case SplitPart::Train: return "train";
        case SplitPart::Dev: return "dev";
        case SplitPart::Test: return "test";
    }
    return "train";
}

bool valid_ratios(const SplitRatios& r) {
    for (double v : {r.train, r.dev, r.test})
        if (!(v >= 0) || !std::isfinite(v)) return false;
    return r.train + r.dev + r.test > 0;
}

std::vector<SplitPart> split_documents(std::size_t n_docs, const SplitRatios& ratios, std::uint64_t seed) {
    std::vector<SplitPart> parts(n_docs, SplitPart::Train);
    if (!valid_ratios(ratios) || n_docs == 0) return parts;
    const std::array<double, 3> w = {ratios.train, ratios.dev, ratios.test};
    const double sum = w[0] + w[1] + w[2];
    std::array<std::size_t, 3> count{};
    std::array<double, 3> remainder{};
    std::size_t given = 0;
    for (std::size_t k = 0; k < 3; ++k) {
        const double exact = static_cast<double>(n_docs) * w[k] / sum;
        count[k] = static_cast<std::size_t>(std::floor(exact));
        remainder[k] = exact - std::floor(exact);
        given += count[k];
    }
    while (given < n_docs) {  // at most 2 rounds
        std::size_t best = 0;
        for (std::size_t k = 1; k < 3; ++k)
            if (remainder[k] > remainder[best]) best = k;
        ++count[best];
        remainder[best] = -1;
        ++given;
    }
    std::vector<std::size_t> order(n_docs);
    for (std::size_t i = 0; i < n_docs; ++i) order[i] = i;
    std::uint64_t state = seed;
    for (std::size_t i = n_docs; i > 1; --i) std::swap(order[i - 1], order[splitmix64(state) % i]);
    for (std::size_t i = 0; i < n_docs; ++i)
        parts[order[i]] = i < count[0] ? SplitPart::Train : i < count[0] + count[1] ? SplitPart::Dev : SplitPart::Test;
    return parts;
}

Result<ExportedFiles> export_split(std::string_view format_id, const Corpus& corpus,
                                   const std::vector<std::size_t>& doc_indexes, const SplitRatios& ratios,
                                   std::uint64_t seed) {
    if (!valid_ratios(ratios))
        return make_error(ErrorKind::Invalid, "split ratios must be non-negative numbers, not all zero");
    const std::vector<SplitPart> parts = split_documents(doc_indexes.size(), ratios, seed);
    ExportedFiles out;
    for (SplitPart part : {SplitPart::Train, SplitPart::Dev, SplitPart::Test}) {
        std::vector<std::size_t> docs;
        for (std::size_t i = 0; i < doc_indexes.size(); ++i)
            if (parts[i] == part) docs.push_back(doc_indexes[i]);
        if (docs.empty()) continue;
        std::sort(docs.begin(), docs.end());
        auto exported = export_corpus(format_id, corpus, docs);
        if (!exported) return exported.error();
        const std::string name(split_part_name(part));
        if (exported->files.size() == 1 && format_id != "brat") {
            out.files[name + lower_extension(exported->files.begin()->first)] = std::move(exported->files.begin()->second);
        } else {
            for (auto& [file, content] : exported->files) out.files[name + "/" + file] = std::move(content);
        }
        for (const std::string& loss : exported->losses) out.losses.push_back(name + ": " + loss);
    }
    return out;
}

}  // namespace inkspan::formats
