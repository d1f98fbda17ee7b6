// brat's configuration files: annotation.conf written from the schema and read back for the
// types and argument types of relations; visual.conf carrying the original names of types whose
// names brat cannot hold.
#include <algorithm>
#include <cstdio>

#include "core/formats/brat.h"
#include "core/utf8.h"
#include "core/validation.h"

namespace inkspan::formats {

namespace {

constexpr std::size_t kMaxExpandedLine = 1 << 16;  // bytes of one conf line after its macros

bool is_brat_name_char(char32_t c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Why `name` cannot be a visual.conf label (brat's reader would change or refuse it), or "".
std::string unlabelable(std::string_view name) {
    if (name.find('|') != std::string_view::npos) return "\"|\"";
    if (const auto open = name.find('<'); open != std::string_view::npos && name.find('>', open) != std::string_view::npos)
        return "\"<...>\"";
    if (name.front() == '!') return "a leading \"!\"";
    if (name.front() == '#') return "a leading \"#\"";
    if (name.find_first_not_of('-') == std::string_view::npos) return "only \"-\"";
    return "";
}

std::string join(const std::vector<std::string>& labels, BratNames& names) {
    if (labels.empty()) return "<ENTITY>";
    std::string out;
    for (const std::string& l : labels) out += (out.empty() ? "" : "|") + names(l);
    return out;
}

}  // namespace

std::string brat_safe_name(std::string_view name) {
    std::size_t pos = 0;
    bool plain = !name.empty();
    while (plain && pos < name.size()) plain = is_brat_name_char(decode_utf8(name, pos));
    if (plain) return std::string(name);
    std::string out;
    pos = 0;
    while (pos < name.size()) {
        const char32_t c = decode_utf8(name, pos);
        if (c != '_' && is_brat_name_char(c)) {
            out += static_cast<char>(c);
            continue;
        }
        char hex[16];
        std::snprintf(hex, sizeof hex, "_%X_", static_cast<unsigned>(c));
        out += hex;
    }
    return out;
}

const std::string& BratNames::operator()(const std::string& name, std::size_t max_bytes) {
    if (const auto known = safe_.find(name); known != safe_.end()) return known->second;
    std::string written = brat_safe_name(name);
    std::string why = written == name ? "" : unlabelable(name);
    if (!why.empty() && written.size() > max_bytes) {  // read back as written, where the limit applies
        // Cut at a character, leaving room for the "-<n>" that keeps cut names apart below.
        std::size_t cut = max_bytes - 8;
        while (cut > 0 && (static_cast<unsigned char>(written[cut]) & 0xC0) == 0x80) --cut;
        written.resize(cut);
        why = "its safe form is longer than " + std::to_string(max_bytes) + " bytes";
    }
    if (owner_.count(written)) {  // when a name already looks like another's safe form, or two were cut alike
        const std::string taken = written;
        for (std::size_t n = 2; owner_.count(written); ++n) written = taken + "-" + std::to_string(n);
        why = why.rfind("its safe form is longer", 0) == 0 ? why + ", and cut it is another type's name"
                                                          : "its safe form " + taken + " is another type's name";
    }
    if (written != name) {
        if (why.empty()) labelled_.insert(name);
        else losses_.note("type name " + quote(name) + " written as " + written +
                          (why.rfind("its", 0) == 0 ? " (" + why + ")" : " (a visual.conf label cannot hold " + why + ")"));
    }
    owner_[written] = name;
    return safe_[name] = std::move(written);
}

std::string BratNames::label_line(const std::string& name) {
    const std::string& written = (*this)(name);
    return labelled_.count(name) ? written + " | " + name + "\n" : std::string();
}

BratConf brat_confs(const Schema& schema, const std::set<std::string>& extra_labels,
                    const std::set<std::string>& extra_relation_types,
                    const std::map<std::string, std::set<std::string>>& attributes, BratNames& names) {
    BratConf out;
    std::string& conf = out.annotation;
    std::string labels;
    conf = "# brat annotation.conf written by Inkspan from its schema\n[entities]\n";
    auto entity = [&](const std::string& name) {
        conf += names(name) + "\n";
        labels += names.label_line(name);
    };
    for (const EntityType& e : schema.entities) entity(e.name);
    for (const std::string& l : extra_labels)
        if (!schema.find_entity(l)) entity(l);
    conf += "\n[relations]\n";
    // Inkspan spans may nest (and cross, unless the schema says otherwise): brat's verifier checks that.
    conf += std::string("<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:") +
            (schema.allow_crossing_spans ? "<ANY>" : "contain|equal") + "\n";
    for (const RelationType& r : schema.relations) {
        conf += names(r.name) + "\tArg1:" + join(r.head, names) + ", Arg2:" + join(r.tail, names);
        if (!r.directed || r.transitive)
            conf += std::string(", <REL-TYPE>:") + (r.directed ? "" : "symmetric") + (!r.directed && r.transitive ? "-" : "") +
                    (r.transitive ? "transitive" : "");
        conf += "\n";
        labels += names.label_line(r.name);
    }
    for (const std::string& t : extra_relation_types)
        if (!schema.find_relation(t)) {
            conf += names(t) + "\tArg1:<ENTITY>, Arg2:<ENTITY>\n";
            labels += names.label_line(t);
        }
    conf += "\n[events]\n\n[attributes]\n";
    for (const auto& [name, values] : attributes) {
        conf += names(name, kMaxAttributeBytes) + "\tArg:<ENTITY>";
        std::string valued;
        for (const std::string& v : values)
            if (v != "true") valued += (valued.empty() ? "" : "|") + v;
        if (!valued.empty()) conf += ", Value:" + (values.count("true") ? std::string("true|") : std::string()) + valued;
        conf += "\n";
        labels += names.label_line(name);
    }
    if (!labels.empty())
        out.visual = "# brat visual.conf written by Inkspan: the original names of types whose names brat cannot hold\n"
                     "[labels]\n" + labels + "\n[drawing]\n";
    return out;
}

std::map<std::string, std::string> read_brat_visual_names(std::string_view visual_conf) {
    std::map<std::string, std::string> original;
    if (find_invalid_utf8(visual_conf)) return original;
    bool in_labels = false;
    for (std::string_view line : split_lines(visual_conf)) {
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        if (line.front() == '[' && line.back() == ']') {
            in_labels = line == "[labels]";
            continue;
        }
        if (!in_labels) continue;
        const std::vector<std::string_view> terms = split(line.substr(0, line.find('\t')), '|');
        if (terms.size() < 2) continue;
        const std::string written(trim(terms[0])), label(trim(terms[1]));
        if (written != label && !label.empty() && brat_safe_name(label) == written) original[written] = label;
    }
    return original;
}

void read_brat_conf(std::string_view conf, std::string_view file_name, ImportBuilder& builder,
                    const std::map<std::string, std::string>& original) {
    if (find_invalid_utf8(conf)) {
        builder.skipped().note(std::string(file_name) + " ignored: invalid UTF-8");
        return;
    }
    auto name_of = [&](std::string_view written) {
        const auto it = original.find(std::string(written));
        return it == original.end() ? std::string(written) : it->second;
    };
    const std::string source(base_name(file_name));
    std::string section;
    std::vector<std::pair<std::string, std::string>> macros;  // "<NAME>" → value, per section
    std::size_t not_understood = 0, first_bad = 0;
    const std::vector<std::string_view> lines = split_lines(conf);
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string_view line = trim(lines[n]);
        if (line.empty() || line[0] == '#' || line.find_first_not_of('-') == std::string_view::npos) continue;
        if (line.front() == '[' && line.back() == ']') {
            section = std::string(line.substr(1, line.size() - 2));
            if (section == "spans") section = "entities";  // brat's other name for it
            macros.clear();
            continue;
        }
        // <NAME>=value defines a macro for the rest of the section.
        if (const auto eq = line.find(">="); line[0] == '<' && eq != std::string_view::npos) {
            macros.emplace_back(std::string(line.substr(0, eq + 1)), std::string(trim(line.substr(eq + 2))));
            continue;
        }
        std::string expanded(line);
        for (const auto& [macro, value] : macros)
            for (std::size_t at = expanded.find(macro); at != std::string::npos && expanded.size() <= kMaxExpandedLine;
                 at = expanded.find(macro, at + value.size()))
                expanded.replace(at, macro.size(), value);
        if (expanded.size() > kMaxExpandedLine) {  // macros that expand into macros can grow without bound
            if (not_understood++ == 0) first_bad = n + 1;
            continue;
        }
        const std::string_view text = expanded;
        const std::size_t name_end = std::min(text.find_first_of(" \t"), text.size());
        std::string_view name = split(text.substr(0, name_end), '|')[0];  // "Type|alias": the first is the type
        const bool abstract = !name.empty() && name[0] == '!';
        if (abstract) name.remove_prefix(1);
        if (name.empty() || name[0] == '<' || abstract) continue;  // <OVERLAP> rules, abstract types
        if (section == "entities") {
            builder.declare_entity_type(name_of(name), source);
        } else if (section == "events") {
            builder.declare_event_type(name_of(name), source);  // its triggers are spans of that label
        } else if (section == "relations") {
            // name<TAB>Arg1:A|B, Arg2:C[, <REL-TYPE>:symmetric-transitive]
            RelationType r;
            r.name = name_of(name);
            int arg = 0;
            for (std::string_view part : split(text.substr(name_end), ',')) {
                part = trim(part);
                const auto colon = part.find(':');
                if (colon == std::string_view::npos) continue;
                const std::string_view key = part.substr(0, colon), value = part.substr(colon + 1);
                if (key == "<REL-TYPE>") {
                    for (std::string_view kind : split(value, '-')) {
                        if (kind == "symmetric") r.directed = false;
                        if (kind == "transitive") r.transitive = true;
                    }
                    continue;
                }
                if (key.empty() || key[0] == '<' || arg >= 2) continue;
                std::vector<std::string>& side = arg++ == 0 ? r.head : r.tail;
                bool any = false;
                for (std::string_view label : split(value, '|')) {
                    label = trim(label);
                    any = any || label == "<ANY>" || label == "<ENTITY>";
                    if (!label.empty()) side.push_back(name_of(label));
                }
                if (any) side.clear();
            }
            if (arg < 2) {
                if (not_understood++ == 0) first_bad = n + 1;
                continue;
            }
            builder.declare_relation_type(std::move(r), source, std::string(file_name) + " line " + std::to_string(n + 1));
        }
    }
    if (not_understood)
        builder.skipped().add(std::string(file_name) + " line not understood", std::string(file_name) + " lines not understood",
                              not_understood, std::string(file_name) + " line " + std::to_string(first_bad));
}

}  // namespace inkspan::formats
