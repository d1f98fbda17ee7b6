// Several annotators on one text (issue 18), in the page: two colleagues' files of the sample
// article — one brat pair without an annotator (the import asks whose work it is), one doccano line
// naming its annotator — become two layers of the one document, matched by the text; Ctrl+] steps
// through the layers; they are stored and come back after a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, rangeOf, state, press } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const selection = (page) => page.evaluate(() => window.inkspan.selection());

test("a brat pair and a doccano file of the sample article become two layers of its document", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openApp(context, server.url);
  const text = (await state(page)).documents[0].text;
  const ist = rangeOf(text, "Istanbul"), lav = rangeOf(text, "Lavrov");

  // brat: no annotator in the file, so the import asks; A goes to the name field.
  const ann = `T1\tLOC ${ist.start} ${ist.end}\tIstanbul\nT2\tPER ${lav.start} ${lav.end}\tLavrov\n`;
  const outcome = await page.evaluate(async ([t, a]) => window.inkspan.importFileObjects([
    new File([t], "colleague.txt", { type: "text/plain" }), new File([a], "colleague.ann")]), [text, ann]);
  assert.ok(outcome.pending, JSON.stringify(outcome));
  await settle(page);
  await press(page, "a");
  await page.keyboard.type("bob");
  await press(page, "Enter");

  // doccano: its annotator is in the file, and new to this document: no question.
  const line = JSON.stringify({ text, label: [[ist.start, ist.end, "ORG"]], meta: { annotator: "cem" } }) + "\n";
  const second = await page.evaluate((l) => window.inkspan.importFile("cem.jsonl", l), line);
  assert.ok(second.ok && !second.pending, JSON.stringify(second));
  await settle(page);

  const docs = (await state(page)).documents;
  assert.equal(docs.length, 3, JSON.stringify(docs.map((d) => [d.id, d.layer_of, d.annotator])));
  const bob = docs.find((d) => d.annotator === "bob"), cem = docs.find((d) => d.annotator === "cem");
  assert.ok(bob && cem);
  assert.equal(bob.layer_of, "d1");
  assert.equal(cem.layer_of, "d1");
  assert.equal(bob.text, undefined);  // a layer's text is its document's
  assert.deepEqual(bob.spans.map((s) => [s.start, s.end, s.label]), [[ist.start, ist.end, "LOC"], [lav.start, lav.end, "PER"]]);
  assert.deepEqual(cem.spans.map((s) => [s.start, s.end, s.label]), [[ist.start, ist.end, "ORG"]]);
  assert.deepEqual(docs[0].spans, []);  // the document itself is untouched

  // The import showed cem's layer; Ctrl+] steps on around the group: the document, then bob, then cem.
  assert.equal((await selection(page)).docId, cem.id);
  const seen = [];
  for (let i = 0; i < 3; ++i) {
    await page.keyboard.press("Control+]");
    await settle(page);
    seen.push((await selection(page)).docId);
  }
  assert.deepEqual(seen, ["d1", bob.id, cem.id]);

  // Stored: a reload brings the layers back.
  await page.waitForFunction(() => {
    const s = window.inkspan.storage();
    return s.state === "idle" && !s.pending;
  }, null, { timeout: 10000 });
  await page.reload();
  await page.evaluate(() => window.inkspan.ready);
  const again = (await state(page)).documents;
  assert.deepEqual(again.map((d) => [d.id, d.layer_of || "", d.annotator]), docs.map((d) => [d.id, d.layer_of || "", d.annotator]));
  assert.deepEqual(errors, []);
  await context.close();
});
