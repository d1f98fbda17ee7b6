#pragma once
// A document while it is outside the corpus: before it is added, after it is removed. The command
// that adds it, the op its plan makes and the undo history share one box, and applying the op moves
// the document between the box and the corpus. So an imported or removed document (which may hold
// 50,000 spans) is never copied: a corpus is held once, whatever the history remembers (issue 15).
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "core/document.h"

namespace inkspan {

class DocumentBox {
public:
    explicit DocumentBox(Document document) : id_(document.id()), name_(document.name()), document_(std::move(document)) {}
    // An empty box for a document of the corpus that is about to be removed.
    DocumentBox(std::string id, std::string name) : id_(std::move(id)), name_(std::move(name)) {}

    [[nodiscard]] const std::string& id() const { return id_; }
    [[nodiscard]] const std::string& name() const { return name_; }
    // The document, or null while it is in the corpus.
    [[nodiscard]] const Document* held() const { return document_ ? &*document_ : nullptr; }
    // Only while held() (the op that moves it checked).
    [[nodiscard]] Document take() {
        Document d = std::move(*document_);
        document_.reset();
        return d;
    }
    void put(Document document) { document_ = std::move(document); }

private:
    std::string id_, name_;
    std::optional<Document> document_;
};

using SharedDocument = std::shared_ptr<DocumentBox>;

}  // namespace inkspan
