// Issue 18's "done when", as a curator meets it: three annotators' files of the same 20 documents
// (ann's doccano JSONL, bob's Label Studio JSON, cem's inkspan file — each naming its annotator)
// become three layers of each text; agreement() gives per label and per pair the span F1 counted
// here and Fleiss' kappa equal to statsmodels' on the tags of the CoNLL exports; then every
// disagreement of every document is settled by keyboard alone (F9, Enter, a take key per
// disagreement — the one with ann's version, which adjudication() lists — Enter on to the next
// document) and the gold layers export as a dataset equal to ann's spans.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { serveDist, launchBrowser, openApp, settle, press, state, mirrorCaughtUp } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const PEOPLE = ["Alice Martin", "Bruno Costa", "Chen Wei", "Dora Lind", "Emil Novak", "Farah Aziz", "Goran Ilic"];
const CITIES = ["Paris", "Lagos", "Quito", "Oslo", "Hanoi"];
const ORGS = ["Acme Corp", "Globex", "Initech", "Umbrella Group"];
const N = 20;

// Document k: its text and ann's spans ({start, end, label}); ASCII only, so Label Studio's UTF-16
// offsets are code points too.
function documentOf(k) {
  const p1 = PEOPLE[k % PEOPLE.length], p2 = PEOPLE[(k + 3) % PEOPLE.length];
  const city = CITIES[k % CITIES.length], org = ORGS[k % ORGS.length];
  const text = `Report ${k + 1}: ${p1} met ${p2} in ${city} for ${org} talks on trade.`;
  const at = (needle, label) => { const start = text.indexOf(needle); return { start, end: start + needle.length, label }; };
  return { text, ann: [at(p1, "PER"), at(p2, "PER"), at(city, "LOC"), at(org, "ORG")] };
}

// bob and cem differ from ann in known ways: a label conflict, a missing span, a longer extent, an
// extra span; some documents they agree on entirely.
function variant(doc, k, who) {
  let spans = doc.ann.map((s) => ({ ...s }));
  if (who === "bob") {
    if (k % 3 === 0) spans[2].label = "ORG";                 // the city as ORG
    if (k % 4 === 1) spans = spans.filter((_, i) => i !== 1); // no second person
  } else {
    if (k % 5 === 2) spans[0].end = doc.text.indexOf(" met") + 4;  // "Alice Martin met"
    if (k % 7 === 3) { const s = doc.text.indexOf("trade"); spans.push({ start: s, end: s + 5, label: "MISC" }); }
  }
  return spans;
}

const docs = Array.from({ length: N }, (_, k) => documentOf(k));
const spansOf = { ann: docs.map((d) => d.ann), bob: docs.map((d, k) => variant(d, k, "bob")), cem: docs.map((d, k) => variant(d, k, "cem")) };

const doccanoFile = () => docs.map((d) =>
  JSON.stringify({ text: d.text, label: d.ann.map((s) => [s.start, s.end, s.label]), meta: { annotator: "ann" } })).join("\n") + "\n";
const labelStudioFile = () => JSON.stringify(docs.map((d, k) => ({
  id: k + 1, data: { text: d.text },
  annotations: [{ id: 100 + k, completed_by: "bob", result: spansOf.bob[k].map((s, i) => ({
    id: `b${k}-${i}`, from_name: "label", to_name: "text", type: "labels",
    value: { start: s.start, end: s.end, text: d.text.slice(s.start, s.end), labels: [s.label] } })) }] })));
const inkspanFile = (schema) => JSON.stringify({ format: "inkspan", version: 1, schema, documents: docs.map((d, k) => ({
  id: `cem-${k + 1}`, name: `report-${k + 1}.txt`, text: d.text, status: "done", annotator: "cem",
  spans: spansOf.cem[k].map((s, i) => ({ id: `T${i + 1}`, ...s })), relations: [] })) });

async function importFile(page, name, contents) {
  const r = await page.evaluate(([n, c]) => window.inkspan.importFile(n, c), [name, contents]);
  assert.ok(r.ok && !r.pending, `${name}: ${r.message}`);
  await settle(page);
}

const statusText = async (page) => {
  await mirrorCaughtUp(page);
  return page.evaluate(() => document.getElementById("status").textContent);
};
const waitForStatus = (page, pattern) => page.waitForFunction(
  (src) => new RegExp(src).test(document.getElementById("status").textContent), pattern.source);

// Each token's tag in a CoNLL export: the label, or O (documents in corpus order).
const conllTags = (files) => Object.values(files).join("\n").split("\n")
  .filter((l) => l.trim() && !l.startsWith("-DOCSTART-"))
  .map((l) => { const tag = l.split("\t").at(-1); return tag === "O" ? "O" : tag.slice(2); });

// statsmodels' Fleiss' kappa, overall (every category) and per label (covered or not).
const fleissReference = (columns, categories) => JSON.parse(execFileSync("/usr/bin/python3", ["-c", `
import json, sys, math, warnings
import numpy as np
from statsmodels.stats.inter_rater import fleiss_kappa
cols, cats = json.load(sys.stdin)
def k(table):
    with warnings.catch_warnings(), np.errstate(divide="ignore", invalid="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        v = float(fleiss_kappa(np.array(table), method="fleiss"))
    return None if math.isnan(v) else v
rows = list(zip(*cols))
out = {"overall": k([[row.count(c) for c in cats] for row in rows]), "labels": {}}
for c in cats[:-1]:
    out["labels"][c] = k([[row.count(c), len(row) - row.count(c)] for row in rows])
print(json.dumps(out))
`], { input: JSON.stringify([columns, categories]) }).toString());

