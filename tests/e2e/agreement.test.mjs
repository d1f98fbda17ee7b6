// Agreement between annotators in the page (issue 18): two annotators' inkspan files of the sample
// article imported (Keep both), the Agreement window opened by keyboard (F8), window.inkspan.agreement()
// checked against independent references, and the CSV and HTML reports downloaded by keyboard.
// References: Cohen's kappa (overall and per label) and the confusion matrix by scikit-learn
// (Debian's /usr/bin/python3) on the token tags of each annotator's copy as the app's CoNLL export
// gives them (our tokens, the outermost span's label or O; the spans here neither nest nor cross,
// so the CoNLL tags are exactly the tags agreement counts); span and relation F1 counted here.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp, settle, press, state, rangeOf, waitForFrames } from "./harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const text = fs.readFileSync(path.join(root, "assets/istanbul-talks.fr.txt"), "utf8");  // = samples/istanbul-talks.fr.txt

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

// [needle, label, nth occurrence]
const annMarks = [["Alexandre Darchiev", "PER"], ["Sonata Coulter", "PER"], ["Istanbul", "LOC"], ["Russie", "LOC"],
                  ["ministère des Affaires étrangères", "ORG"], ["2016-2018", "DATE"], ["Moscou", "LOC"]];
const bobMarks = [["Alexandre Darchiev", "PER"], ["Sonata Coulter", "PER"], ["Istanbul", "LOC"], ["Russie", "ORG"],
                  ["Affaires étrangères", "ORG"], ["jeudi", "DATE"], ["Washington", "LOC"], ["Istanbul", "LOC", 1]];

// One annotator's copy of the article as an inkspan file, with "meets" from the first span to the second.
function layerFile(schema, annotator, marks) {
  const spans = marks.map(([needle, label, nth], i) => {
    const r = rangeOf(text, needle, nth || 0);
    return { id: `T${i + 1}`, start: r.start, end: r.end, label, text: needle };
  });
  const doc = { id: `${annotator}-1`, name: "istanbul-talks.fr.txt", text, status: "in_progress", annotator, spans,
                relations: [{ id: "R1", type: "meets", head: "T1", tail: "T2" }] };
  return JSON.stringify({ format: "inkspan", version: 1, schema, documents: [doc] });
}

// The file's text is already here (the sample) and its annotator is new to it: their layer, no question.
async function importLayer(page, name, contents) {
  const r = await page.evaluate(([n, c]) => window.inkspan.importFile(n, c), [name, contents]);
  assert.ok(r.ok && !r.pending, r.message);
  await settle(page);
}

// Each token's tag in a CoNLL export (one document): the label, or O.
const conllTags = (files) => Object.values(files)[0].split("\n")
  .filter((l) => l.trim() && !l.startsWith("-DOCSTART-"))
  .map((l) => { const tag = l.split("\t").at(-1); return tag === "O" ? "O" : tag.slice(2); });

const reference = (a, b, categories) => JSON.parse(execFileSync("/usr/bin/python3", ["-c", `
import json, sys, math
from sklearn.metrics import cohen_kappa_score, confusion_matrix
a, b, cats = json.load(sys.stdin)
k = lambda x, y: (lambda v: None if math.isnan(v) else v)(cohen_kappa_score(x, y))
out = {"overall": k(a, b), "labels": {}, "confusion": confusion_matrix(a, b, labels=cats).tolist()}
for c in cats[:-1]:
    out["labels"][c] = k([t == c for t in a], [t == c for t in b])
print(json.dumps(out))
`], { input: JSON.stringify([a, b, categories]) }).toString());

// Exact span matches and relation matches (same type, same head and tail spans), counted here.
function matchCounts(aMarks, bMarks) {
  const key = ([needle, label, nth]) => `${needle}|${label}|${nth || 0}`;
  const bKeys = bMarks.map(key);
  const exact = aMarks.filter((m) => bKeys.includes(key(m))).length;
  const sameRelation = key(aMarks[0]) === key(bMarks[0]) && key(aMarks[1]) === key(bMarks[1]);
  return { exact, relations: sameRelation ? 1 : 0 };
}

