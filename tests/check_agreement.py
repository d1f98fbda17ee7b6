#!/usr/bin/python3
"""Checks every agreement figure Inkspan computes against independent implementations.

Usage: /usr/bin/python3 tests/check_agreement.py REPORT_DIR

REPORT_DIR holds what the doctest case "agreement: write the fixture reports for the Python check"
writes (scripts/test.sh runs it): one report per selection of annotators and documents
(<name>.json, as agreement_json writes it, and <name>.csv) and tokens.json (each document's
tokens from Inkspan's tokenizer, [start, end) in code points). The annotations themselves are
read here from tests/fixtures/agreement/*.inkspan.json, grouped by exact text like the C++ does,
and every figure is recomputed from them:
  - the tag of each token (the outermost span over it, or "O") and its label set, in Python;
  - Cohen's kappa and the confusion matrix with scikit-learn (cohen_kappa_score, confusion_matrix);
  - Fleiss' kappa with statsmodels (fleiss_kappa);
  - Krippendorff's alpha with NLTK (AnnotationTask(...).alpha(), binary distance = nominal);
  - the largest one-to-one overlap pairing with SciPy (maximum_bipartite_matching);
  - exact-match and relation counts with Counter intersections, precision/recall/F1 from them.
Figures must agree to 1e-9; counts exactly; an undefined figure (null) only where the reference
formula divides by zero. The CSV must say the same as the JSON. Needs Debian's python3-sklearn,
python3-statsmodels and python3-nltk (scripts/setup.sh), hence Debian's interpreter.
Exits 1 with one message per mismatch; 0 with a summary.
"""
import csv
import glob
import json
import math
import os
import sys
import warnings
from collections import Counter

import numpy as np
from nltk.metrics.agreement import AnnotationTask
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching
from sklearn.metrics import cohen_kappa_score, confusion_matrix
from statsmodels.stats.inter_rater import fleiss_kappa

TOLERANCE = 1e-9
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "agreement")
errors = []
checked = Counter()


def fail(where, message):
    errors.append(f"{where}: {message}")


def same_figure(where, got, expected):
    """got: a JSON number or None; expected: a float (nan/inf when the reference divides by zero)."""
    checked["figures"] += 1
    undefined = expected is None or not math.isfinite(expected)
    if got is None:
        if not undefined:
            fail(where, f"Inkspan says undefined, the reference says {expected!r}")
    elif undefined:
        fail(where, f"Inkspan says {got!r}, the reference is undefined ({expected!r})")
    elif abs(got - expected) > TOLERANCE:
        fail(where, f"Inkspan says {got!r}, the reference {expected!r} (difference {abs(got - expected):.3g})")


def same_count(where, got, expected):
    checked["counts"] += 1
    if got != expected:
        fail(where, f"Inkspan counts {got!r}, expected {expected!r}")


# ---- the fixtures, grouped by exact text (the first copy names the document)

def load_documents():
    schema, documents, by_text = None, [], {}
    for path in sorted(glob.glob(os.path.join(FIXTURES, "*.inkspan.json"))):
        with open(path, encoding="utf-8") as f:
            corpus = json.load(f)
        schema = schema or corpus["schema"]
        for doc in corpus["documents"]:
            if doc["text"] not in by_text:
                by_text[doc["text"]] = {"id": doc["id"], "text": doc["text"], "layers": {}}
                documents.append(by_text[doc["text"]])
            spans = {s["id"]: (s["start"], s["end"], s["label"]) for s in doc["spans"]}
            by_text[doc["text"]]["layers"][doc["annotator"]] = {
                "spans": list(spans.values()),
                "relations": [(r["type"], spans[r["head"]], spans[r["tail"]]) for r in doc["relations"]],
            }
    return schema, documents


def ordered(used, order):
    return [n for n in order if n in used] + sorted(used - set(order))


def tag_of(layer, token):
    """The label of the outermost span over the token (longest, earliest, first label), or "O"."""
    start, end = token
    over = [s for s in layer["spans"] if s[0] < end and s[1] > start]
    if not over:
        return "O"
    return min(over, key=lambda s: (-(s[1] - s[0]), s[0], s[2].encode("utf-8")))[2]


