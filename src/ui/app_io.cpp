// Bringing files in and taking them out: import (picker, drop, paste, automation), downloads,
// and the automation API's queries.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <optional>

#include "core/agreement_report.h"
#include "core/formats/dataset_split.h"
#include "core/formats/format.h"
#include "core/formats/format_util.h"
#include "core/inkspan_json.h"
#include "core/layer_export.h"
#include "core/layers.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "platform/browser.h"
#include "platform/preferences.h"
#include "platform/storage.h"
#include "ui/app.h"

namespace inkspan::ui {
namespace {

std::string timestamp_for_file() {
    std::string t = platform::now_iso8601();  // 2026-11-28T05:10:28Z → 20261128-051028
    std::string out;
    for (char c : t) if (c >= '0' && c <= '9') out += c;
    return out.size() >= 14 ? out.substr(0, 8) + "-" + out.substr(8, 6) : out;
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1u << 19)) >> 20); }

// Why files of `total` bytes (the largest `largest`) cannot be imported, decided before they are
// parsed: over the size limit, or more than the tab's memory can hold while they are read.
std::optional<std::string> cannot_read(std::size_t largest, std::size_t total) {
    if (largest > kMaxInputBytes)
        return "the file is " + std::to_string(largest >> 20) + " MB, over the import limit of " +
               std::to_string(kMaxInputBytes >> 20) + " MB";
    const std::size_t needed = total * kImportMemoryPerByte, available = platform::memory_available();
    if (needed > available)
        return "not enough memory to open it: reading it takes about " + megabytes(needed) + " MB and this tab has " +
               megabytes(available) + " MB left. Nothing was changed. Export your work and reload the page to free "
               "memory, or split the file.";
    return std::nullopt;
}

}  // namespace

std::string App::fresh_document_id(const std::set<std::string>& also_taken) const {
    return inkspan::fresh_document_id(corpus(), also_taken);
}

ImportOutcome App::import_file(const std::string& name, std::string_view bytes) {
    return import_file(name, StringByteSource(bytes));
}

ImportOutcome App::import_file(const std::string& name, const ByteSource& file) {
    sync_storage_state();
    if (session_.read_only()) {
        ImportOutcome out{false, name + ": " + EditSession::kReadOnlyMessage};
        show_message(out.message, true);
        return out;
    }
    // An inkspan file (a corpus can be 50 MB) is read from `file` a window at a time, not copied
    // first. Anything else, or a file an earlier import waits to be read with, is read whole.
    if (formats::sniff_format(name, file) == "inkspan" && !import_question_.waiting) return import_inkspan(name, file);
    if (auto why = cannot_read(file.size(), file.size())) {  // before the copy, as import_files would say it
        ImportOutcome out{false, name + ": " + *why};
        show_message(out.message, true);
        return out;
    }
    return import_files({{name, read_all(file)}});
}

ImportOutcome App::import_inkspan(const std::string& name, const ByteSource& file) {
    auto refuse = [&](const std::string& why) {
        ImportOutcome out{false, why.rfind(name, 0) == 0 ? why : name + ": " + why};
        show_message(out.message, true);
        return out;
    };
    if (auto why = cannot_read(file.size(), file.size())) return refuse(*why);
    if (import_question_.pending) {  // import_files says invalid UTF-8 before this
        if (auto bad = find_invalid_utf8(file, InkspanReadOptions{}.read_window))
            return refuse("invalid UTF-8 at byte " + std::to_string(*bad));
        return refuse("another import is waiting for your choice; answer it first");
    }
    auto parsed = parse_inkspan_json(file, InkspanReadOptions{true});  // checks UTF-8 too
    if (!parsed.ok()) return refuse(parsed.error().message);
    // Relation types we have keep our rules, widened where the file's relations need it.
    std::vector<SchemaViolation> violations = fit_to_schema(corpus().schema, parsed.value());
    return stage_import(name, std::move(parsed.value()), {}, std::move(violations));
}

