#!/usr/bin/env python3
"""Checks Inkspan's dataset exports outside C++: every span's offsets must select its text.

Usage: python3 tests/check_offsets.py EXPORT_DIR

Walks EXPORT_DIR and checks, by file type (Python 3 standard library only):
  .ann     brat: text[start:end] of each fragment (joined by one space) == the T line's text,
           in code points, against the .txt beside it (read byte-exact, CRLF kept); R/A/# refer to T ids.
  .jsonl   spaCy/Prodigy (lines with "spans"): text[start:end] == span text (code points), tokens
           match the text, token_start/token_end cover the span, head/child = the span's last token.
           doccano (lines with "entities"/"label"): offsets are UTF-16 units, so the slice is taken
           from text.encode("utf-16-le"); relations refer to entity ids.
  .json    Label Studio: value.start/end are code points (Label Studio's unit); the slice ==
           value.text; relations refer to region ids.
  .jsonld  W3C Web Annotation: TextPositionSelector (code points) selects TextQuoteSelector.exact,
           prefix and suffix surround it, against the text in "inkspan:sources".
  .conll   CoNLL IOB2: token<TAB>tag lines, I-X only after B-X or I-X.
Exits 1 with one message per mismatch; 0 with a summary when everything holds.
"""
import json
import os
import sys

errors = []
checked = {"spans": 0, "files": 0}


def fail(where, message):
    errors.append(f"{where}: {message}")


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:  # newline="" keeps \r\n as two code points
        return f.read()


def utf16_slice(text, start, end, where):
    units = text.encode("utf-16-le")
    if not (0 <= start <= end <= len(units) // 2):
        fail(where, f"UTF-16 range [{start}, {end}) outside the text ({len(units) // 2} units)")
        return None
    try:
        return units[2 * start:2 * end].decode("utf-16-le")
    except UnicodeDecodeError:
        fail(where, f"UTF-16 range [{start}, {end}) cuts a surrogate pair")
        return None


def code_point_slice(text, start, end, where):
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)):
        fail(where, f"range [{start}, {end}) outside the text ({len(text)} code points)")
        return None
    return text[start:end]


def expect_equal(where, actual, expected):
    checked["spans"] += 1
    if actual is not None and actual != expected:
        fail(where, f"offsets select {actual!r}, the file says {expected!r}")


def check_brat(path):
    txt = path[:-4] + ".txt"
    if not os.path.exists(txt):
        fail(path, "no .txt beside the .ann")
        return
    text = read_text(txt)
    ids, refs = set(), []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path} line {n}"
        ident, _, data = line.partition("\t")
        if ident.startswith("T"):
            head, _, covered = data.partition("\t")
            _label, _, offsets = head.partition(" ")
            pieces = []
            for fragment in offsets.split(";"):
                start, end = (int(x) for x in fragment.split())
                pieces.append(code_point_slice(text, start, end, where))
            expect_equal(where, None if None in pieces else " ".join(pieces), covered)
            ids.add(ident)
        elif ident.startswith("R"):
            refs += [(where, arg.split(":", 1)[1]) for arg in data.split()[1:]]
        elif ident.startswith("A") or ident.startswith("#"):
            refs.append((where, data.split("\t")[0].split()[1]))
    for where, ref in refs:
        if ref not in ids:
            fail(where, f"refers to {ref}, which is not a T line")


def check_spacy(where, doc):
    text = doc["text"]
    tokens = doc.get("tokens", [])
    for i, tok in enumerate(tokens):
        expect_equal(f"{where}: tokens[{i}]", code_point_slice(text, tok["start"], tok["end"], where), tok["text"])
        if tok["id"] != i:
            fail(where, f"tokens[{i}].id is {tok['id']}")
        if tok["ws"] != (text[tok["end"]:tok["end"] + 1] == " "):
            fail(where, f"tokens[{i}].ws is {tok['ws']}")
    spans = set()
    for i, span in enumerate(doc.get("spans", [])):
        w = f"{where}: spans[{i}]"
        expect_equal(w, code_point_slice(text, span["start"], span["end"], w), span.get("text"))
        if "token_start" in span:
            ts, te = span["token_start"], span["token_end"]  # token_end is inclusive
            if not (0 <= ts <= te < len(tokens) and tokens[ts]["start"] < span["end"] and tokens[te]["end"] > span["start"]):
                fail(w, f"tokens {ts}..{te} do not cover [{span['start']}, {span['end']})")
        spans.add((span["start"], span["end"], span["label"]))
    for i, rel in enumerate(doc.get("relations", [])):
        w = f"{where}: relations[{i}]"
        for end, key in (("head_span", "head"), ("child_span", "child")):
            ref = rel[end]
            if (ref["start"], ref["end"], ref["label"]) not in spans:
                fail(w, f"{end} is not one of the spans")
            if "token_end" in ref and rel.get(key) != ref["token_end"]:
                fail(w, f"{key} {rel.get(key)} is not the last token of {end} ({ref['token_end']})")


