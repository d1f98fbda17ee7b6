#include "core/import_plan.h"

#include <algorithm>
#include <string_view>

#include "core/formats/format_util.h"
#include "core/layers.h"

namespace inkspan {
namespace {

// Whether this file's copies already give `who` a layer of `text` (a second copy is a question).
bool taken_in_file(const std::map<std::size_t, std::string>& layers, const Corpus& incoming, std::string_view text,
                   const std::string& who) {
    for (const auto& [i, name] : layers)
        if (name == who && incoming.documents[i].text() == text) return true;
    return false;
}

}  // namespace

bool ImportPlan::needs_no_answer() const {
    return clashes.empty() && new_types.empty() && widened.empty() && violations.empty();
}

ImportPlan plan_import(const Corpus& here_corpus, std::string file_name, Corpus incoming, std::vector<std::string> notes,
                       std::vector<SchemaViolation> violations) {
    ImportPlan p;
    p.file_name = std::move(file_name);
    p.incoming = std::move(incoming);
    p.notes = std::move(notes);
    p.violations = std::move(violations);
    for (const EntityType& t : p.incoming.schema.entities)
        if (!here_corpus.schema.find_entity(t.name)) p.new_types.push_back(t.name);
    for (const RelationType& r : p.incoming.schema.relations) {
        const RelationType* ours = here_corpus.schema.find_relation(r.name);
        if (!ours) p.new_types.push_back(r.name);
        else if (!(*ours == r)) p.widened.push_back(r.name);
    }
    const DocumentsByText here(here_corpus);
    std::map<std::string_view, std::vector<std::string>> new_texts;  // text → annotators of this file's copies
    for (std::size_t i = 0; i < p.incoming.documents.size(); ++i) {
        const Document& in = p.incoming.documents[i];
        const std::string& who = in.annotator();
        if (const Document* same = here.find(in.text())) {
            // Another annotator's copy of a text here becomes their layer; the same annotator's, a question.
            if (!who.empty() && !find_layer(here_corpus, same->id(), who) && !taken_in_file(p.layers, p.incoming, in.text(), who))
                p.layers[i] = who;
            else
                p.clashes.push_back(i);
            continue;
        }
        if (auto seen = new_texts.find(in.text()); seen != new_texts.end()) {  // a text this file brings twice
            auto& names = seen->second;
            if (!who.empty() && std::find(names.begin(), names.end(), who) == names.end()) {
                p.layers[i] = who;
                names.push_back(who);
                continue;
            }
        } else {
            new_texts[in.text()].push_back(who);
        }
        for (const Document& d : here_corpus.documents)
            if (d.name() == in.name() || d.id() == in.id()) {
                p.notes.push_back("\"" + in.name() + "\" differs from the stored \"" + d.name() +
                                  "\" in its text, so its annotations cannot be merged by offsets: added as a separate document");
                break;
            }
    }
    return p;
}

ImportBatch import_batch(const Corpus& corpus, ImportPlan& p, ClashChoice choice) {
    ImportBatch b;
    std::vector<Command>& group = b.group;
    // New labels and relation types the file brings.
    for (const EntityType& t : p.incoming.schema.entities)
        if (!corpus.schema.find_entity(t.name)) {
            EntityType copy = t;
            if (!copy.hotkey.empty() && corpus.schema.find_entity_by_hotkey(copy.hotkey)) copy.hotkey.clear();
            group.push_back(cmd::AddEntityType{copy});
            b.added_types.push_back(t.name);
        }
    for (const RelationType& r : p.incoming.schema.relations)
        if (!corpus.schema.find_relation(r.name)) { group.push_back(cmd::AddRelationType{r}); b.added_types.push_back(r.name); }
    for (const std::string& name : p.widened)  // after the entity types its lists may name
        if (const RelationType* r = p.incoming.schema.find_relation(name)) {
            group.push_back(cmd::SetRelationRule{r->name, r->head, r->tail, r->directed});
            b.added_types.push_back(name + " (widened)");
        }
    const DocumentsByText here(corpus);
    std::map<std::string, LayerBase, std::less<>> added_by_text;  // texts this import adds, for its own layers
    std::set<std::string> taken;                                  // ids this import gives out
    for (std::size_t i = 0; i < p.incoming.documents.size(); ++i) {
        Document doc = std::move(p.incoming.documents[i]);
        const std::string import_id = doc.id();
        const bool clash = std::find(p.clashes.begin(), p.clashes.end(), i) != p.clashes.end();
        const Document* same_text = here.find(doc.text());  // (one hash of the whole text, not two)
        const Document* existing = clash ? same_text : nullptr;
        std::optional<std::string> layer_by;
        if (auto l = p.layers.find(i); l != p.layers.end()) layer_by = l->second;
        else if (clash && choice == ClashChoice::AddLayer) layer_by = p.layer_name;
        std::optional<LayerBase> base;
        if (same_text) base = LayerBase::of(*same_text);
        else if (auto a = added_by_text.find(doc.text()); a != added_by_text.end()) base = a->second;
        if (layer_by && base) {  // another annotator's work on this text: their layer of it
            const bool id_free = !corpus.find_document(doc.id()) && !taken.count(doc.id());  // a file's own layer ids stay
            auto layer = make_layer(*base, doc, id_free ? doc.id() : fresh_document_id(corpus, taken), *layer_by);
            if (!layer) continue;
            taken.insert(layer->id());
            b.stored_doc_id[import_id] = layer->id();
            b.layer_names.push_back(*layer_by + " on " + base->name);
            group.push_back(cmd::AddDocument{std::move(*layer), std::nullopt});
            continue;
        }
        if (existing && choice == ClashChoice::Merge) {
            // Merge: add the incoming spans that are not exact duplicates (relations are not merged).
            b.stored_doc_id[import_id] = existing->id();
            for (const Span& s : doc.spans()) {
                b.merged_span_ids.push_back({existing->id(), s.id, s.start, s.end, s.label});
                if (existing->find_span(s.start, s.end, s.label)) { ++b.dup_spans; continue; }
                group.push_back(cmd::AddSpan{existing->id(), s.start, s.end, s.label, s.note, s.attributes});
                ++b.merged_spans;
            }
            continue;
        }
        if (existing && choice == ClashChoice::Replace) {
            group.push_back(cmd::RemoveDocument{existing->id()});
            ++b.replaced_docs;
        }
        if ((corpus.find_document(doc.id()) || taken.count(doc.id())) &&
            !(existing && choice == ClashChoice::Replace && existing->id() == doc.id())) {
            if (auto renamed = doc.with_id(fresh_document_id(corpus, taken)); renamed.ok()) doc = std::move(renamed.value());
        }
        taken.insert(doc.id());
        added_by_text.emplace(doc.text(), LayerBase::of(doc));
        b.stored_doc_id[import_id] = doc.id();
        group.push_back(cmd::AddDocument{std::move(doc), std::nullopt});
        ++b.added_docs;
    }
    return b;
}

std::vector<SchemaViolation> stored_violations(const Corpus& now, const ImportPlan& p, const ImportBatch& b) {
    std::vector<SchemaViolation> out;
    for (SchemaViolation v : p.violations) {
        const auto stored = b.stored_doc_id.find(v.doc);
        if (stored == b.stored_doc_id.end()) continue;
        for (const ImportBatch::MergedSpan& m : b.merged_span_ids)
            if (m.doc == stored->second && m.old_id == v.annotation)
                if (const auto d = now.document_index(m.doc))
                    if (const Span* merged = now.documents[*d].find_span(m.start, m.end, m.label)) v.annotation = merged->id;
        v.doc = stored->second;
        const auto d = now.document_index(v.doc);
        if (d && (now.documents[*d].find_span(v.annotation) || now.documents[*d].find_relation(v.annotation)))
            out.push_back(std::move(v));  // relations are not merged: those are left out
    }
    return out;
}

std::string import_summary(const ImportPlan& p, const ImportBatch& b) {
    using formats::counted;
    std::string msg = p.file_name + ": ";
    if (b.replaced_docs) msg += "replaced " + counted(b.replaced_docs, "document", "documents");
    if (b.added_docs > b.replaced_docs)
        msg += (b.replaced_docs ? ", added " : "added ") + counted(b.added_docs - b.replaced_docs, "document", "documents");
    if (!b.layer_names.empty())
        msg += std::string(b.added_docs ? ", " : "") + "added " + counted(b.layer_names.size(), "layer", "layers") + " (" +
               join_names(b.layer_names) + ")";
    if (b.merged_spans || b.dup_spans)
        msg += (b.added_docs ? ", " : "") + std::string("merged ") + counted(b.merged_spans, "span", "spans") + ", dropped " +
               counted(b.dup_spans, "exact duplicate", "exact duplicates") + " (relations are not merged)";
    if (!b.added_types.empty()) {
        msg += "; added to the schema:";
        for (const auto& t : b.added_types) msg += " " + t;
    }
    if (!p.violations.empty())
        msg += "; kept " + counted(p.violations.size(), "annotation", "annotations") + " the rules did not allow (first: " +
               p.violations[0].doc + " " + p.violations[0].annotation + ": " + p.violations[0].what + ")";
    for (const std::string& n : p.notes) msg += "; " + n;
    return msg;
}

std::string fresh_document_id(const Corpus& corpus, const std::set<std::string>& also_taken) {
    for (std::size_t n = corpus.documents.size() + 1;; ++n) {
        std::string id = "d" + std::to_string(n);
        if (!corpus.find_document(id) && !also_taken.count(id)) return id;
    }
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 12; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > 12) out += " and " + std::to_string(names.size() - 12) + " more";
    return out;
}

}  // namespace inkspan
