#include "ui/export_dialog.h"

#include <imgui.h>

#include <algorithm>

#include "core/formats/dataset_split.h"
#include "core/formats/format.h"
#include "core/layers.h"

namespace inkspan::ui {

std::string left_out_sentence(std::size_t missing, const std::string& annotator) {
    return std::to_string(missing) + (missing == 1 ? " document" : " documents") + " without " +
           (annotator == kGoldAnnotator ? std::string("a gold layer") : "a layer by " + annotator) + " left out";
}

LayerPick ExportDialog::picked(const Corpus& corpus, std::size_t current_doc) const {
    const std::vector<std::size_t> scope =
        corpus_scope || current_doc >= corpus.documents.size() ? formats::all_documents(corpus) : std::vector<std::size_t>{current_doc};
    return pick_layer(corpus, scope, annotator);
}

// "Which annotations": shown once the corpus has annotators; a name that left the corpus falls
// back to the documents.
void ExportDialog::draw_annotations_choice(const Corpus& corpus, std::uint64_t revision) {
    if (annotators_revision_ != revision) {
        annotators_ = corpus_annotators(corpus);
        annotators_revision_ = revision;
    }
    if (!annotator.empty() && std::find(annotators_.begin(), annotators_.end(), annotator) == annotators_.end()) annotator.clear();
    if (annotators_.empty()) return;
    ImGui::Spacing();
    ImGui::TextDisabled("WHICH ANNOTATIONS");
    if (ImGui::RadioButton("The documents", annotator.empty())) annotator.clear();
    for (const std::string& name : annotators_) {
        const std::string label = (name == kGoldAnnotator ? std::string("The gold layer") : "Annotator " + name) + "##who-" + name;
        if (ImGui::RadioButton(label.c_str(), annotator == name)) annotator = name;
    }
}

ExportDialog::Request ExportDialog::draw(const Corpus& corpus, std::size_t current_doc, std::uint64_t revision,
                                         const Theme& theme) {
    Request request = Request::None;
    ImGui::SetNextWindowSize(ImVec2(460, 0));
    if (!ImGui::BeginPopup(kPopupId)) return request;
    ImGui::TextDisabled("FORMAT");
    ImGui::RadioButton("Inkspan JSON (everything, re-importable)", &format, 0);
    const auto& fmts = formats::dataset_formats();
    for (std::size_t i = 0; i < fmts.size(); ++i) {
        const std::string label = std::string(fmts[i].name) + "##fmt" + std::to_string(i);
        ImGui::RadioButton(label.c_str(), &format, static_cast<int>(i) + 1);
    }
    ImGui::Spacing();
    ImGui::TextDisabled("SCOPE");
    int scope = corpus_scope ? 1 : 0;
    ImGui::RadioButton("This document", &scope, 0);
    ImGui::SameLine();
    ImGui::RadioButton("Whole corpus", &scope, 1);
    corpus_scope = scope == 1;
    draw_annotations_choice(corpus, revision);
    const LossesKey key{format, corpus_scope, current_doc, revision, annotator};
    if (!(key == losses_key_)) {  // once per choice and corpus revision, not every frame: it is an export
        pick_ = picked(corpus, current_doc);
        losses_ = format > 0 ? formats::losses_for(formats::dataset_formats()[static_cast<std::size_t>(format - 1)].id, corpus,
                                                   pick_.documents)
                             : std::vector<std::string>{};
        losses_key_ = key;
    }
    if (pick_.missing > 0)
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.danger), "%s (%zu exported).",
                           left_out_sentence(pick_.missing, annotator).c_str(), pick_.documents.size());
    if (format > 0) {
        ImGui::Checkbox("Split into train / dev / test by document", &split);
        if (split) {
            ImGui::SetNextItemWidth(120);
            ImGui::SliderFloat("train", &split_train, 0.0f, 1.0f, "%.2f");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(120);
            ImGui::SliderFloat("dev", &split_dev, 0.0f, 1.0f - split_train, "%.2f");
            ImGui::SetNextItemWidth(120);
            ImGui::InputInt("seed", &split_seed);
            ImGui::TextDisabled("test = %.2f", 1.0f - split_train - split_dev);
        }
        // What this format cannot hold, before anything is downloaded.
        const auto& losses = losses_;
        ImGui::Spacing();
        if (losses.empty()) {
            ImGui::TextDisabled("Nothing is lost in this format.");
        } else {
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(theme.danger), "This format will lose:");
            ImGui::PushTextWrapPos(440);
            for (const auto& l : losses) ImGui::BulletText("%s", l.c_str());
            ImGui::PopTextWrapPos();
        }
    }
    ImGui::Spacing();
    if (ImGui::Button("Download", ImVec2(-1, 0))) {
        request = Request::Download;
        ImGui::CloseCurrentPopup();
    }
    if (ImGui::Button("Download the schema alone", ImVec2(-1, 0))) {
        request = Request::DownloadSchema;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    return request;
}

}  // namespace inkspan::ui