ImportOutcome App::import_files(std::map<std::string, std::string> given) {
    sync_storage_state();
    const std::map<std::string, std::string>& files = given;  // until it is moved to import_checked
    std::string label;
    for (const auto& [name, bytes] : files) label += (label.empty() ? "" : ", ") + name;
    auto refuse = [&](const std::string& why) { return refuse_import(label, why); };
    if (session_.read_only()) return refuse(EditSession::kReadOnlyMessage);
    if (files.empty()) return refuse("no file");
    std::size_t largest = 0, total = 0;
    for (const auto& [name, bytes] : files) {
        largest = std::max(largest, bytes.size());
        total += bytes.size();
    }
    if (auto why = cannot_read(largest, total)) return refuse(*why);
    for (const auto& [name, bytes] : files)  // a known binary format, said before the UTF-8 check
        if (auto binary = formats::known_binary_format(name, bytes)) return refuse(binary->message);
    // An empty .ann is a document without annotations (brat writes them); other empty files are refused by name.
    if (auto empty = formats::find_empty_file(files)) return refuse(empty->message);
    auto checked = Utf8Files::check(std::move(given));  // the one UTF-8 check: the readers take them as checked
    if (!checked) return refuse(checked.error().message);
    return import_checked(label, std::move(*checked));
}

ImportOutcome App::refuse_import(const std::string& label, const std::string& why) {
    ImportOutcome out{false, why.rfind(label, 0) == 0 ? why : label + ": " + why};
    show_message(out.message, true);
    return out;
}

ImportOutcome App::import_checked(const std::string& label, Utf8Files checked) {
    const std::map<std::string, std::string>& files = checked.files();
    auto refuse = [&](const std::string& why) { return refuse_import(label, why); };
    if (import_question_.pending) return refuse("another import is waiting for your choice; answer it first");
    // The file an earlier import waits for: read them together.
    std::map<std::string, std::string> with_waiting;
    if (import_question_.waiting) {
        with_waiting = std::move(import_question_.waiting->files);
        import_question_.waiting.reset();
        for (const auto& [name, bytes] : files) with_waiting[name] = bytes;
        return import_files(std::move(with_waiting));
    }

    auto detected = files.size() > 1 ? formats::detect_files(files)
                                     : formats::detect_format(files.begin()->first, files.begin()->second);
    if (files.size() > 1 && (!detected.ok() || !detected.value())) {
        // Several plain texts picked together: a document each (a brat pair or a set of one
        // format was recognised above).
        bool all_plain = true;
        for (const auto& [name, bytes] : files) {
            const auto one = formats::detect_format(name, bytes);
            all_plain = all_plain && one.ok() && !one.value() && is_plain_text_name(name);
        }
        if (all_plain) return import_texts(label, checked);
    }
    if (!detected.ok()) return refuse(detected.error().message);
    const std::optional<std::string>& format = detected.value();
    Corpus incoming;
    std::vector<std::string> notes;
    std::vector<SchemaViolation> violations;
    std::optional<TagColumnQuestion> tag_column;
    if (format == "inkspan") {  // native files: one at a time
        ImportOutcome last;
        for (const auto& [name, bytes] : files)
            if (!(last = import_inkspan(name, StringByteSource(bytes))).ok) return last;
        return last;
    } else if (format) {
        auto imported = formats::import_utf8_files(*format, checked, corpus(), import_options());
        if (!imported.ok() && imported.error().kind == ErrorKind::NeedsFile) {
            import_question_.waiting = WaitingImport{files, *format, imported.error().message};
            platform::request_frames();
            return {true, imported.error().message + " — waiting for that file (pick or drop it, or cancel)", true};
        }
        if (!imported.ok()) return refuse(imported.error().message);
        incoming.schema = formats::merge_schema(corpus().schema, imported.value());
        incoming.documents = std::move(imported->documents);
        notes = std::move(imported->skipped);
        violations = std::move(imported->violations);
        for (const formats::TagColumnChoice& c : imported->tag_columns)
            if (!c.from_options) {  // asked once; the answer is remembered for files of that width
                tag_column = TagColumnQuestion{c, files, c.chosen};
                break;
            }
    } else {
        if (files.size() > 1 || !is_plain_text_name(files.begin()->first))
            return refuse("unknown file type (Inkspan reads .txt, inkspan .json, brat .ann+.txt, CoNLL, spaCy/Prodigy "
                          "and doccano .jsonl, Label Studio .json and W3C .jsonld)");
        return import_texts(label, checked);
    }
    return stage_import(label, std::move(incoming), std::move(notes), std::move(violations), std::move(tag_column));
}

