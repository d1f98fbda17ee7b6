#pragma once
// The Export popup: format, scope (this document or the corpus), which annotations (the documents,
// the gold layer or an annotator's layer), a train/dev/test split, and what the chosen format
// loses, before anything is downloaded. Owns its choices; the caller downloads.
#include <cstdint>
#include <string>
#include <vector>

#include "core/corpus.h"
#include "core/layer_export.h"
#include "ui/theme.h"

namespace inkspan::ui {

// "2 documents without a gold layer left out", "1 document without a layer by bob left out".
[[nodiscard]] std::string left_out_sentence(std::size_t missing, const std::string& annotator);

struct ExportDialog {
    static constexpr const char* kPopupId = "export";  // ImGui::OpenPopup(kPopupId) shows it

    int format = 0;  // 0 = inkspan, then formats::dataset_formats()
    bool corpus_scope = false;
    bool split = false;
    float split_train = 0.8f, split_dev = 0.1f;
    int split_seed = 42;
    // Which annotations: "" = the documents, else that annotator's layer (kGoldAnnotator: the gold layer).
    std::string annotator;

    // The documents the chosen scope and annotations give (`current_doc`: the open document's index).
    [[nodiscard]] LayerPick picked(const Corpus& corpus, std::size_t current_doc) const;

    enum class Request { None, Download, DownloadSchema };
    // `current_doc`: the open document's index; `revision` tells when the corpus changed.
    [[nodiscard]] Request draw(const Corpus& corpus, std::size_t current_doc, std::uint64_t revision, const Theme& theme);

private:
    void draw_annotations_choice(const Corpus& corpus, std::uint64_t revision);

    struct LossesKey {
        int format = -1;
        bool corpus = false;
        std::size_t doc = 0;
        std::uint64_t revision = 0;
        std::string annotator;
        bool operator==(const LossesKey&) const = default;
    };
    LossesKey losses_key_;
    std::vector<std::string> losses_;  // what the chosen format loses (computed once per key)
    LayerPick pick_;                   // the documents for that key
    std::uint64_t annotators_revision_ = ~std::uint64_t{0};
    std::vector<std::string> annotators_;  // corpus_annotators, once per corpus revision
};

}  // namespace inkspan::ui
