#pragma once
// The application: owns the model and the UI state, builds one ImGui frame at a time.
// The platform layer drives it (fonts, frames) and the automation API queries it.
#include <imgui.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace inkspan::ui {

struct Box { float x, y, w, h; };

class App {
public:
    App();

    // Builds the font atlas for the current zoom and devicePixelRatio.
    void load_fonts(float dpr);
    [[nodiscard]] bool fonts_need_rebuild() const { return fonts_dirty_; }

    // Everything between ImGui::NewFrame() and ImGui::Render().
    void frame();

    [[nodiscard]] ImVec4 background_color() const;
    [[nodiscard]] const char* wants_cursor() const { return cursor_; }

    // The whole corpus as inkspan JSON (what Export writes).
    [[nodiscard]] std::string state_json() const;

private:
    void draw_text_view();

    std::string text_;
    std::vector<char> font_data_;
    bool fonts_dirty_ = true;
    float zoom_ = 1.0f;
    const char* cursor_ = "default";
    ImFont* body_font_ = nullptr;
    ImFont* ui_font_ = nullptr;
};

}  // namespace inkspan::ui