void App::paste_as_document(const std::string& text) {
    const std::string name = "pasted-text.txt";
    const ImportOutcome out = import_file(name, text);
    if (out.ok && !out.pending) show_message("Pasted as a new document \"" + name + "\" — Ctrl+Z removes it", false);
}

void App::delete_document(const std::string& doc_id) {
    const auto index = corpus().document_index(doc_id);
    if (!index) return;
    const std::string name = corpus().documents[*index].name();
    const EditOutcome out = session_.submit(Command(cmd::RemoveDocument{doc_id}));
    if (!out.status.ok()) { show_message(out.status.error().message, true); return; }
    places_.erase(doc_id);
    if (current_doc_ > *index || current_doc_ >= corpus().documents.size())
        current_doc_ = corpus().documents.empty() ? 0 : current_doc_ - 1;
    clear_selection();
    after_edit(Batch{}, std::nullopt, out);
    show_message("Deleted \"" + name + "\" — Ctrl+Z brings it back", false);
}

bool App::is_plain_text_name(const std::string& name) {
    const std::string extension = formats::lower_extension(name);
    return extension == ".txt" || extension.empty();
}

ImportOutcome App::import_texts(const std::string& label, const Utf8Files& files) {
    Corpus incoming;
    incoming.schema = corpus().schema;
    std::set<std::string> taken;  // fresh_document_id looks at the corpus only
    for (const auto& [name, bytes] : files.files()) {
        const std::string id = fresh_document_id(taken);
        taken.insert(id);
        auto doc = Document::create(id, name, files.text(name));
        if (!doc.ok()) {
            ImportOutcome out{false, name + ": " + doc.error().message};
            show_message(out.message, true);
            return out;
        }
        doc->set_created(platform::now_iso8601());
        doc->set_modified(doc->created());
        doc->set_annotator(user_name_);  // a text the user brings is theirs to annotate
        incoming.documents.push_back(std::move(doc.value()));
    }
    return stage_import(label, std::move(incoming), {});
}

formats::ImportOptions App::import_options() {
    formats::ImportOptions options;
    const std::string kept = platform::preference("conll.tag_columns").value_or("");  // "4:2,5:3"
    std::size_t at = 0;
    while (at < kept.size()) {
        const std::size_t comma = std::min(kept.find(',', at), kept.size());
        const std::string item = kept.substr(at, comma - at);
        const std::size_t colon = item.find(':');
        char* end = nullptr;
        if (colon != std::string::npos) {
            const unsigned long columns = std::strtoul(item.c_str(), &end, 10);
            const unsigned long column = std::strtoul(item.c_str() + colon + 1, &end, 10);
            if (columns > 0 && column < columns && columns < 1000) options.conll_tag_column[columns] = column;
        }
        at = comma + 1;
    }
    return options;
}

void App::remember_tag_column(std::size_t columns, std::size_t column) {
    formats::ImportOptions options = import_options();
    options.conll_tag_column[columns] = column;
    std::string kept;
    for (const auto& [n, c] : options.conll_tag_column)
        kept += (kept.empty() ? "" : ",") + std::to_string(n) + ":" + std::to_string(c);
    platform::set_preference("conll.tag_columns", kept);
}

ImportOutcome App::stage_import(const std::string& file_name, Corpus incoming, std::vector<std::string> notes,
                                std::vector<SchemaViolation> violations, std::optional<TagColumnQuestion> tag_column) {
    if (corpus().documents.size() + incoming.documents.size() > kMaxDocuments) {
        ImportOutcome out{false, file_name + ": the corpus would exceed " + std::to_string(kMaxDocuments) + " documents"};
        show_message(out.message, true);
        return out;
    }
    // Documents whose text is already in the corpus need a decision: replace, keep both or merge.
    PendingImport p;
    static_cast<ImportPlan&>(p) = plan_import(corpus(), file_name, std::move(incoming), std::move(notes), std::move(violations));
    p.tag_column = std::move(tag_column);
    import_question_.pending = std::move(p);
    const PendingImport& q = *import_question_.pending;
    if (q.needs_no_answer() && !q.tag_column) {
        const bool imported = finish_import(ImportChoice::KeepBoth);  // nothing to decide: add everything
        return {imported, message_};
    }
    platform::request_frames();
    std::string ask = file_name + ": ";
    if (q.tag_column) {
        ask += std::to_string(q.tag_column->choice.candidates.size()) + " columns hold only tags (";
        for (std::size_t k = 0; k < q.tag_column->choice.candidates.size(); ++k)
            ask += (k ? ", " : "") + std::to_string(q.tag_column->choice.candidates[k] + 1);
        ask += "); choose the one with the labels; ";
    }
    if (!q.clashes.empty()) ask += formats::counted(q.clashes.size(), "document", "documents") + " already in the corpus; choose replace, keep both or merge";
    if (!q.new_types.empty())
        ask += std::string(q.clashes.empty() ? "" : "; ") + "it brings " + formats::counted(q.new_types.size(), "type", "types") +
               " the schema lacks (" + join_names(q.new_types) + "); add them and import, or cancel";
    if (!q.violations.empty())
        ask += std::string(q.clashes.empty() && q.new_types.empty() ? "" : "; ") + formats::counted(q.violations.size(), "annotation breaks", "annotations break") +
               " the rules (first: " + q.violations[0].doc +
               " " + q.violations[0].annotation + ": " + q.violations[0].what + "); widen the schema and import, or cancel";
    return {true, ask, true};  // a question waits
}

