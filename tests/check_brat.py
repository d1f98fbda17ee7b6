#!/usr/bin/env python3
"""Checks Inkspan's brat exports by brat's own rules, outside C++ (Python 3 standard library only).

Usage: python3 tests/check_brat.py EXPORT_DIR

Every folder under EXPORT_DIR that holds an annotation.conf is a brat collection; written from
brat's documentation (standoff format and configuration pages), it checks:
  annotation.conf  sections [entities] (or [spans]), [relations], [events], [attributes], each once
                   and no others; macros <NAME>=... (never a reserved name) and only defined or
                   reserved <...> strings; type names [A-Za-z0-9_-]+ (a leading ! marks an abstract
                   type); relation lines "Name<TAB>Arg1:A|B, Arg2:C[, <REL-TYPE>:symmetric-transitive]"
                   with exactly two roles; <OVERLAP> lines with <OVL-TYPE> of contain|equal|cross|<ANY>;
                   attribute lines "Name<TAB>Arg:<ENTITY>[, Value:a|b]".
  visual.conf      (when present) [labels] lines "name | label" naming a declared type.
  every .ann       one annotation a line, "ID<TAB>..." with a unique ID: T (TYPE START END[;START END]
                   <TAB>TEXT, offsets integers, start <= end, TYPE an entity or event type), R (TYPE
                   Arg1:ID Arg2:ID, both T ids, the pair allowed by a line of the relation type with
                   <ANY>/<ENTITY> as brat reads them), A/M (NAME ID [VALUE], a declared attribute, the
                   value among its values), # (TYPE ID<TAB>TEXT), E, N, *; each .ann has its .txt;
                   spans that overlap must be allowed by an <OVERLAP> (or ENTITY-NESTING) rule.
Exits 1 with one message per problem; 0 with a summary when everything holds.
"""
import os
import re
import sys

NAME = re.compile(r"^[A-Za-z0-9_-]+$")
RESERVED = {"ANY", "ENTITY", "RELATION", "EVENT", "NONE", "EMPTY", "REL-TYPE", "URL", "URLBASE", "UNICODE",
            "GLYPH-POS", "DEFAULT", "NORM", "OVERLAP", "OVL-TYPE", "INHERIT"}
SECTIONS = {"entities", "relations", "events", "attributes"}
ID = re.compile(r"^([A-Za-z]|#)[0-9]+$")

errors = []
checked = {"collections": 0, "files": 0, "lines": 0}


def fail(where, message):
    errors.append(f"{where}: {message}")


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def brat_lines(text):
    # brat reads .ann files line by line the way Python splits them
    return text.splitlines()


class Conf:
    def __init__(self):
        self.entities, self.events = set(), set()
        self.relations = {}    # name -> [(arg1 types, arg2 types)], one pair per line
        self.attributes = {}   # name -> set of values ("" for a binary attribute)
        self.overlaps = []     # (arg1 types, arg2 types, {contain, equal, cross, <ANY>})


def split_types(value):
    return [t.strip() for t in value.split("|") if t.strip()]


