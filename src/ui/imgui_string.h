#pragma once
// ImGui text fields bound to std::string (ImGui's own misc/cpp helper is not in Debian's package).
#include <imgui.h>

#include <string>

namespace inkspan::ui {

bool InputTextString(const char* id, const char* hint, std::string& value, ImGuiInputTextFlags flags = 0);
bool InputTextMultilineString(const char* id, std::string& value, ImVec2 size);

}  // namespace inkspan::ui