def labels_over(layer, token):
    start, end = token
    return {s[2] for s in layer["spans"] if s[0] < end and s[1] > start}


def overlap_pairs(a, b):
    """The largest one-to-one pairing of same-label overlapping spans (SciPy)."""
    total = 0
    for label in {s[2] for s in a} & {s[2] for s in b}:
        la = [s for s in a if s[2] == label]
        lb = [s for s in b if s[2] == label]
        edges = np.array([[1 if x[0] < y[1] and y[0] < x[1] else 0 for y in lb] for x in la])
        matching = maximum_bipartite_matching(csr_matrix(edges), perm_type="column")
        total += int(np.sum(matching >= 0))
    return total


def exact_pairs(a, b):
    return sum((Counter(a) & Counter(b)).values())


def normalised(relations, undirected):
    out = []
    for kind, head, tail in relations:
        if kind in undirected and tail < head:
            head, tail = tail, head
        out.append((kind, head, tail))
    return out


def check_counts(where, got, a, b, matched):
    same_count(where + ".a", got["a"], a)
    same_count(where + ".b", got["b"], b)
    same_count(where + ".matched", got["matched"], matched)
    same_figure(where + ".precision", got["precision"], matched / b if b else None)
    same_figure(where + ".recall", got["recall"], matched / a if a else None)
    same_figure(where + ".f1", got["f1"], 2 * matched / (a + b) if a + b else None)


def check_table(where, got, names, key, per_document, match):
    """per_document: [(items of a, items of b)], items carrying their category at `key`."""
    rows = {n: [0, 0, 0] for n in names}
    overall = [0, 0, 0]
    for items_a, items_b in per_document:
        for name in names:
            sa = [x for x in items_a if x[key] == name]
            sb = [x for x in items_b if x[key] == name]
            m = match(sa, sb)
            for row in (rows[name], overall):
                row[0] += len(sa)
                row[1] += len(sb)
                row[2] += m
    check_counts(where + ".overall", got["overall"], *overall)
    group = "types" if key == 0 else "labels"
    if list(got[group]) != names:
        fail(where, f"{group} {list(got[group])} != {names}")
    for name in names:
        check_counts(f"{where}.{group}.{name}", got[group][name], *rows[name])


def kappa(first, second):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return float(cohen_kappa_score(first, second))


def fleiss(table):
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return float(fleiss_kappa(np.array(table), method="fleiss"))


def alpha(data):
    """NLTK's alpha, or None where the formula divides by zero (no variation among pairable values)."""
    by_item = {}
    for coder, item, value in data:
        by_item.setdefault(item, []).append(value)
    pairable = {v for values in by_item.values() if len(values) >= 2 for v in values}
    if len(pairable) < 2:
        return None  # NLTK answers 1 (or divides by zero) here; Inkspan says undefined
    return float(AnnotationTask(data=data).alpha())


# ---- one report

