// The brat-shaped benchmark document of issue 16, generated deterministically: brat's own benchmark
// shape — one sentence per line, ~20 words a sentence, 5 entity spans (one ORG with a nested LOC)
// and 1 relation per sentence — as brat standoff files: `<name>.txt`, `<name>.ann` (character
// offsets = code points) and `annotation.conf`. Same word pools and PRNG as synthetic.mjs, Latin words
// only: French with accents and « », no other script (like brat's English benchmark). The same
// document can be written in Arabic or in Chinese (`script`): every letter replaced by one letter of
// that script (accented letters by their base letter's), so the text has the same length, lines
// and spans in code points, and the page must fetch that script's fonts, shape it (Arabic) and lay
// it out right to left (Arabic) or by character (Chinese).
//
//   node tests/bench/brat_document.mjs 1000 DIR [latin|arabic|chinese]
//                                                  writes DIR/brat-1000.txt, .ann and annotation.conf
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { pools as allPools, mulberry32, codePoints, newsSchema } from "./synthetic.mjs";

// The pools' Latin words only (the Greek, Cyrillic and CJK names would fetch fonts: another measure).
const latin = (w) => [...w].every((c) => c.codePointAt(0) <= 0x24f || "’«»\u00a0".includes(c));
const pools = Object.fromEntries(Object.entries(allPools).map(([k, v]) => [k, Array.isArray(v) ? v.filter(latin) : v]));

// a–z as the 26 most common Arabic letters (as tests/bench/bench_scripts.cpp), and as 26 common
// Chinese characters.
const letters = {
  arabic: [..."ابتديفجهنخكلمسعرقشوزطذصضظغ"],
  chinese: [..."的一是不了人我在有他这中大来上国个到说们为子和你地出"],
};
// One code point for one: a letter (accents dropped) becomes the script's; anything else stays.
function transliterate(text, script) {
  if (script === "latin") return text;
  const table = letters[script];
  if (!table) throw new Error(`unknown script ${script} (latin, arabic, chinese)`);
  return [...text].map((c) => {
    const base = c.normalize("NFD")[0].toLowerCase();
    return base >= "a" && base <= "z" ? table[base.charCodeAt(0) - 97] : c;
  }).join("");
}

const kLeadingFillers = 6;  // words before each template sentence, to reach ~20 words a line

// {name, txt, ann, conf, spans, relations}: `sentences` lines of text, 5 spans and 1 relation each.
export function bratDocument(sentences, seed = 7, script = "latin") {
  const rng = mulberry32(seed);
  const pick = (pool) => pool[rng.below(pool.length)];
  let text = "", cp = 0;
  const append = (s) => { text += s; cp += codePoints(s); };
  const spans = [], relations = [];
  const addSpan = (start, end, label, covered) => {
    const id = "T" + (spans.length + 1);
    spans.push({ id, start, end, label, covered });
    return id;
  };
  let prevPer = "";
  for (let i = 0; i < sentences; i++) {
    const lead = [];
    for (let k = 0; k < kLeadingFillers; k++) lead.push(pick(pools.filler));
    append(lead.join(" ") + ", ");
    let per = "", org = "", orgLoc = "";
    for (const piece of pick(pools.templates).split(/(\{\w+\})/)) {
      if (!piece) continue;
      if (!piece.startsWith("{")) { append(piece); continue; }
      const slot = piece.slice(1, -1), a = cp;
      if (slot === "f") append(pick(pools.filler));
      else if (slot === "x") continue;  // Latin only, like brat's (English) benchmark: no font fetch in the figures
      else if (slot === "PER") {
        const s = pick(pools.first) + " " + pick(pools.last);
        append(s);
        const id = addSpan(a, cp, "PER", s);
        if (!per) per = id;
      } else if (slot === "ORG") {
        const prefix = pick(pools.org_prefix) + " ", city = pick(pools.city);
        append(prefix);
        const b = cp;
        append(city);
        org = addSpan(a, cp, "ORG", prefix + city);
        orgLoc = addSpan(b, cp, "LOC", city);
      } else if (slot === "LOC") {
        const s = pick(pools.city);
        append(s);
        addSpan(a, cp, "LOC", s);
      } else if (slot === "DATE") {
        const s = `${1 + rng.below(28)} ${pick(pools.month)} ${1990 + rng.below(35)}`;
        append(s);
        addSpan(a, cp, "DATE", s);
      } else if (slot === "MISC") {
        append("\u00AB\u00A0");
        const b = cp, title = pick(pools.title);
        append(title);
        addSpan(b, cp, "MISC", title);
        append("\u00A0\u00BB");
      } else throw new Error("unknown template slot " + piece);
    }
    append("\n");
    const r = rng.below(3);
    const rel = (type, head, tail) => relations.push({ id: "R" + (relations.length + 1), type, head, tail });
    if (i % 5 === 4 && prevPer) rel("meets", per, prevPer);
    else if (r === 0) rel("member_of", per, org);
    else if (r === 1) rel("located_in", org, orgLoc);
    else rel("located_in", per, orgLoc);
    prevPer = per;
  }
  text = transliterate(text, script);
  const ann = spans.map((s) => `${s.id}\t${s.label} ${s.start} ${s.end}\t${transliterate(s.covered, script)}\n`).join("") +
              relations.map((r) => `${r.id}\t${r.type} Arg1:${r.head} Arg2:${r.tail}\n`).join("");
  const conf = ["[entities]", ...newsSchema.entities.map((e) => e.name), "[relations]",
                ...newsSchema.relations.map((r) => `${r.name}\tArg1:${r.head.join("|")}, Arg2:${r.tail.join("|")}`),
                "[events]", "[attributes]", ""].join("\n");
  const name = script === "latin" ? `brat-${sentences}` : `brat-${sentences}-${script}`;
  return { name, txt: text, ann, conf, spans: spans.length, relations: relations.length };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [sentences, dir, script = "latin"] = [Number(process.argv[2]), process.argv[3], process.argv[4]];
  if (!(sentences > 0) || !dir) {
    console.error("usage: node tests/bench/brat_document.mjs SENTENCES DIR [latin|arabic|chinese]");
    process.exit(2);
  }
  const d = bratDocument(sentences, 7, script);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, d.name + ".txt"), d.txt);
  fs.writeFileSync(path.join(dir, d.name + ".ann"), d.ann);
  fs.writeFileSync(path.join(dir, "annotation.conf"), d.conf);
  console.log(`${dir}/${d.name}.txt: ${Buffer.byteLength(d.txt)} bytes, ${sentences} lines, ${d.spans} spans, ${d.relations} relations`);
}
