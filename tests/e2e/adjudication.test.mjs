// Compare and adjudicate in the browser (issue 18): an inkspan v2 file with three annotators'
// layers of the sample article is imported, two layers are compared (the markers checked in the
// canvas's pixels, N steps through the disagreements), the three are adjudicated by keyboard, and
// the gold layer's export is checked: its spans and who agreed with each.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp, state, rangeOf, press, locate, settle } from "./harness.mjs";
import { decodePng } from "./png.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const text = fs.readFileSync(path.join(root, "assets/istanbul-talks.fr.txt"), "utf8");

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const span = (id, needle, label) => ({ id, ...rangeOf(text, needle), label, text: needle });
// ann: Istanbul LOC, Russie LOC, Alexandre Darchiev PER, Sonata Coulter PER;
// bob: Istanbul LOC, Russie ORG, Darchiev PER, Sonata Coulter PER;
// cem: Istanbul LOC, Russie LOC, États-Unis LOC.
const file = JSON.stringify({
  format: "inkspan", version: 2,
  schema: {
    entities: [{ name: "PER", color: "#4e79a7", hotkey: "p" }, { name: "ORG", color: "#f28e2b", hotkey: "o" },
               { name: "LOC", color: "#59a14f", hotkey: "l" }],
    relations: [],
  },
  documents: [
    { id: "x1", name: "istanbul-talks.fr.txt", text, annotator: "ann", relations: [],
      spans: [span("T1", "Istanbul", "LOC"), span("T2", "Russie", "LOC"), span("T3", "Alexandre Darchiev", "PER"),
              span("T4", "Sonata Coulter", "PER")] },
    { id: "x1-bob", layer_of: "x1", annotator: "bob", relations: [],
      spans: [span("T1", "Istanbul", "LOC"), span("T2", "Russie", "ORG"), span("T3", "Darchiev", "PER"),
              span("T4", "Sonata Coulter", "PER")] },
    { id: "x1-cem", layer_of: "x1", annotator: "cem", relations: [],
      spans: [span("T1", "Istanbul", "LOC"), span("T2", "Russie", "LOC"), span("T3", "États-Unis", "LOC")] },
  ],
});

// Whether the canvas shows a pixel of colour `rgb` (±12 per channel) in the few px under the box.
async function markerUnder(page, box, rgb) {
  await settle(page);
  const img = decodePng(await page.screenshot());
  for (let y = Math.floor(box.y + box.h * 0.5); y < box.y + box.h + 8; y++)
    for (let x = Math.floor(box.x); x < box.x + box.w; x++) {
      const i = (y * img.width + x) * 4;
      if ([0, 1, 2].every((c) => Math.abs(img.pixels[i + c] - rgb[c]) <= 12)) return true;
    }
  return false;
}

test("three annotators' layers: compare two, adjudicate by keyboard, export the gold layer with who agreed", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const r = await page.evaluate((f) => window.inkspan.importFile("three-annotators.inkspan.json", f), file);
  assert.ok(r.ok, r.message);
  assert.ok(!r.pending, "a file of annotators' copies of a text already here asks nothing");
  // The sample article (d1, the user's, unnamed and empty) is here already: all three copies become its layers.
  let s = await state(page);
  assert.deepEqual(s.documents.filter((d) => d.layer_of === "d1").map((d) => d.annotator), ["ann", "bob", "cem"]);
  assert.equal((await page.evaluate(() => window.inkspan.selection())).docId, "x1", "the import opens its first layer");
  await press(page, "Control+BracketRight");  // the layer bar: ann → bob → cem
  await press(page, "Control+BracketRight");
  assert.equal((await page.evaluate(() => window.inkspan.selection())).docId, "x1-cem");

  // Compare cem (shown) with bob: Russie LOC | ORG is a label conflict (red), Istanbul agrees (green).
  await press(page, "Shift+F8");
  const russie = rangeOf(text, "Russie"), istanbul = rangeOf(text, "Istanbul");
  const red = [198, 40, 40], green = [46, 125, 50];
  assert.ok(await markerUnder(page, await locate(page, russie.start + 2, "x1-cem"), red), "a label-conflict marker under Russie");
  assert.ok(!(await markerUnder(page, await locate(page, russie.start + 2, "x1-cem"), green)));
  assert.ok(await markerUnder(page, await locate(page, istanbul.start + 2, "x1-cem"), green), "an agreement marker under Istanbul");
  await press(page, "n");  // the first disagreement: Russie, cem's span selected
  let sel = await page.evaluate(() => window.inkspan.selection());
  const cem = (await state(page)).documents.find((d) => d.id === "x1-cem");
  assert.equal(sel.span, cem.spans.find((x) => x.start === russie.start).id);
  await press(page, "n");  // then États-Unis, only cem has it
  sel = await page.evaluate(() => window.inkspan.selection());
  assert.equal(sel.span, cem.spans.find((x) => x.text === "États-Unis").id);
  await press(page, "Escape");
  assert.ok(!(await markerUnder(page, await locate(page, russie.start + 2, "x1-cem"), red)), "Esc leaves compare");

  // Adjudicate 2 of 3: bob's Russie ORG → neither (0); cem's États-Unis → take it (1); Darchiev: ann's
  // "Alexandre Darchiev" (1) or bob's (2) → bob's.
  await press(page, "F9");
  await press(page, "-");
  await press(page, "Enter");
  s = await state(page);
  const gold = s.documents.find((d) => d.layer_of === "d1" && d.annotator === "gold");
  assert.ok(gold, "a gold layer of the sample article");
  await press(page, "0");
  await press(page, "1");
  await press(page, "2");

  const exported = await page.evaluate((id) => window.inkspan.exportAs("inkspan", id), gold.id);
  const [name] = Object.keys(exported);
  const out = JSON.parse(exported[name]);
  const g = out.documents.find((d) => d.annotator === "gold");
  assert.ok(g, "the export holds the gold layer: " + exported[name].slice(0, 300));
  const got = g.spans.map((x) => [x.start, x.end, x.label, (x.agreed_by || []).join("+")]).sort((a, b) => a[0] - b[0]);
  const at = (needle, label, who, nth = 0) => { const q = rangeOf(text, needle, nth); return [q.start, q.end, label, who]; };
  assert.deepEqual(got, [
    at("Istanbul", "LOC", "ann+bob+cem"),
    at("Russie", "LOC", "ann+cem"),
    at("États-Unis", "LOC", "cem"),
    at("Darchiev", "PER", "bob"),
    at("Sonata Coulter", "PER", "ann+bob"),
  ]);
  assert.deepEqual(errors, []);
  await page.context().close();
});
