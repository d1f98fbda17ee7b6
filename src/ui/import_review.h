#pragma once
// What an import left to review: the annotations it kept although the rules (brat's
// annotation.conf, or the schema here) did not allow them, listed in the side panel until
// dismissed; a click on one asks the app to open its document and select it.
#include <optional>
#include <string>
#include <vector>

#include "core/schema_fit.h"
#include "ui/fonts.h"

namespace inkspan::ui {

struct ImportReview {
    std::string file_name;                // the import they came from
    std::vector<SchemaViolation> items;   // ids as stored after the import

    // The section in the side panel (nothing when empty); the item clicked this frame, if any.
    [[nodiscard]] std::optional<SchemaViolation> draw(const Fonts& fonts);
};

}  // namespace inkspan::ui
