// The whole team workflow of issue 18 in one page, by keyboard: two colleagues' files of the sample
// article (bob's brat pair, whose annotator the import asks; cem's doccano line, which names him)
// become two layers of its document; Shift+F8 compares them and N steps through the disagreements;
// agreement() gives the span F1 counted by hand here; F9 adjudicates them into the gold layer
// (the curator's own empty copy is not an opinion), and the gold layer exports with who agreed
// with each span (inkspan and Label Studio) and as brat.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, rangeOf, state, press } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const selection = (page) => page.evaluate(() => window.inkspan.selection());

test("team workflow: brat + doccano → two layers → compare → agreement() → adjudicate by keyboard → export the gold layer", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openApp(context, server.url);
  const text = (await state(page)).documents[0].text;
  const ist = rangeOf(text, "Istanbul"), lav = rangeOf(text, "Lavrov"), rus = rangeOf(text, "Russie"),
        mos = rangeOf(text, "Moscou");

  // bob: Istanbul LOC, Lavrov PER, Russie LOC (brat, no annotator in the files: the import asks).
  const ann = [[ist, "LOC", "Istanbul"], [lav, "PER", "Lavrov"], [rus, "LOC", "Russie"]]
    .map(([r, l, w], i) => `T${i + 1}\t${l} ${r.start} ${r.end}\t${w}\n`).join("");
  const first = await page.evaluate(async ([t, a]) => window.inkspan.importFileObjects([
    new File([t], "bob.txt", { type: "text/plain" }), new File([a], "bob.ann")]), [text, ann]);
  assert.ok(first.pending, JSON.stringify(first));
  await settle(page);
  await press(page, "a");
  await page.keyboard.type("bob");
  await press(page, "Enter");
  // cem: Istanbul LOC, Lavrov PER, Russie ORG, Moscou LOC (doccano, annotator in the file).
  const line = JSON.stringify({
    text, label: [[ist.start, ist.end, "LOC"], [lav.start, lav.end, "PER"], [rus.start, rus.end, "ORG"], [mos.start, mos.end, "LOC"]],
    meta: { annotator: "cem" } });
  const second = await page.evaluate((l) => window.inkspan.importFile("cem.jsonl", l + "\n"), line);
  assert.ok(second.ok && !second.pending, JSON.stringify(second));
  await settle(page);
  let docs = (await state(page)).documents;
  const bob = docs.find((d) => d.annotator === "bob"), cem = docs.find((d) => d.annotator === "cem");
  assert.equal(bob?.layer_of, "d1");
  assert.equal(cem?.layer_of, "d1");
  assert.equal((await selection(page)).docId, cem.id);

  // Compare cem (open) with bob: two disagreements, in text order — Russie (LOC | ORG) and Moscou (cem only).
  await press(page, "Shift+F8");
  const cemSpan = (r) => cem.spans.find((s) => s.start === r.start && s.end === r.end).id;
  const inTextOrder = [rus, mos].sort((x, y) => x.start - y.start);
  await press(page, "n");
  assert.equal((await selection(page)).span, cemSpan(inTextOrder[0]));
  await press(page, "n");
  assert.equal((await selection(page)).span, cemSpan(inTextOrder[1]));
  await press(page, "Shift+N");
  assert.equal((await selection(page)).span, cemSpan(inTextOrder[0]), "Shift+N steps back");
  await press(page, "Escape");

  // Agreement, counted by hand: bob 3 spans, cem 4, 2 exactly equal (Istanbul, Lavrov) → F1 = 4/7;
  // overlap match also pairs Russie only when the label agrees, so it is 4/7 too.
  const r = await page.evaluate(() => window.inkspan.agreement());
  assert.equal(r.error, undefined, r.error);
  assert.deepEqual(r.annotators, ["bob", "cem"], "the curator's empty copy has no annotator: not counted");
  const exact = r.pairs[0].spans.exact.overall;
  assert.deepEqual([exact.a, exact.b, exact.matched], [3, 4, 2]);
  assert.ok(Math.abs(exact.f1 - 4 / 7) < 1e-12, String(exact.f1));

  // Adjudicate: bob and cem chosen, quorum 2 of 2; Enter creates the gold layer with what both agree on.
  await press(page, "F9");
  await press(page, "Enter");
  docs = (await state(page)).documents;
  let gold = docs.find((d) => d.layer_of === "d1" && d.annotator === "gold");
  assert.ok(gold, "a gold layer: " + JSON.stringify(docs.map((d) => [d.id, d.annotator])));
  assert.deepEqual(gold.spans.map((s) => [s.start, s.label]).sort((a, b) => a[0] - b[0]),
                   [[ist.start, "LOC"], [lav.start, "PER"]].sort((a, b) => a[0] - b[0]));
  // Each disagreement in turn: Russie → cem's ORG (2: bob is 1), Moscou → neither (0).
  for (const step of inTextOrder) {
    assert.equal((await page.evaluate(() => window.inkspan.stats())).selectionStart, step.start);
    await press(page, step === rus ? "2" : "0");
  }
  await press(page, "Escape");
  gold = (await state(page)).documents.find((d) => d.id === gold.id);
  const want = [[ist, "LOC", "bob+cem"], [lav, "PER", "bob+cem"], [rus, "ORG", "cem"]]
    .map(([q, l, who]) => [q.start, q.end, l, who]).sort((a, b) => a[0] - b[0]);

  // Exports of the gold layer: inkspan and Label Studio keep who agreed; brat has the spans.
  const inkspan = JSON.parse(Object.values(await page.evaluate((id) => window.inkspan.exportAs("inkspan", id), gold.id))[0]);
  const g = inkspan.documents.find((d) => d.annotator === "gold") ?? inkspan.documents[0];
  assert.deepEqual(g.spans.map((s) => [s.start, s.end, s.label, (s.agreed_by || []).join("+")]).sort((a, b) => a[0] - b[0]), want);
  const ls = JSON.parse(Object.values(await page.evaluate(() => window.inkspan.exportAs("labelstudio", "d1", "gold")))[0]);
  const results = ls.flatMap((task) => task.annotations.flatMap((a) => a.result)).filter((x) => x.type === "labels");
  assert.deepEqual(results.map((x) => [x.value.start, x.value.end, x.value.labels[0], (x.meta?.agreed_by || []).join("+")])
                     .sort((a, b) => a[0] - b[0]),
                   // Label Studio counts UTF-16 units; the sample's spans before these are all in the BMP.
                   want);
  const brat = await page.evaluate(() => window.inkspan.exportAs("brat", "d1", "gold"));
  const annFile = Object.entries(brat).find(([name]) => name.endsWith(".ann"))[1];
  assert.equal(annFile.trim().split("\n").filter((l) => l.startsWith("T")).length, 3);
  assert.deepEqual(errors, []);
  await context.close();
});