def check_doccano(where, doc):
    text = doc["text"]
    ids = set()
    for i, e in enumerate(doc.get("entities", [])):
        w = f"{where}: entities[{i}]"
        piece = utf16_slice(text, e["start_offset"], e["end_offset"], w)
        expect_equal(w, piece, e.get("text", piece))
        ids.add(e["id"])
    for i, label in enumerate(doc.get("label", [])):
        if isinstance(label, list):
            utf16_slice(text, label[0], label[1], f"{where}: label[{i}]")
            checked["spans"] += 1
    for i, r in enumerate(doc.get("relations", [])):
        if r["from_id"] not in ids or r["to_id"] not in ids:
            fail(f"{where}: relations[{i}]", "refers to an unknown entity id")


def check_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            doc = json.loads(line)
            where = f"{path} line {n}"
            if "spans" in doc or "tokens" in doc:
                check_spacy(where, doc)
            else:
                check_doccano(where, doc)


def check_label_studio(path):
    with open(path, encoding="utf-8") as f:
        tasks = json.load(f)
    for t, task in enumerate(tasks):
        text = task["data"]["text"]
        for a, annotation in enumerate(task.get("annotations", [])):
            regions = set()
            for k, item in enumerate(annotation["result"]):
                where = f"{path}: [{t}].annotations[{a}].result[{k}]"
                if item["type"] == "labels":
                    value = item["value"]
                    expect_equal(where, code_point_slice(text, value["start"], value["end"], where), value["text"])
                    regions.add(item["id"])
            for k, item in enumerate(annotation["result"]):
                if item["type"] == "relation" and not {item["from_id"], item["to_id"]} <= regions:
                    fail(f"{path}: [{t}].annotations[{a}].result[{k}]", "refers to an unknown region")


def check_w3c(path):
    with open(path, encoding="utf-8") as f:
        collection = json.load(f)
    texts = {s["id"]: s["inkspan:text"] for s in collection["inkspan:sources"]}
    items = collection["first"]["items"]
    ids = {item["id"] for item in items if isinstance(item["target"], dict)}
    for i, item in enumerate(items):
        where = f"{path}: first.items[{i}]"
        target = item["target"]
        if not isinstance(target, dict):
            if not set(target) <= ids:
                fail(where, "links an unknown annotation")
            continue
        text = texts.get(target["source"])
        if text is None:
            fail(where, f"no text for {target['source']}")
            continue
        selectors = {s["type"]: s for s in target["selector"]}
        position, quote = selectors["TextPositionSelector"], selectors["TextQuoteSelector"]
        start, end = position["start"], position["end"]
        expect_equal(where, code_point_slice(text, start, end, where), quote["exact"])
        if not (text[:start].endswith(quote["prefix"]) and text[end:].startswith(quote["suffix"])):
            fail(where, "prefix/suffix do not surround the quote")


def check_conll(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    previous = "O"
    for n, line in enumerate(lines, 1):
        where = f"{path} line {n}"
        if not line.strip():
            previous = "O"
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0]:
            fail(where, f"expected token<TAB>tag, got {line!r}")
            continue
        tag = fields[1]
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            fail(where, f"{tag} does not continue {previous}")
        elif tag != "O" and not tag.startswith(("B-", "I-")):
            fail(where, f"bad tag {tag!r}")
        if tag.startswith("B-"):
            checked["spans"] += 1
        previous = tag


CHECKERS = {".ann": check_brat, ".jsonl": check_jsonl, ".json": check_label_studio, ".jsonld": check_w3c, ".conll": check_conll}


def main():
    if len(sys.argv) != 2 or not os.path.isdir(sys.argv[1]):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    for root, dirs, files in os.walk(sys.argv[1]):
        dirs.sort()
        for name in sorted(files):
            checker = CHECKERS.get(os.path.splitext(name)[1].lower())
            if checker:
                checked["files"] += 1
                try:
                    checker(os.path.join(root, name))
                except (KeyError, ValueError, TypeError, IndexError) as e:
                    fail(os.path.join(root, name), f"unreadable: {e!r}")
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"check_offsets: {len(errors)} problems", file=sys.stderr)
        return 1
    if checked["spans"] == 0:
        print("check_offsets: no spans found; nothing was checked", file=sys.stderr)
        return 1
    print(f"check_offsets: {checked['spans']} spans in {checked['files']} files OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