test("agreement: two annotators' files, F8 opens the window, agreement() equals scikit-learn's figures, the reports download", async () => {
  const ctx = await browser.newContext({ acceptDownloads: true });
  const { page, errors } = await openApp(ctx, server.url);
  const schema = (await state(page)).schema;
  await importLayer(page, "ann.inkspan.json", layerFile(schema, "ann", annMarks));
  await importLayer(page, "bob.inkspan.json", layerFile(schema, "bob", bobMarks));
  const docs = (await state(page)).documents;
  assert.deepEqual(docs.map((d) => d.annotator), ["", "ann", "bob"]);

  // The window by keyboard; the mirror's Agreement control says it is open.
  await press(page, "F8");
  await page.waitForSelector('[data-action="agreement"][aria-pressed="true"]', { state: "attached" });

  const r = await page.evaluate(() => window.inkspan.agreement());
  assert.equal(r.error, undefined, r.error);
  assert.deepEqual(r.annotators, ["ann", "bob"]);
  assert.deepEqual(r.documents, [docs[1].id]);
  assert.equal(r.outside_counted, true);
  const pair = r.pairs[0];
  // Each annotator's layer of the document, as CoNLL (the third argument picks the layer).
  const annTags = conllTags(await page.evaluate((id) => window.inkspan.exportAs("conll", id, "ann"), docs[1].id));
  const bobTags = conllTags(await page.evaluate((id) => window.inkspan.exportAs("conll", id, "bob"), docs[2].id));
  assert.equal(annTags.length, bobTags.length);
  assert.equal(pair.tokens, annTags.length);
  const categories = pair.confusion.categories;
  assert.deepEqual(categories, [...r.labels, "O"]);
  const ref = reference(annTags, bobTags, categories);
  const close = (got, want, what) => {
    if (want === null) assert.equal(got, null, what);
    else assert.ok(Math.abs(got - want) <= 1e-9, `${what}: ${got} vs ${want}`);
  };
  close(pair.cohen_kappa.overall, ref.overall, "Cohen's kappa");
  for (const label of r.labels) close(pair.cohen_kappa.labels[label], ref.labels[label], `Cohen's kappa ${label}`);
  assert.deepEqual(pair.confusion.counts, ref.confusion);
  const counted = matchCounts(annMarks, bobMarks);
  assert.deepEqual([pair.spans.exact.overall.a, pair.spans.exact.overall.b, pair.spans.exact.overall.matched],
                   [annMarks.length, bobMarks.length, counted.exact]);
  close(pair.spans.exact.overall.f1, 2 * counted.exact / (annMarks.length + bobMarks.length), "exact span F1");
  assert.equal(pair.relations.overall.matched, counted.relations);
  assert.equal(r.fleiss_kappa, null);  // two annotators: Cohen's kappa only

  // Choices and errors come back as {error}, never an exception.
  assert.deepEqual(await page.evaluate((id) => window.inkspan.agreement([id]), docs[2].id), r, "bob's copy stands for the text");
  assert.deepEqual(await page.evaluate(() => window.inkspan.agreement(["nope"])), { error: 'document "nope" does not exist' });
  assert.deepEqual(await page.evaluate(() => window.inkspan.agreement(["d1"])),
                   { error: 'document "d1" has no annotator: it is nobody\'s layer' });
  const one = await page.evaluate(() => window.inkspan.agreement(null, ["ann"]));
  assert.match(one.error, /two/);
  assert.match((await page.evaluate(() => window.inkspan.agreement("d1"))).error, /docIds must be an array/);

  // Downloads by keyboard: the window starts on its first control (ann): the first Tab shows the
  // focus there, the next ones walk bob, All documents, Open document, Download CSV (then HTML).
  for (let i = 0; i < 5; i++) await press(page, "Tab");
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), press(page, "Space")]);
  assert.match(csvDownload.suggestedFilename(), /^inkspan-agreement-.*\.csv$/);
  const csv = fs.readFileSync(await csvDownload.path(), "utf8");
  assert.ok(csv.startsWith("measure,annotator_a,annotator_b,label,label_b,value\n"));
  const cohenRow = csv.split("\n").find((l) => l.startsWith("cohen_kappa,ann,bob,,,"));
  close(Number(cohenRow.split(",").at(-1)), ref.overall, "Cohen's kappa in the CSV");
  await press(page, "Tab");
  const [htmlDownload] = await Promise.all([page.waitForEvent("download"), press(page, "Space")]);
  assert.match(htmlDownload.suggestedFilename(), /^inkspan-agreement-.*\.html$/);
  const html = fs.readFileSync(await htmlDownload.path(), "utf8");
  assert.match(html, /<html/i);
  assert.ok(html.includes("ann") && html.includes("bob") && html.includes("Cohen"));
  assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=/i, "self-contained: nothing fetched");

  await press(page, "Escape");
  await page.waitForSelector('[data-action="agreement"][aria-pressed="false"]', { state: "attached" });
  assert.deepEqual(errors, []);
  await ctx.close();
});
