// The synthetic benchmark corpus in JavaScript: the same generator as tests/bench/synthetic.cpp
// (same word pools, same mulberry32 numbers, same order of draws), so for the same seed the text,
// spans and relations are the native bench's, and its "text fnv1a" matches. Output: inkspan JSON
// laid out as the app writes it: byte for byte the file `inkspan_bench --write-json` writes.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const pools = JSON.parse(fs.readFileSync(path.join(here, "synthetic_words.json"), "utf8"));

// core/schema.cpp default_news_schema(): the labels and relation types the generator uses.
export const newsSchema = {
  entities: [
    { name: "PER", color: "#4e79a7", hotkey: "p", description: "Person" },
    { name: "ORG", color: "#f28e2b", hotkey: "o", description: "Organisation" },
    { name: "LOC", color: "#59a14f", hotkey: "l", description: "Location: place, city, country" },
    { name: "DATE", color: "#b07aa1", hotkey: "d", description: "Date or time expression" },
    { name: "MISC", color: "#76b7b2", hotkey: "m", description: "Other named entity" },
  ],
  relations: [
    { name: "meets", head: ["PER"], tail: ["PER"], directed: true },
    { name: "member_of", head: ["PER"], tail: ["ORG"], directed: true },
    { name: "located_in", head: ["ORG", "PER", "LOC"], tail: ["LOC"], directed: true },
  ],
  allow_crossing_spans: true,
};

export function mulberry32(seed) {
  let a = seed | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return { next, below: (n) => next() % n };
}

export const codePoints = (s) => { let n = 0; for (const _ of s) n++; return n; };

// One document: {doc (inkspan JSON object), fillers: [[start, end], ...] of unannotated words}.
export function makeDocument(id, name, seed, sentences) {
  const rng = mulberry32(seed);
  const pick = (pool) => pool[rng.below(pool.length)];
  const parts = [];
  let cp = 0;
  const append = (s) => { parts.push(s); cp += codePoints(s); };
  const spans = [], relations = [], fillers = [];
  let nextT = 1, nextR = 1;
  const addSpan = (start, end, label, text) => {
    const sid = "T" + nextT++;
    spans.push({ id: sid, start, end, label, text });
    return sid;
  };
  let prevPer = "";
  let paraLeft = 4 + rng.below(6);
  for (let i = 0; i < sentences; i++) {
    if (i > 0) {
      if (paraLeft === 0) { append("\n\n"); paraLeft = 4 + rng.below(6); } else append(" ");
    }
    paraLeft--;
    const tpl = pick(pools.templates);
    let per = "", org = "", orgLoc = "";
    for (const piece of tpl.split(/(\{\w+\})/)) {
      if (!piece) continue;
      if (!piece.startsWith("{")) { append(piece); continue; }
      const slot = piece.slice(1, -1);
      const a = cp;
      if (slot === "f") {
        const w = pick(pools.filler);
        append(w);
        fillers.push([a, cp]);
      } else if (slot === "x") {
        if (rng.below(4) === 0) append(" " + pick(pools.exotic));
      } else if (slot === "PER") {
        const s = pick(pools.first) + " " + pick(pools.last);
        append(s);
        const sid = addSpan(a, cp, "PER", s);
        if (!per) per = sid;
      } else if (slot === "ORG") {
        const prefix = pick(pools.org_prefix) + " ";
        append(prefix);
        const b = cp, city = pick(pools.city);
        append(city);
        org = addSpan(a, cp, "ORG", prefix + city);
        orgLoc = addSpan(b, cp, "LOC", city);
      } else if (slot === "LOC") {
        const s = pick(pools.city);
        append(s);
        addSpan(a, cp, "LOC", s);
      } else if (slot === "DATE") {
        const day = String(1 + rng.below(28)), month = pick(pools.month), year = String(1990 + rng.below(35));
        const s = day + " " + month + " " + year;
        append(s);
        addSpan(a, cp, "DATE", s);
      } else if (slot === "MISC") {
        append("\u00AB\u00A0");
        const b = cp, title = pick(pools.title);
        append(title);
        addSpan(b, cp, "MISC", title);
        append("\u00A0\u00BB");
      } else {
        throw new Error("unknown template slot " + piece);
      }
    }
    const r = rng.below(3);
    const rel = (type, head, tail) => relations.push({ id: "R" + nextR++, type, head, tail });
    if (i % 5 === 4 && prevPer) rel("meets", per, prevPer);
    else if (r === 0) rel("member_of", per, org);
    else if (r === 1) rel("located_in", org, orgLoc);
    else rel("located_in", per, orgLoc);
    prevPer = per;
  }
  const status = seed % 3 === 0 ? "done" : seed % 3 === 1 ? "in_progress" : "new";
  const doc = { id, name, text: parts.join(""), status, annotator: "", created: "2024-01-01T00:00:00Z",
                modified: "2024-01-01T00:00:00Z", spans, relations };
  return { doc, fillers };
}

// The inkspan JSON text, laid out as core/inkspan_json_write.cpp writes it (2-space indent, one
// span or relation per line), so a file is as large as the app's own export of it.
export function inkspanJson(documents) {
  const j = JSON.stringify;
  const obj = (o) => "{" + Object.entries(o).map(([k, v]) => j(k) + ": " + (Array.isArray(v) ? "[" + v.map(j).join(", ") + "]" : j(v))).join(", ") + "}";
  const list = (items, indent) => items.length
    ? "[\n" + items.map((x) => indent + "  " + obj(x)).join(",\n") + "\n" + indent + "]"
    : "[]";
  const out = ["{", '  "format": "inkspan",', '  "version": 1,', '  "schema": {',
               '    "entities": ' + list(newsSchema.entities, "    ") + ",",
               '    "relations": ' + list(newsSchema.relations, "    ") + ",",
               '    "allow_crossing_spans": true', "  },"];
  out.push('  "documents": [' + (documents.length ? "" : "]"));
  documents.forEach((d, i) => {
    out.push("    {");
    for (const k of ["id", "name", "text", "status", "annotator", "created", "modified"]) out.push(`      ${j(k)}: ${j(d[k] ?? "")},`);
    out.push('      "spans": ' + list(d.spans, "      ") + ",");
    out.push('      "relations": ' + list(d.relations, "      "));
    out.push("    }" + (i + 1 < documents.length ? "," : ""));
  });
  if (documents.length) out.push("  ]");
  out.push("}");
  return out.join("\n") + "\n";
}

// The 1 MB document (seed 42, as the native bench) as an inkspan JSON string.
export function bigDocument(sentences) {
  const { doc, fillers } = makeDocument("big", "synthetic-novel.fr.txt", 42, sentences);
  return { json: inkspanJson([doc]), doc, fillers };
}

// The many-document corpus: "doc0001".. with seeds 1000 + i, as the native bench.
export function corpus(documents, sentences) {
  const docs = [];
  for (let i = 0; i < documents; i++) {
    const n = String(i + 1).padStart(4, "0");
    docs.push(makeDocument("doc" + n, "synthetic-" + n + ".fr.txt", 1000 + i, sentences).doc);
  }
  return inkspanJson(docs);
}

export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) { h ^= b; h = Math.imul(h, 16777619) >>> 0; }
  return h >>> 0;
}
