#include "core/import_rehearsal.h"

#include <array>
#include <string_view>
#include <utility>

#include "core/byte_source.h"
#include "core/edit_session.h"
#include "core/formats/format.h"
#include "core/import_plan.h"
#include "core/inkspan_json.h"
#include "core/schema_fit.h"
#include "core/utf8_text.h"

namespace inkspan {
namespace {

constexpr std::string_view kInkspan = "inkspan";

constexpr std::array<std::string_view, 8> kPeople = {"Élise", "Noémie", "Loïc", "Hélène", "Jérôme", "Zoé", "Cédric", "Anaïs"};
constexpr std::array<std::string_view, 5> kOrganisations = {"Unesco", "Interpol", "Médecins", "Airbus", "Ifremer"};
constexpr std::array<std::string_view, 6> kPlaces = {"Genève", "Montréal", "Besançon", "Orléans", "Liège", "Québec"};

// Appends `word` to `text` as a span of `label`; `cp` counts the text's code points so far.
void add_word(std::string& text, std::size_t& cp, std::string_view word, std::string_view label,
              std::vector<Span>& spans) {
    std::size_t length = 0;
    for (char c : word) length += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    std::string id = "T";  // (not "T" + to_string: GCC 12 warns falsely about that)
    id += std::to_string(spans.size() + 1);
    spans.push_back({std::move(id), cp, cp + length, std::string(label), "", {}, {}});
    text += word;
    cp += length;
}

void add_plain(std::string& text, std::size_t& cp, std::string_view plain) {
    for (char c : plain) cp += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    text += plain;
}

}  // namespace

Corpus ImportRehearsal::sample_corpus(std::size_t sentences) {
    std::string text;
    std::size_t cp = 0;
    std::vector<Span> spans;
    std::vector<Relation> relations;
    auto relate = [&](std::string type, std::size_t head, std::size_t tail) {
        std::string id = "R";
        id += std::to_string(relations.size() + 1);
        relations.push_back({std::move(id), std::move(type), spans[head].id, spans[tail].id, {}});
    };
    for (std::size_t i = 0; i < sentences; ++i) {
        const std::size_t first = spans.size();
        add_plain(text, cp, "Le ");
        add_plain(text, cp, std::to_string(i % 28 + 1));
        add_plain(text, cp, " mars, ");
        add_word(text, cp, kPeople[i % kPeople.size()], "PER", spans);
        add_plain(text, cp, " a rencontré ");
        add_word(text, cp, kPeople[(i + 3) % kPeople.size()], "PER", spans);
        add_plain(text, cp, " à ");
        add_word(text, cp, kPlaces[i % kPlaces.size()], "LOC", spans);
        add_plain(text, cp, " pour parler de l’accord avec ");
        add_word(text, cp, kOrganisations[i % kOrganisations.size()], "ORG", spans);
        add_plain(text, cp, " « dès que possible ».\n");
        relate("meets", first, first + 1);
        relate("located_in", first + 3, first + 2);
    }
    Corpus corpus;
    corpus.schema = default_news_schema();
    auto doc = Document::create("rehearsal", "rehearsal.txt", std::move(text));
    if (!doc.ok()) return corpus;  // cannot happen: the text is valid UTF-8 within the limits
    doc->insert_spans(std::move(spans));
    doc->insert_relations(std::move(relations));
    corpus.documents.push_back(std::move(doc.value()));
    return corpus;
}

ImportRehearsal::ImportRehearsal(Corpus sample, int rounds) : sample_(std::move(sample)) {
    std::vector<std::string> formats = {std::string(kInkspan)};
    for (const formats::FormatInfo& f : formats::dataset_formats()) formats.emplace_back(f.id);
    for (const std::string& f : formats) plan_.push_back({f, Kind::Write});
    for (int round = 0; round < rounds; ++round)
        for (const std::string& f : formats) {
            plan_.push_back({f, Kind::Read});
            plan_.push_back({f, Kind::Add});
        }
}

std::optional<std::string> ImportRehearsal::step() {
    if (done()) return std::nullopt;
    const Step& s = plan_[next_++];
    switch (s.kind) {
        case Kind::Write: write(s.format); break;
        case Kind::Read: read(s.format); break;
        case Kind::Add: add(s.format); break;
    }
    return s.format;
}

void ImportRehearsal::write(const std::string& format) {
    if (format == kInkspan) {
        files_[format] = {{"rehearsal.inkspan.json", write_inkspan_json(sample_)}};
        return;
    }
    auto exported = formats::export_corpus(format, sample_, formats::all_documents(sample_));
    if (!exported.ok()) failures_.push_back(format + ": " + exported.error().message);
    else files_[format] = std::move(exported->files);
}

// What the app does with dropped files, short of adding them to its corpus (ui/app_io.cpp).
void ImportRehearsal::read(const std::string& format) {
    read_.reset();
    auto found = files_.find(format);
    if (found == files_.end()) return;  // its write failed (already reported)
    const auto& files = found->second;
    ++reads_;
    Corpus current;
    current.schema = sample_.schema;
    auto fail = [&](const std::string& message) { failures_.push_back(format + ": " + message); };
    if (format == kInkspan) {
        const StringByteSource file(files.begin()->second);
        if (formats::sniff_format(files.begin()->first, file) != format) return fail("not recognised");
        auto parsed = parse_inkspan_json(file, InkspanReadOptions{true});
        if (!parsed.ok()) return fail(parsed.error().message);
        (void)fit_to_schema(current.schema, parsed.value());
        read_ = std::move(parsed.value());
        return;
    }
    if (auto empty = formats::find_empty_file(files)) return fail(empty->message);
    auto detected = formats::detect_files(files);
    if (!detected.ok()) return fail(detected.error().message);
    if (detected.value() != format) return fail("read as " + detected.value().value_or("plain text"));
    auto checked = Utf8Files::check(files);  // the app's one UTF-8 check
    if (!checked.ok()) return fail(checked.error().message);
    auto imported = formats::import_utf8_files(format, checked.value(), current);
    if (!imported.ok()) return fail(imported.error().message);
    Corpus incoming;
    incoming.schema = formats::merge_schema(current.schema, imported.value());
    incoming.documents = std::move(imported->documents);
    read_ = std::move(incoming);
}

// What the app does once a file is read: its documents added to the corpus as one undoable
// batch (ui/app_io.cpp, finish_import), here to a corpus of its own, then undone.
void ImportRehearsal::add(const std::string& format) {
    if (!read_) return;  // the read failed (already reported)
    Corpus incoming = std::move(*read_);
    read_.reset();
    EditSession session(Corpus{incoming.schema, {}});
    ImportPlan plan = plan_import(session.corpus(), format, std::move(incoming), {}, {});
    if (!plan.needs_no_answer()) return (void)failures_.push_back(format + ": the import would ask a question");
    ImportBatch batch = import_batch(session.corpus(), plan, ClashChoice::KeepBoth);
    const EditOutcome added = session.submit(Batch{std::move(batch.group), BatchOptions{"import rehearsal", false}});
    if (!added.status.ok()) return failures_.push_back(format + ": " + added.status.error().message);
    // What the app does next, run for V8's sake only (the results are the app's to show).
    (void)stored_violations(session.corpus(), plan, batch);
    (void)import_summary(plan, batch);
    for (const Document& doc : session.corpus().documents) added_spans_ += doc.span_count();
    const EditOutcome undone = session.submit(Undo{});
    if (!undone.status.ok()) failures_.push_back(format + ": undo: " + undone.status.error().message);
}

}  // namespace inkspan