bool App::finish_import(ImportChoice choice) {
    if (!import_question_.pending) return false;
    PendingImport p = std::move(*import_question_.pending);
    import_question_.pending.reset();
    if (choice == ImportChoice::Cancel) { show_message(p.file_name + ": import cancelled", false); return false; }
    if (p.tag_column) {
        remember_tag_column(p.tag_column->choice.columns, p.tag_column->pick);
        if (p.tag_column->pick != p.tag_column->choice.chosen) return import_files(std::move(p.tag_column->files)).ok;  // read again
    }
    const ClashChoice clash_choice = choice == ImportChoice::Replace ? ClashChoice::Replace
                                   : choice == ImportChoice::Merge ? ClashChoice::Merge
                                   : choice == ImportChoice::AddLayer ? ClashChoice::AddLayer : ClashChoice::KeepBoth;
    ImportBatch batch = import_batch(corpus(), p, clash_choice);
    if (batch.group.empty()) { show_message(p.file_name + ": nothing new to import", false); return false; }
    const EditOutcome out = session_.submit(Batch{std::move(batch.group), BatchOptions{"import " + p.file_name, false}});
    if (!out.status.ok()) { show_message(p.file_name + ": " + out.status.error().message, true); return false; }
    after_edit(Batch{}, std::nullopt, out);
    import_review_ = {p.file_name, stored_violations(corpus(), p, batch)};
    show_message(import_summary(p, batch), false);
    if (!batch.layer_names.empty() && !batch.added_docs) {  // show the first new layer
        for (const auto& [import_id, id] : batch.stored_doc_id)
            if (const Document* d = corpus().find_document(id); d && d->is_layer()) {
                open_document(*corpus().document_index(id));
                break;
            }
    } else if (batch.added_docs && choice != ImportChoice::Merge) {
        open_document(corpus().documents.size() - 1);
    }
    return true;
}

void App::download_current() {
    const Document* doc = current_document();
    if (!doc) return;
    const std::string name = formats::file_stem(*doc) + "-" + timestamp_for_file() + ".inkspan.json";
    platform::download_file(name, write_inkspan_json(corpus().schema, *doc), "application/json");
    show_message("Downloaded " + name, false);
}

void App::download_corpus() {
    const std::string name = "inkspan-corpus-" + timestamp_for_file() + ".inkspan.json";
    platform::download_file(name, write_inkspan_json(corpus()), "application/json");
    show_message("Downloaded " + name, false);
}

std::map<std::string, std::string> App::export_as(const std::string& format, const std::string& doc_id,
                                                  const std::string& annotator) const {
    std::map<std::string, std::string> files;
    std::vector<std::size_t> scope;
    if (doc_id.empty()) scope = formats::all_documents(corpus());
    else if (auto i = corpus().document_index(doc_id)) scope.push_back(*i);
    else return files;
    if (format == "inkspan" && annotator.empty()) {
        if (doc_id.empty()) files["inkspan-corpus.inkspan.json"] = write_inkspan_json(corpus());
        else files[formats::file_stem(corpus().documents[scope[0]]) + ".inkspan.json"] =
                 write_inkspan_json(corpus().schema, corpus().documents[scope[0]]);
        return files;
    }
    const LayerPick pick = pick_layer(corpus(), scope, annotator);
    if (pick.documents.empty()) return files;
    if (format == "inkspan") {
        const std::string stem = pick.documents.size() == 1 ? formats::file_stem(corpus().documents[pick.documents[0]]) : "inkspan-corpus";
        files[stem + ".inkspan.json"] = write_inkspan_json(picked_corpus(corpus(), pick));
        return files;
    }
    auto exported = formats::export_corpus(format, corpus(), pick.documents);
    if (exported.ok()) files = std::move(exported->files);
    return files;
}

