#include "core/compare_colors.h"

namespace inkspan {

Rgba diff_color(ThemeKind theme, DiffKind kind) {
    const bool dark = theme == ThemeKind::dark || theme == ThemeKind::dark_high_contrast;
    switch (kind) {
        case DiffKind::Agreement: return dark ? Rgba{102, 187, 106} : Rgba{46, 125, 50};       // green
        case DiffKind::LabelConflict: return dark ? Rgba{239, 115, 115} : Rgba{198, 40, 40};   // red
        case DiffKind::BoundaryConflict: return dark ? Rgba{255, 183, 77} : Rgba{180, 83, 9};  // orange
        case DiffKind::Overlap: return dark ? Rgba{206, 147, 216} : Rgba{123, 31, 162};        // purple
        case DiffKind::OnlyA:
        case DiffKind::RelationOnlyA: return dark ? Rgba{100, 181, 246} : Rgba{21, 101, 192};  // blue
        case DiffKind::OnlyB:
        case DiffKind::RelationOnlyB: return dark ? Rgba{77, 208, 225} : Rgba{0, 121, 107};    // teal
    }
    return dark ? Rgba{236, 236, 240} : Rgba{34, 34, 38};
}

}  // namespace inkspan
