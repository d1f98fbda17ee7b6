#pragma once
// An agreement report written out: as JSON (what window.inkspan.agreement() returns, the shape
// is in docs/AGREEMENT.md), as CSV (one figure per row) and as a self-contained HTML page.
#include <string>

#include "core/agreement.h"

namespace inkspan {

[[nodiscard]] std::string agreement_json(const AgreementReport& report);
[[nodiscard]] std::string agreement_csv(const AgreementReport& report);
[[nodiscard]] std::string agreement_html(const AgreementReport& report, const std::string& title = "Agreement");

}  // namespace inkspan