def read_conf(path):
    conf = Conf()
    seen = set()
    section, macros = None, {}
    for number, raw in enumerate(read(path).split("\n"), 1):
        where = f"{path} line {number}"
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#") or re.match(r"^\s*-+\s*$", line):
            continue
        m = re.match(r"^\[(.*)\]\s*$", line.strip())
        if m:
            section = {"spans": "entities"}.get(m.group(1), m.group(1))
            if section not in SECTIONS:
                fail(where, f"unknown section [{m.group(1)}]")
            if section in seen:
                fail(where, f"section [{section}] appears twice")
            seen.add(section)
            macros = {}
            continue
        if section is None:
            fail(where, "a line before the first section")
            continue
        m = re.match(r"^<([a-zA-Z_-]+)>=\s*(.*?)\s*$", line)
        if m:
            if m.group(1) in RESERVED:
                fail(where, f"<{m.group(1)}> is reserved and cannot be redefined")
            macros[f"<{m.group(1)}>"] = m.group(2)
            continue
        for macro, value in macros.items():
            line = line.replace(macro, value)
        for s in re.findall(r"<.*?>", line):
            if s[1:-1] not in RESERVED:
                fail(where, f"undefined macro {s}")
        m = re.match(r"^(\s*)(\S+)(?:\s+(.*))?$", line)
        name = m.group(2).split("|")[0]
        args = [a.strip() for a in (m.group(3) or "").split(",") if a.strip()]
        abstract = name.startswith("!")
        name = name.lstrip("!")
        special = name in ("<OVERLAP>",)
        if not special and not NAME.match(name):
            fail(where, f"type name {name!r} is not [A-Za-z0-9_-]+")
        parsed = []
        for a in args:
            am = re.match(r"^(\S*?):(\S*)$", a)
            if not am:
                fail(where, f"argument {a!r} is not KEY:TYPES")
                continue
            parsed.append((am.group(1), am.group(2)))
        if section == "entities":
            if not abstract:
                conf.entities.add(name)
        elif section == "events":
            if not abstract:
                conf.events.add(name)
        elif section == "relations":
            roles = [(k, split_types(v)) for k, v in parsed if not k.startswith("<")]
            specials = {k: v for k, v in parsed if k.startswith("<")}
            if len(roles) != 2:
                fail(where, f"relation {name} has {len(roles)} arguments (brat expects 2)")
                continue
            for key, value in specials.items():
                if key == "<REL-TYPE>" and not set(value.split("-")) <= {"symmetric", "transitive"}:
                    fail(where, f"<REL-TYPE>:{value} is not symmetric and/or transitive")
                elif key == "<OVL-TYPE>" and not set(value.split("|")) <= {"contain", "equal", "cross", "<ANY>"}:
                    fail(where, f"<OVL-TYPE>:{value} is not contain|equal|cross|<ANY>")
            for _, types in roles:
                for t in types:
                    if not (t.startswith("<") or NAME.match(t)):
                        fail(where, f"argument type {t!r} is not [A-Za-z0-9_-]+")
            pair = (roles[0][1], roles[1][1])
            if special:
                if "<OVL-TYPE>" not in specials:
                    fail(where, "<OVERLAP> without <OVL-TYPE>")
                else:
                    conf.overlaps.append((pair[0], pair[1], set(specials["<OVL-TYPE>"].split("|"))))
            elif name == "ENTITY-NESTING":
                conf.overlaps.append((pair[0], pair[1], {"contain"}))
            elif not abstract:
                conf.relations.setdefault(name, []).append(pair)
        elif section == "attributes":
            keys = dict(parsed)
            if "Arg" not in keys:
                fail(where, f"attribute {name} without Arg:")
            conf.attributes[name] = set(split_types(keys["Value"])) if "Value" in keys else {""}
    for s in SECTIONS - seen:
        fail(path, f"missing section [{s}]")
    return conf


def type_matches(t, allowed, conf):
    return any(a == t or a == "<ANY>" or (a == "<ENTITY>" and t in conf.entities) or
               (a == "<EVENT>" and t in conf.events) for a in allowed)