def check_report(name, report, schema, documents, tokens):
    where = name
    annotators = report["annotators"]
    by_id = {d["id"]: d for d in documents}
    chosen = [by_id[i] for i in report["documents"]]
    undirected = {t["name"] for t in schema["relations"] if not t.get("directed", True)}
    used_labels = {s[2] for d in chosen for a in annotators if a in d["layers"] for s in d["layers"][a]["spans"]}
    used_types = {r[0] for d in chosen for a in annotators if a in d["layers"] for r in d["layers"][a]["relations"]}
    labels = ordered(used_labels, [e["name"] for e in schema["entities"]])
    types = ordered(used_types, [t["name"] for t in schema["relations"]])
    if report["labels"] != labels:
        fail(where, f"labels {report['labels']} != {labels}")
    if report["relation_types"] != types:
        fail(where, f"relation types {report['relation_types']} != {types}")
    if report["outside_tag"] != "O" or report["outside_counted"] is not True:
        fail(where, "the report must say that the outside tag \"O\" is counted")
    categories = labels + ["O"]

    def tags(doc, annotator):
        layer = doc["layers"][annotator]
        return [tag_of(layer, t) for t in tokens[doc["id"]]]

    def covered(doc, annotator, label):
        layer = doc["layers"][annotator]
        return [label in labels_over(layer, t) for t in tokens[doc["id"]]]

    pairs = [(i, j) for i in range(len(annotators)) for j in range(i + 1, len(annotators))]
    if len(report["pairs"]) != len(pairs):
        fail(where, f"{len(report['pairs'])} pairs, expected {len(pairs)}")
        return
    for (i, j), got in zip(pairs, report["pairs"]):
        a, b = annotators[i], annotators[j]
        at = f"{where}.pairs[{a},{b}]"
        if (got["a"], got["b"]) != (a, b):
            fail(at, f"pair is {got['a']},{got['b']}")
        both = [d for d in chosen if a in d["layers"] and b in d["layers"]]
        same_count(at + ".documents", got["documents"], len(both))
        same_count(at + ".tokens", got["tokens"], sum(len(tokens[d["id"]]) for d in both))
        spans = [(d["layers"][a]["spans"], d["layers"][b]["spans"]) for d in both]
        check_table(at + ".spans.exact", got["spans"]["exact"], labels, 2, spans, exact_pairs)
        check_table(at + ".spans.overlap", got["spans"]["overlap"], labels, 2, spans, overlap_pairs)
        relations = [(normalised(d["layers"][a]["relations"], undirected), normalised(d["layers"][b]["relations"], undirected))
                     for d in both]
        check_table(at + ".relations", got["relations"], types, 0, relations, exact_pairs)

        ya = [t for d in both for t in tags(d, a)]
        yb = [t for d in both for t in tags(d, b)]
        same_figure(at + ".cohen_kappa.overall", got["cohen_kappa"]["overall"], kappa(ya, yb))
        for label in labels:
            qa = [x for d in both for x in covered(d, a, label)]
            qb = [x for d in both for x in covered(d, b, label)]
            same_figure(f"{at}.cohen_kappa.labels.{label}", got["cohen_kappa"]["labels"][label], kappa(qa, qb))
        if got["confusion"]["categories"] != categories:
            fail(at, f"confusion categories {got['confusion']['categories']} != {categories}")
        expected = confusion_matrix(ya, yb, labels=categories).tolist() if ya else [[0] * len(categories)] * len(categories)
        same_count(at + ".confusion.counts", got["confusion"]["counts"], expected)

    full = [d for d in chosen if all(a in d["layers"] for a in annotators)]
    if len(annotators) >= 3:
        got = report["fleiss_kappa"]
        same_count(where + ".fleiss_kappa.documents", got["documents"], len(full))
        same_count(where + ".fleiss_kappa.tokens", got["tokens"], sum(len(tokens[d["id"]]) for d in full))
        per_token = [[tags(d, a) for a in annotators] for d in full]
        table = [[sum(1 for col in doc if col[k] == c) for c in categories] for doc in per_token for k in range(len(doc[0]))]
        same_figure(where + ".fleiss_kappa.overall", got["overall"], fleiss(table))
        for label in labels:
            per_token = [[covered(d, a, label) for a in annotators] for d in full]
            table = [[sum(col[k] for col in doc), sum(not col[k] for col in doc)] for doc in per_token for k in range(len(doc[0]))]
            same_figure(f"{where}.fleiss_kappa.labels.{label}", got["labels"][label], fleiss(table))
    elif report["fleiss_kappa"] is not None:
        fail(where, "Fleiss' kappa given for fewer than three annotators")

    # Krippendorff's alpha: every chosen document, every annotator who has a layer on it.
    got = report["krippendorff_alpha"]
    pairable = [d for d in chosen if sum(a in d["layers"] for a in annotators) >= 2]
    same_count(where + ".krippendorff_alpha.documents", got["documents"], len(pairable))
    same_count(where + ".krippendorff_alpha.units", got["units"], sum(len(tokens[d["id"]]) for d in pairable))
    same_count(where + ".krippendorff_alpha.values", got["values"],
               sum(len(tokens[d["id"]]) * sum(a in d["layers"] for a in annotators) for d in pairable))
    data = [(a, f"{d['id']}#{k}", t) for d in chosen for a in annotators if a in d["layers"] for k, t in enumerate(tags(d, a))]
    same_figure(where + ".krippendorff_alpha.overall", got["overall"], alpha(data))
    for label in labels:
        data = [(a, f"{d['id']}#{k}", "yes" if x else "no") for d in chosen for a in annotators if a in d["layers"]
                for k, x in enumerate(covered(d, a, label))]
        same_figure(f"{where}.krippendorff_alpha.labels.{label}", got["labels"][label], alpha(data))
    checked["reports"] += 1


