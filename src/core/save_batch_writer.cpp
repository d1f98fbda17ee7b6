#include "core/save_batch_writer.h"

namespace inkspan {

bool SaveBatchWriter::step(const Corpus& corpus, std::uint64_t revision, std::size_t items) {
    if (revision_ && *revision_ != revision) {  // an edit since the last step: start again
        next_doc_ = 0;
        writer_.reset();
        records_ = SavedRecords{};
        ++restarts_;
    }
    revision_ = revision;
    std::size_t budget = items == 0 ? 1 : items;
    while (budget > 0 && next_doc_ < batch_.changed.size()) {
        const std::string& id = batch_.changed[next_doc_];
        if (!writer_) {
            const Document* d = corpus.find_document(id);
            if (!d) {  // removed since it was marked: its removal is a later batch's
                ++next_doc_;
                continue;
            }
            writer_.emplace(*d);
        }
        if (writer_->write_some(budget)) {
            records_.documents.emplace_back(id, writer_->take());
            writer_.reset();
            ++next_doc_;
        }
    }
    if (next_doc_ < batch_.changed.size()) return false;
    records_.removed = batch_.removed;
    // The corpus record (schema and order) is small: written with every batch.
    records_.schema_json = write_schema_json(corpus.schema);
    records_.order.clear();
    for (const Document& d : corpus.documents) records_.order.push_back(d.id());
    return true;
}

}  // namespace inkspan