def read_visual(path, conf):
    section = None
    for number, raw in enumerate(read(path).split("\n"), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^\[(.*)\]\s*$", line.strip())
        if m:
            section = m.group(1)
            if section not in ("options", "labels", "drawing"):
                fail(f"{path} line {number}", f"unknown section [{section}]")
            continue
        if section == "labels":
            terms = [t.strip() for t in line.split("\t")[0].split("|")]
            known = conf.entities | conf.events | set(conf.relations) | set(conf.attributes)
            if not all(terms):
                fail(f"{path} line {number}", f"expected \"name | label | ...\", got {line!r}")
            elif terms[0] not in known:
                fail(f"{path} line {number}", f"label for {terms[0]}, which annotation.conf does not declare")


def check_ann(path, conf):
    where_file = path
    txt = path[:-4] + ".txt"
    if not os.path.exists(txt):
        fail(where_file, "no .txt beside it")
        return
    length = len(read(txt))
    ids, spans, relations, refs = {}, {}, [], []
    for number, line in enumerate(brat_lines(read(path)), 1):
        where = f"{path} line {number}"
        checked["lines"] += 1
        if "\t" not in line:
            fail(where, "expected ID<TAB>annotation")
            continue
        ident, rest = line.split("\t", 1)
        if ident != "*" and not ID.match(ident):
            fail(where, f"invalid id {ident!r}")
            continue
        if ident != "*" and ident in ids:
            fail(where, f"{ident} is defined twice")
        ids[ident] = ident[0]
        kind = ident[0]
        if kind == "T":
            m = re.match(r"^(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$", rest, re.S)
            if not m:
                fail(where, f"expected \"TYPE START END<TAB>TEXT\", got {rest!r}")
                continue
            label, offsets = m.group(1), [tuple(map(int, p.split())) for p in m.group(2).split(";")]
            if not NAME.match(label):
                fail(where, f"type {label!r} is not [A-Za-z0-9_-]+")
            if label not in conf.entities and label not in conf.events:
                fail(where, f"type {label} is not declared in annotation.conf")
            for s, e in offsets:
                if not 0 <= s <= e <= length:
                    fail(where, f"fragment {s} {e} is outside the text ({length} characters)")
            spans[ident] = (label, min(s for s, _ in offsets), max(e for _, e in offsets))
        elif kind == "R":
            m = re.match(r"^(\S+) (\S+):(\S+) (\S+):(\S+)$", rest)
            if not m:
                fail(where, f"expected \"TYPE Arg1:ID Arg2:ID\", got {rest!r}")
                continue
            relations.append((where, m.group(1), m.group(3), m.group(5)))
        elif kind in "AM":
            parts = rest.split()
            if len(parts) not in (2, 3):
                fail(where, f"expected \"NAME ID [VALUE]\", got {rest!r}")
                continue
            refs.append((where, parts[1]))
            values = conf.attributes.get(parts[0])
            if values is None:
                fail(where, f"attribute {parts[0]} is not declared in annotation.conf")
            elif (parts[2] if len(parts) == 3 else "") not in values:
                fail(where, f"value {parts[2] if len(parts) == 3 else '(binary)'} is not one of {parts[0]}'s values")
        elif kind == "#":
            m = re.match(r"^(\S+) (\S+)\t(.*)$", rest, re.S)
            if not m:
                fail(where, f"expected \"TYPE ID<TAB>TEXT\", got {rest!r}")
                continue
            refs.append((where, m.group(2)))
        elif kind not in "EN*":
            fail(where, f"unknown annotation kind {kind!r}")
    for where, ref in refs:
        if ref not in ids:
            fail(where, f"refers to {ref}, which is not defined")
    for where, rtype, a1, a2 in relations:
        if a1 not in spans or a2 not in spans:
            fail(where, f"arguments must name T ids ({a1}, {a2})")
            continue
        lines = conf.relations.get(rtype)
        if lines is None:
            fail(where, f"relation type {rtype} is not declared in annotation.conf")
        elif not any(type_matches(spans[a1][0], p1, conf) and type_matches(spans[a2][0], p2, conf) for p1, p2 in lines):
            fail(where, f"annotation.conf does not allow {rtype} from {spans[a1][0]} to {spans[a2][0]}")
    ordered = sorted(spans.items(), key=lambda kv: (kv[1][1], -kv[1][2]))
    for i, (id1, (t1, s1, e1)) in enumerate(ordered):
        for id2, (t2, s2, e2) in ordered[i + 1:]:
            if s2 >= e1:
                break
            kind = "equal" if (s1, e1) == (s2, e2) else "contain" if e2 <= e1 else "cross"
            if not overlap_allowed(conf, kind, t1, t2):
                fail(path, f"{id1} and {id2} overlap ({kind}), which annotation.conf does not allow")
    checked["files"] += 1


def overlap_allowed(conf, kind, outer, inner):
    for p1, p2, types in conf.overlaps:
        for a, b in ((inner, outer), (outer, inner)):
            if type_matches(a, p1, conf) and type_matches(b, p2, conf):
                if "<ANY>" in types or kind in types:
                    return True
    return False


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    for folder, _, files in sorted(os.walk(sys.argv[1])):
        if "annotation.conf" not in files:
            continue
        checked["collections"] += 1
        conf = read_conf(os.path.join(folder, "annotation.conf"))
        if "visual.conf" in files:
            read_visual(os.path.join(folder, "visual.conf"), conf)
        for name in sorted(files):
            if name.endswith(".ann"):
                check_ann(os.path.join(folder, name), conf)
    if errors:
        print("\n".join(errors))
        return 1
    if checked["collections"] == 0:
        print(f"no brat collection (annotation.conf) under {sys.argv[1]}")
        return 1
    print(f"brat check: {checked['collections']} collections, {checked['files']} .ann files, "
          f"{checked['lines']} lines follow brat's rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
