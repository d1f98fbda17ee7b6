// Shaped and right-to-left text in the browser (issue 13): drags with the real mouse over Arabic
// and Hindi words give spans with exact code point offsets, and a span across an Arabic/Latin
// boundary is drawn as separate pieces (checked on the screenshot's pixels).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp, settle, rangeOf, locate, dragOver, state } from "./harness.mjs";
import { decodePng } from "./png.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const samples = fs.readFileSync(path.join(root, "assets/samples.inkspan.json"), "utf8");

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

async function openSamples() {
  const context = await browser.newContext();
  const { page, errors } = await openApp(context, server.url);
  const r = await page.evaluate((s) => window.inkspan.importFile("samples.inkspan.json", s), samples);
  assert.ok(r.ok && !r.pending, JSON.stringify(r));
  await settle(page);
  return { page, errors, context };
}

const docOf = async (page, id) => (await state(page)).documents.find((d) => d.id === id);

// The document's fonts loaded, then a drag over `range` (harness: right to left in RTL text).
async function dragAcross(page, docId, range) {
  await page.evaluate(([d]) => window.inkspan.locate(d, 0), [docId]);
  await page.evaluate(() => window.inkspan.fontsLoaded());
  return dragOver(page, range, docId);
}

test("drag from right to left over an Arabic word, press D: a DATE span with its exact offsets", async () => {
  const { page, errors, context } = await openSamples();
  const doc = await docOf(page, "sample-ar");
  const monday = rangeOf(doc.text, "الاثنين");
  const { rtl } = await dragAcross(page, "sample-ar", monday);
  assert.ok(rtl, "Arabic runs right to left: the word's first letter is right of its last");
  await page.keyboard.press("d");
  await settle(page);
  const spans = (await docOf(page, "sample-ar")).spans.filter((s) => s.label === "DATE");
  assert.deepEqual(spans.map((s) => [s.start, s.end]), [[monday.start, monday.end]]);
  assert.equal(spans[0].text, "الاثنين");
  const st = await page.evaluate(() => window.inkspan.stats());
  assert.equal(st.missingGlyphs, 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the same over a Hindi word: conjuncts and vowel signs stay whole, offsets exact", async () => {
  const { page, errors, context } = await openSamples();
  const doc = await docOf(page, "sample-hi");
  const tuesday = rangeOf(doc.text, "मंगलवार");
  const { rtl } = await dragAcross(page, "sample-hi", tuesday);
  assert.ok(!rtl);
  await page.keyboard.press("d");
  await settle(page);
  const spans = (await docOf(page, "sample-hi")).spans.filter((s) => s.label === "DATE");
  assert.deepEqual(spans.map((s) => [s.start, s.end]), [[tuesday.start, tuesday.end]]);
  assert.equal(spans[0].text, "मंगलवार");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a span from an Arabic word into a Latin name is drawn as two pieces, the rest of the name between them unmarked", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openApp(context, server.url);
  const text = "قال Sergei Lavrov يوم الثلاثاء في إسطنبول";
  const r = await page.evaluate((t) => window.inkspan.importFile("mixed.txt", t), text);
  assert.ok(r.ok, JSON.stringify(r));
  await settle(page);
  const docId = (await state(page)).documents.find((d) => d.text === text).id;
  const qala = rangeOf(text, "قال"), sergei = rangeOf(text, "Sergei"), lavrov = rangeOf(text, "Lavrov");
  const a = await locate(page, qala.start, docId);
  const s = await locate(page, sergei.start + 2, docId);
  const l = await locate(page, lavrov.start + 2, docId);
  assert.ok(a.x > l.x && l.x > s.x, `visual order: Sergei (${s.x}) < Lavrov (${l.x}) < قال (${a.x})`);
  await dragAcross(page, docId, { start: qala.start, end: sergei.end });  // right to left, into "Sergei"
  await page.keyboard.press("m");
  await settle(page);
  const spans = (await state(page)).documents.find((d) => d.id === docId).spans;
  assert.deepEqual(spans.map((x) => [x.start, x.end, x.label]), [[qala.start, sergei.end, "MISC"]]);

  // The MISC underline (#76b7b2) runs under قال and under Sergei, not under Lavrov (located again:
  // the label chip's band moved the line down).
  const boxes = {
    qala: await locate(page, qala.start, docId),
    sergei: await locate(page, sergei.start + 2, docId),
    lavrov: await locate(page, lavrov.start + 2, docId),
  };
  await page.mouse.move(1100, 780);
  await settle(page);
  const dpr = await page.evaluate(() => devicePixelRatio);
  const img = decodePng(await page.screenshot());
  const underlined = (box) => {
    let hits = 0, total = 0;
    for (let x = Math.round((box.x + box.w * 0.2) * dpr); x < (box.x + box.w * 0.8) * dpr; x++) {
      let found = false;
      for (let y = Math.round((box.y + box.h * 0.7) * dpr); y < (box.y + box.h) * dpr; y++) {
        const i = (y * img.width + x) * 4;
        const [r0, g0, b0] = [img.pixels[i], img.pixels[i + 1], img.pixels[i + 2]];
        if (Math.abs(r0 - 0x76) < 40 && Math.abs(g0 - 0xb7) < 40 && Math.abs(b0 - 0xb2) < 40 && g0 - r0 > 30) found = true;
      }
      hits += found; total++;
    }
    return hits / total;
  };
  const fractions = Object.fromEntries(Object.entries(boxes).map(([k, b]) => [k, underlined(b)]));
  assert.ok(fractions.qala > 0.5 && fractions.sergei > 0.5, JSON.stringify(fractions));  // glyphs cross it in places
  assert.ok(fractions.lavrov < 0.2, JSON.stringify(fractions));
  assert.deepEqual(errors, []);
  await context.close();
});
