#include "ui/export_dialog.h"

#include <imgui.h>

#include "core/formats/dataset_split.h"
#include "core/formats/format.h"

namespace inkspan::ui {

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
        const auto& info = fmts[static_cast<std::size_t>(format - 1)];
        // Computed once per (format, scope, corpus revision), not every frame: it is an export.
        const LossesKey key{format, corpus_scope, current_doc, revision};
        if (!(key == losses_key_)) {
            const std::vector<std::size_t> docs =
                corpus_scope ? formats::all_documents(corpus) : std::vector<std::size_t>{current_doc};
            losses_ = formats::losses_for(info.id, corpus, docs);
            losses_key_ = key;
        }
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
