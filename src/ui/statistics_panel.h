#pragma once
// The statistics window: spans per label and relations per type across the corpus, and spans per
// document. Owns whether it is open; reads the corpus.
#include "core/corpus.h"
#include "ui/fonts.h"
#include "ui/theme.h"

namespace inkspan::ui {

struct StatisticsPanel {
    bool open = false;
    void draw(const Corpus& corpus, const Theme& theme, const Fonts& fonts);
};

}  // namespace inkspan::ui
