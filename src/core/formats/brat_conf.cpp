// brat's annotation.conf: written from the schema, read back for the argument types of relations.
#include <algorithm>

#include "core/formats/brat.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan::formats {

namespace {

std::string arg_types(const std::vector<std::string>& labels) {
    if (labels.empty()) return "<ENTITY>";
    std::string out;
    for (const std::string& l : labels) out += (out.empty() ? "" : "|") + l;
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string brat_annotation_conf(const Schema& schema, const std::set<std::string>& extra_labels,
                                 const std::set<std::string>& extra_relation_types,
                                 const std::map<std::string, std::set<std::string>>& attributes) {
    std::string out = "# brat annotation.conf written by Inkspan from its schema\n[entities]\n";
    for (const EntityType& e : schema.entities) out += e.name + "\n";
    for (const std::string& l : extra_labels)
        if (!schema.find_entity(l)) out += l + "\n";
    out += "\n[relations]\n";
    for (const RelationType& r : schema.relations)
        out += r.name + "\tArg1:" + arg_types(r.head) + ", Arg2:" + arg_types(r.tail) +
               (r.directed ? "" : ", <REL-TYPE>:symmetric") + "\n";
    for (const std::string& t : extra_relation_types)
        if (!schema.find_relation(t)) out += t + "\tArg1:<ENTITY>, Arg2:<ENTITY>\n";
    out += "\n[events]\n\n[attributes]\n";
    for (const auto& [name, values] : attributes) {
        out += name + "\tArg:<ENTITY>";
        std::string valued;
        for (const std::string& v : values)
            if (v != "true") valued += (valued.empty() ? "" : "|") + v;
        if (!valued.empty()) out += ", Value:" + (values.count("true") ? std::string("true|") : std::string()) + valued;
        out += "\n";
    }
    return out;
}

void read_brat_conf(std::string_view conf, std::string_view file_name, ImportBuilder& builder) {
    if (find_invalid_utf8(conf)) {
        builder.skipped().note(std::string(file_name) + " ignored: invalid UTF-8");
        return;
    }
    std::string section;
    std::vector<RelationType> relations;
    std::size_t not_understood = 0, first_bad = 0;
    const std::vector<std::string_view> lines = split_lines(conf);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        const std::string_view line = trim(lines[n]);
        if (line.empty() || line[0] == '#') continue;
        if (line.front() == '[' && line.back() == ']') {
            section = std::string(line.substr(1, line.size() - 2));
            continue;
        }
        if (line[0] == '<' || line[0] == '!') continue;  // macros, overlap rules, abstract types
        const std::vector<std::string_view> fields = split_blanks(line);
        if (section == "entities") {
            builder.declare_entity_type(fields[0]);
        } else if (section == "relations") {
            // name<TAB>Arg1:A|B, Arg2:C[, <REL-TYPE>:symmetric]
            RelationType r;
            r.name = std::string(fields[0]);
            const std::string_view args = trim(line.substr(fields[0].size()));
            int arg = 0;
            for (std::string_view part : split(args, ',')) {
                part = trim(part);
                const auto colon = part.find(':');
                if (colon == std::string_view::npos) continue;
                const std::string_view key = part.substr(0, colon), value = part.substr(colon + 1);
                if (key == "<REL-TYPE>") {
                    if (value.find("symmetric") != std::string_view::npos) r.directed = false;
                    continue;
                }
                if (arg >= 2) continue;
                std::vector<std::string>& side = arg++ == 0 ? r.head : r.tail;
                for (std::string_view label : split(value, '|'))
                    if (!label.empty() && label[0] != '<') side.emplace_back(label);
                    else if (!label.empty()) {
                        side.clear();  // <ENTITY> or a macro: any label
                        break;
                    }
            }
            if (arg < 2) {
                if (not_understood++ == 0) first_bad = n + 1;
                continue;
            }
            builder.declare_relation_type(std::move(r));
        }
    }
    if (not_understood)
        builder.skipped().add(std::string(file_name) + " line not understood", std::string(file_name) + " lines not understood",
                              not_understood, std::string(file_name) + " line " + std::to_string(first_bad));
}

}  // namespace inkspan::formats