void App::download_export() {
    const Document* doc = current_document();
    const bool corpus_scope = export_.corpus_scope || !doc;
    const std::string stem = (corpus_scope ? std::string("inkspan-corpus") : formats::file_stem(*doc)) + "-" + timestamp_for_file();
    const LayerPick pick = export_.picked(corpus(), corpus_scope ? corpus().documents.size() : current_doc_);
    if (export_.format == 0 && export_.annotator.empty()) {
        if (corpus_scope) download_corpus();
        else download_current();
        return;
    }
    if (pick.documents.empty()) {
        show_message("Nothing to export: no document has a layer by " + export_.annotator, true);
        return;
    }
    const std::string left_out = pick.missing == 0 ? std::string() : " (" + left_out_sentence(pick.missing, export_.annotator) + ")";
    const std::string who = export_.annotator.empty() ? std::string() : "-" + formats::sanitize_file_stem(export_.annotator);
    if (export_.format == 0) {
        const std::string file = stem + who + ".inkspan.json";
        platform::download_file(file, write_inkspan_json(picked_corpus(corpus(), pick)), "application/json");
        show_message("Downloaded " + file + left_out, false);
        return;
    }
    const auto& info = formats::dataset_formats()[static_cast<std::size_t>(export_.format - 1)];
    const std::vector<std::size_t>& docs = pick.documents;
    Result<formats::ExportedFiles> out = export_.split
        ? formats::export_split(info.id, corpus(), docs, formats::SplitRatios{export_.split_train, export_.split_dev, 1.0 - export_.split_train - export_.split_dev},
                                static_cast<std::uint64_t>(export_.split_seed))
        : formats::export_corpus(info.id, corpus(), docs);
    if (!out.ok()) { show_message(out.error().message, true); return; }
    if (out->files.size() == 1) {
        const auto& [name, text] = *out->files.begin();
        const auto dot = name.rfind('.');
        const std::string file = stem + who + (dot == std::string::npos ? std::string(".txt") : name.substr(dot));
        platform::download_file(file, text, "application/octet-stream");
        show_message("Downloaded " + file + left_out, false);
    } else {
        const std::string file = stem + who + "-" + std::string(info.id) + ".zip";
        platform::download_zip(file, out->files);
        show_message("Downloaded " + file + " (" + std::to_string(out->files.size()) + " files)" + left_out, false);
    }
}

void App::download_schema() {
    Corpus schema_only;
    schema_only.schema = corpus().schema;
    const std::string name = "inkspan-schema-" + timestamp_for_file() + ".inkspan.json";
    platform::download_file(name, write_inkspan_json(schema_only), "application/json");
    show_message("Downloaded " + name, false);
}

void App::download_agreement(AgreementPanel::Request format) {
    const AgreementReport* report = agreement_.report();
    if (format == AgreementPanel::Request::None || !report) return;
    const bool html = format == AgreementPanel::Request::DownloadHtml;
    const std::string name = "inkspan-agreement-" + timestamp_for_file() + (html ? ".html" : ".csv");
    if (html) platform::download_file(name, agreement_html(*report, "Agreement"), "text/html");
    else platform::download_file(name, agreement_csv(*report), "text/csv");
    show_message("Downloaded " + name, false);
}

std::optional<ImVec4> App::locate(const std::string& doc_id, std::size_t cp) {
    const auto index = corpus().document_index(doc_id);
    if (!index || cp > corpus().documents[*index].length()) return std::nullopt;
    if (*index != current_doc_) {
        open_document(*index);
        platform::run_frame_now();  // builds the layout of the newly opened document
    }
    auto box = view_.scroll_to(cp, false);
    platform::request_frames();
    return box;
}

}  // namespace inkspan::ui
