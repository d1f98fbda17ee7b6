// Dataset formats through the app: exportAs serves every format id with what the download holds,
// the offsets in each export check out in Python, a doccano file imports with its spans, and new labels are asked for.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveDist, launchBrowser, openApp, distDir, labelText, settle } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const label = labelText;

test("every format exports the annotated sample with offsets that check out in Python", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  await label(page, "États-Unis", "l");
  await label(page, "Sergueï Lavrov", "p");
  await label(page, "l’Atlantique Nord", "m");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inkspan-exports-"));
  for (const format of ["inkspan", "brat", "conll", "spacy", "doccano", "labelstudio", "w3c"]) {
    const files = await page.evaluate((f) => window.inkspan.exportAs(f, "d1"), format);
    const names = Object.keys(files);
    assert.ok(names.length > 0, `${format}: files exported`);
    const all = Object.values(files).join("\n");
    assert.ok(all.includes("Lavrov"), `${format}: the export holds the annotated text`);
    if (format === "inkspan") continue;
    fs.mkdirSync(path.join(dir, format));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, format, name), text);
  }
  const script = path.join(distDir, "../tests/check_offsets.py");
  const out = execFileSync("python3", [script, dir], { encoding: "utf8" });
  const checked = Number((out.match(/check_offsets: (\d+) spans/) || [])[1]);
  assert.ok(checked >= 6 * 3, `3 spans in each of 6 formats were checked: ${out}`);
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a doccano JSONL file (UTF-16 offsets) imports as a new document with its spans", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  const text = "😀 Marie Curie est née à Varsovie.";
  // doccano counts UTF-16 units: the emoji is 2 of them.
  const line = JSON.stringify({ id: 1, text, entities: [
    { id: 1, label: "PER", start_offset: 3, end_offset: 14 },
    { id: 2, label: "LOC", start_offset: 25, end_offset: 33 }], relations: [] });
  const r = await page.evaluate((l) => window.inkspan.importFile("curie.jsonl", l), line);
  assert.equal(r.ok, true, r.error);
  const state = JSON.parse(await page.evaluate(() => window.inkspan.getState()));
  const doc = state.documents.find((d) => d.text === text);
  assert.ok(doc, "the document was added");
  assert.deepEqual(doc.spans.map((s) => [s.start, s.end, s.label, s.text]),
                   [[2, 13, "PER", "Marie Curie"], [24, 32, "LOC", "Varsovie"]]);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a file with labels the schema lacks asks first: Esc leaves everything as it was, Enter adds them with the document", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  const before = await page.evaluate(() => window.inkspan.getState());
  const text = "La grippe touche Lyon.";
  const line = JSON.stringify({ id: 7, text, entities: [
    { id: 1, label: "DISEASE", start_offset: 3, end_offset: 9 },
    { id: 2, label: "LOC", start_offset: 17, end_offset: 21 }], relations: [] });
  const importIt = () => page.evaluate((l) => window.inkspan.importFile("flu.jsonl", l), line);
  let r = await importIt();
  assert.equal(r.ok, true, r.error);
  assert.match(r.message, /flu\.jsonl: it brings 1 type the schema lacks \(DISEASE\); add them and import, or cancel/);
  await settle(page);
  assert.equal(await page.evaluate(() => window.inkspan.getState()), before, "nothing changes before the answer");
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal(await page.evaluate(() => window.inkspan.getState()), before, "cancelled: nothing changed");
  r = await importIt();
  await settle(page);
  await page.keyboard.press("Enter");
  await settle(page);
  const state = JSON.parse(await page.evaluate(() => window.inkspan.getState()));
  assert.ok(state.schema.entities.some((e) => e.name === "DISEASE"), "the label was added");
  const doc = state.documents.find((d) => d.text === text);
  assert.ok(doc, "the document was added");
  assert.deepEqual(doc.spans.map((s) => [s.start, s.end, s.label]), [[3, 9, "DISEASE"], [17, 21, "LOC"]]);
  // One undo step takes both back.
  await page.keyboard.press("Control+z");
  await settle(page);
  const undone = JSON.parse(await page.evaluate(() => window.inkspan.getState()));
  assert.equal(undone.schema.entities.some((e) => e.name === "DISEASE"), false);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("importFile says {ok, pending, error, message}: ok only when something was imported or a question waits", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  // Imported: labels the schema has.
  const known = JSON.stringify({ id: 1, text: "Zoë visite Lyon.", entities: [{ id: 1, label: "LOC", start_offset: 11, end_offset: 15 }] });
  let r = await page.evaluate((l) => window.inkspan.importFile("known.jsonl", l), known);
  assert.deepEqual([r.ok, r.pending, r.error], [true, false, null], r.message);
  await settle(page);
  // A question waits: a label the schema lacks. Nothing is imported until the answer.
  const before = await page.evaluate(() => window.inkspan.getState());
  const unknown = JSON.stringify({ id: 2, text: "La grippe.", entities: [{ id: 1, label: "DISEASE", start_offset: 3, end_offset: 9 }] });
  r = await page.evaluate((l) => window.inkspan.importFile("unknown.jsonl", l), unknown);
  assert.deepEqual([r.ok, r.pending, r.error], [true, true, null], r.message);
  await settle(page);
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal(await page.evaluate(() => window.inkspan.getState()), before, "cancelled: nothing changed");
  // Refused: a spaCy DocBin (zlib-compressed msgpack), by name, before any UTF-8 complaint.
  r = await page.evaluate(() => window.inkspan.importFile("train.spacy", new Uint8Array([0x78, 0x9c, 0xeb, 0x5c, 0x00, 0x01])));
  assert.deepEqual([r.ok, r.pending], [false, false]);
  assert.equal(r.error, "train.spacy: spaCy DocBin binary files are not supported yet; export JSONL from spaCy");
  assert.equal(r.message, r.error);
  // Waiting: W3C annotations of a web page without its text ask for it (the message names it); Esc gives up.
  const anno = JSON.stringify({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation",
    body: { type: "TextualBody", purpose: "tagging", value: "claim" },
    target: { source: "https://example.org/article.html", selector: { type: "TextQuoteSelector", exact: "here" } } });
  r = await page.evaluate((a) => window.inkspan.importFile("page.jsonld", a), anno);
  assert.deepEqual([r.ok, r.pending, r.error], [true, true, null], r.message);
  assert.match(r.message, /needs the text of "https:\/\/example\.org\/article\.html": import it together with that text saved as article\.txt/);
  await settle(page);
  await page.keyboard.press("Escape");
  await settle(page);
  assert.equal(await page.evaluate(() => window.inkspan.getState()), before, "refused or cancelled imports change nothing");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("exportAs(format, docId, layer) exports the gold layer of a v2 file: Label Studio with provenance, W3C with its creator", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  const text = "Zoë met Ana in Lyon.";
  const v2 = JSON.stringify({ format: "inkspan", version: 2,
    schema: { entities: [{ name: "PER", color: "#4e79a7" }, { name: "LOC", color: "#f28e2b" }], relations: [] },
    documents: [
      { id: "g1", name: "talks.txt", text, annotator: "alice", spans: [{ id: "T1", start: 0, end: 3, label: "PER", text: "Zoë" }], relations: [] },
      { id: "g1-bob", layer_of: "g1", annotator: "bob", spans: [{ id: "T1", start: 8, end: 11, label: "PER", text: "Ana" }], relations: [] },
      { id: "g1-gold", layer_of: "g1", annotator: "gold", spans: [
        { id: "T1", start: 0, end: 3, label: "PER", text: "Zoë", agreed_by: ["alice"] },
        { id: "T2", start: 15, end: 19, label: "LOC", text: "Lyon", agreed_by: ["alice", "bob"] }], relations: [] }] });
  const r = await page.evaluate((f) => window.inkspan.importFile("team.inkspan.json", f), v2);
  assert.equal(r.ok, true, r.error);
  assert.equal(r.pending, false, r.message);

  const ls = await page.evaluate(() => window.inkspan.exportAs("labelstudio", "", "gold"));
  assert.deepEqual(Object.keys(ls), ["talks-gold.json"]);
  const tasks = JSON.parse(ls["talks-gold.json"]);
  assert.equal(tasks.length, 1, "only the document with a gold layer (the sample article has none)");
  assert.equal(tasks[0].data.doc_id, "g1-gold");
  assert.equal(tasks[0].data.text, text);
  assert.equal(tasks[0].annotations[0].completed_by, "gold");
  assert.deepEqual(tasks[0].annotations[0].result.map((x) => [x.value.start, x.value.end, x.value.labels[0], x.value.text, x.meta.agreed_by]),
                   [[0, 3, "PER", "Zoë", ["alice"]], [15, 19, "LOC", "Lyon", ["alice", "bob"]]]);

  const w3c = await page.evaluate(() => window.inkspan.exportAs("w3c", "", "gold"));
  const collection = JSON.parse(w3c["talks-gold.jsonld"]);
  const items = collection.first.items;
  assert.deepEqual(items.map((a) => [a.creator.name, a.body[0].value, a.target.selector[0].start, a.target.selector[1].exact]),
                   [["gold", "PER", 0, "Zoë"], ["gold", "LOC", 15, "Lyon"]]);

  // Without a layer: the documents, each text once.
  const docs = JSON.parse(Object.values(await page.evaluate(() => window.inkspan.exportAs("labelstudio", "")))[0]);
  assert.deepEqual(docs.map((t) => t.data.doc_id), ["d1", "g1"]);
  assert.deepEqual(errors, []);
  await ctx.close();
});
