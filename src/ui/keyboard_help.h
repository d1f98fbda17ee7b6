#pragma once
// The "Keyboard" overlay (`?`): every shortcut of shortcut_table() and the schema's label
// hotkeys, in one table. Esc or `?` closes it.
#include "core/schema.h"
#include "ui/theme.h"

namespace inkspan::ui {

struct KeyboardHelp {
    bool open = false;
    void draw(const Schema& schema, const Theme& theme);
};

}  // namespace inkspan::ui