test("curator: three annotators' files of 20 documents → agreement per label (statsmodels' Fleiss) → every disagreement settled by keyboard → the gold dataset exports", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  const schema = (await state(page)).schema;
  await importFile(page, "ann.jsonl", doccanoFile());
  await importFile(page, "bob.json", labelStudioFile());
  await importFile(page, "cem.inkspan.json", inkspanFile(schema));

  // Three layers of each text, matched by the text.
  const all = (await state(page)).documents;
  const bases = docs.map((d) => all.find((x) => !x.layer_of && x.text === d.text));
  assert.ok(bases.every(Boolean), "each text is here once as a document");
  for (const [k, base] of bases.entries()) {
    const group = all.filter((x) => x.id === base.id || x.layer_of === base.id).map((x) => x.annotator).sort();
    assert.deepEqual(group, ["ann", "bob", "cem"], `document ${k + 1}`);
  }

  // Agreement per pair and per label: exact span F1 counted here.
  const r = await page.evaluate(() => window.inkspan.agreement(null, ["ann", "bob", "cem"]));
  assert.equal(r.error, undefined, r.error);
  assert.equal(r.documents.length, N);
  const key = (s) => `${s.start}|${s.end}|${s.label}`;
  const close = (got, want, what) => {
    if (want === null) assert.equal(got, null, what);
    else assert.ok(Math.abs(got - want) <= 1e-9, `${what}: ${got} vs ${want}`);
  };
  for (const pair of r.pairs) {
    for (const label of [null, ...r.labels]) {
      let a = 0, b = 0, matched = 0;
      for (let k = 0; k < N; k++) {
        const pick = (who) => spansOf[who][k].filter((s) => label === null || s.label === label);
        const A = pick(pair.a), B = new Set(pick(pair.b).map(key));
        a += A.length; b += B.size; matched += A.filter((s) => B.has(key(s))).length;
      }
      const got = label === null ? pair.spans.exact.overall : pair.spans.exact.labels[label];
      const what = `${pair.a}/${pair.b} ${label ?? "overall"}`;
      assert.deepEqual([got.a, got.b, got.matched], [a, b, matched], what);
      close(got.f1, a + b === 0 ? null : 2 * matched / (a + b), `${what} F1`);
    }
  }
  // Fleiss' kappa (three annotators) against statsmodels, on each annotator's CoNLL tags.
  const columns = [];
  for (const who of ["ann", "bob", "cem"]) columns.push(conllTags(await page.evaluate((w) => window.inkspan.exportAs("conll", "", w), who)));
  assert.ok(columns.every((c) => c.length === columns[0].length && c.length > 0));
  assert.equal(r.fleiss_kappa.tokens, columns[0].length);
  const ref = fleissReference(columns, [...r.labels, "O"]);
  close(r.fleiss_kappa.overall, ref.overall, "Fleiss' kappa");
  for (const label of r.labels) close(r.fleiss_kappa.labels[label], ref.labels[label], `Fleiss' kappa ${label}`);

  // Adjudicate every document by keyboard: F9 on the open one, Enter creates its gold layer; a key
  // settles each disagreement (ann's version, else 0); once all are settled Enter goes on to the next document
  // (the same annotators and quorum), Enter starts it.
  await press(page, "F9");
  await press(page, "Enter");
  let visited = 1, takes = 0;
  for (let guard = 0; guard < 200; guard++) {
    const status = await statusText(page);
    if (/Every document with two annotators' layers has a gold layer/.test(status)) break;
    if (/^Every disagreement is settled|nothing to settle/.test(status)) {
      assert.match(status, /Enter: adjudicate ".*" next \(\d+ documents? left\)/);
      await press(page, "Enter");
      await waitForStatus(page, /^Adjudicate ".*": the same annotators/);
      await press(page, "Enter");
      visited++;
      continue;
    }
    // The curator sides with ann: the option ann is among, else neither.
    const adj = await page.evaluate(() => window.inkspan.adjudication());
    assert.equal(adj.phase, "steps", status);
    const step = adj.steps[adj.current];
    assert.equal(step.settled, false);
    const option = step.options.findIndex((o) => o.annotators.includes("ann"));
    await press(page, option < 0 ? "0" : String(option + 1));
    takes++;
  }
  assert.equal(visited, N, "every document adjudicated, each once");
  assert.ok(takes > 0);

  // The gold dataset: one gold layer per text, equal to ann's spans (every take was hers), each
  // span with who agreed with it.
  const files = await page.evaluate(() => window.inkspan.exportAs("inkspan", "", "gold"));
  const exported = JSON.parse(Object.values(files)[0]).documents;
  assert.equal(exported.length, N);
  for (const [k, d] of docs.entries()) {
    const gold = exported.find((x) => x.text === d.text);
    assert.ok(gold, `gold of document ${k + 1}`);
    assert.deepEqual(gold.spans.map(key).sort(), d.ann.map(key).sort(), `document ${k + 1}`);
    for (const s of gold.spans) {
      const agreed = ["ann", "bob", "cem"].filter((who) => spansOf[who][k].some((x) => key(x) === key(s)));
      assert.deepEqual([...(s.agreed_by || [])].sort(), agreed, `who agreed with ${key(s)} in document ${k + 1}`);
    }
  }
  assert.deepEqual(errors, []);
  await ctx.close();
});