def check_csv(name, report, path):
    """The CSV must give the same figures as the JSON (rows keyed by measure, annotators, labels)."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = {(r["measure"], r["annotator_a"], r["annotator_b"], r["label"], r["label_b"]): r["value"]
                for r in csv.DictReader(f)}

    def expect(key, value):
        checked["csv"] += 1
        if key not in rows:
            fail(f"{name}.csv", f"no row {key}")
        elif value is None:
            if rows[key] != "":
                fail(f"{name}.csv", f"{key}: {rows[key]!r}, expected an empty cell")
        elif rows[key] == "" or float(rows[key]) != value:
            fail(f"{name}.csv", f"{key}: {rows[key]!r}, the JSON says {value!r}")

    for p in report["pairs"]:
        a, b = p["a"], p["b"]
        for prefix, table, group in (("span_exact", p["spans"]["exact"], "labels"),
                                     ("span_overlap", p["spans"]["overlap"], "labels"),
                                     ("relation", p["relations"], "types")):
            for label, counts in [("", table["overall"])] + list(table[group].items()):
                for field in ("a", "b", "matched", "precision", "recall", "f1"):
                    expect((f"{prefix}_{field}", a, b, label, ""), counts[field])
        for label, value in [("", p["cohen_kappa"]["overall"])] + list(p["cohen_kappa"]["labels"].items()):
            expect(("cohen_kappa", a, b, label, ""), value)
        categories = p["confusion"]["categories"]
        for i, row in enumerate(p["confusion"]["counts"]):
            for j, n in enumerate(row):
                expect(("confusion", a, b, categories[i], categories[j]), n)
    for measure, part in (("fleiss_kappa", report["fleiss_kappa"]), ("krippendorff_alpha", report["krippendorff_alpha"])):
        if part is None:
            continue
        for label, value in [("", part["overall"])] + list(part["labels"].items()):
            expect((measure, "", "", label, ""), value)


def main():
    if len(sys.argv) != 2:
        print(__doc__.splitlines()[2], file=sys.stderr)
        return 2
    folder = sys.argv[1]
    schema, documents = load_documents()
    with open(os.path.join(folder, "tokens.json"), encoding="utf-8") as f:
        tokens = {k: [tuple(t) for t in v] for k, v in json.load(f).items()}
    for d in documents:
        spans = tokens.get(d["id"])
        if spans is None:
            fail("tokens.json", f"no tokens for {d['id']}")
            continue
        for (start, end), (next_start, _) in zip(spans, spans[1:] + [(len(d["text"]), 0)]):
            if not (0 <= start < end <= next_start <= len(d["text"])) or d["text"][start:end].strip() != d["text"][start:end]:
                fail("tokens.json", f"{d['id']}: token [{start}, {end}) is not a token of the text")
    reports = sorted(p for p in glob.glob(os.path.join(folder, "*.json")) if os.path.basename(p) != "tokens.json")
    if not reports:
        fail(folder, "no reports to check")
    for path in reports:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            report = json.load(f)
        check_report(name, report, schema, documents, tokens)
        check_csv(name, report, os.path.splitext(path)[0] + ".csv")
    if errors:
        print("\n".join(errors))
        print(f"check_agreement: {len(errors)} mismatches", file=sys.stderr)
        return 1
    print(f"check_agreement: {checked['reports']} reports, {checked['figures']} figures and {checked['counts']} counts "
          f"agree with scikit-learn, statsmodels, NLTK and SciPy (to {TOLERANCE:g}); {checked['csv']} CSV cells agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
