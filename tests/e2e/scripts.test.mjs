// Every script readable (issue 12): fallback fonts fetched only when a text needs them, no glyph
// missing once they arrived, exact code point offsets when annotating CJK and emoji with the mouse.
// The sample corpus (assets/samples.inkspan.json) has one short news text per language.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp, settle, getState, rangeOf, locate, dragOver, state, distDir } from "./harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const samples = fs.readFileSync(path.join(root, "assets/samples.inkspan.json"), "utf8");

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const fontRequests = (page) => {
  const urls = [];
  page.on("request", (r) => { if (new URL(r.url()).pathname.startsWith("/fonts/")) urls.push(new URL(r.url()).pathname); });
  return urls;
};

async function openWithSamples() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fonts = fontRequests(page);
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.evaluate(() => window.inkspan.ready);
  const r = await page.evaluate((s) => window.inkspan.importFile("samples.inkspan.json", s), samples);
  assert.ok(r.ok && !r.pending, "samples imported without a question: " + JSON.stringify(r));
  await settle(page);
  return { page, fonts, errors };
}

test("a Latin-only session fetches no font file beyond the first one", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const fonts = fontRequests(page);
  await page.goto(server.url);
  await page.evaluate(() => window.inkspan.ready);
  await settle(page);
  const s = await page.evaluate(() => window.inkspan.fontsLoaded());
  assert.deepEqual(fonts, []);
  assert.equal(s.fontsPending, 0);
  assert.equal(s.missingGlyphs, 0);
  await context.close();
});

test("every sample document draws with no missing glyph once its fonts arrived", async () => {
  const { page, errors } = await openWithSamples();
  for (const d of JSON.parse(samples).documents) {
    await locate(page, 0, d.id);  // opens the document
    await settle(page);
    const s = await page.evaluate(() => window.inkspan.fontsLoaded());
    assert.equal(s.missingGlyphs, 0, `${d.id}: ${s.missingGlyphs} code points drawn without a glyph: ${s.missingCodePoints}`);
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a text fetches the fonts of its own scripts only: Chinese the zh-Hans slice map and a few slices, Hebrew and Hindi their font, Russian nothing", async () => {
  const texts = Object.fromEntries(JSON.parse(samples).documents.map((d) => [d.id, d.text]));
  const fetchedFor = async (id) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fonts = fontRequests(page);
    await page.goto(server.url);
    await page.evaluate(() => window.inkspan.ready);
    const r = await page.evaluate(([f, t]) => window.inkspan.importFile(f, t), [id + ".txt", texts[id]]);
    assert.ok(r.ok, JSON.stringify(r));
    await settle(page);
    const s = await page.evaluate(() => window.inkspan.fontsLoaded());
    assert.equal(s.missingGlyphs, 0, `${id}: ${s.missingCodePoints}`);
    await context.close();
    return fonts.map((u) => u.replace("/fonts/", ""));
  };
  const zh = await fetchedFor("sample-zh");
  assert.deepEqual(zh.slice(0, 2), ["manifest.json", "cjk-slices-sc.json"], JSON.stringify(zh));
  assert.ok(zh.includes("noto-cjk-sc-01.otf"), JSON.stringify(zh));
  assert.ok(zh.slice(2).every((f) => /^noto-cjk-(sc|shared)-/.test(f)), JSON.stringify(zh));
  assert.ok(zh.length <= 5, JSON.stringify(zh));
  const ja = await fetchedFor("sample-ja");
  assert.deepEqual(ja.slice(0, 2), ["manifest.json", "cjk-slices-jp.json"], JSON.stringify(ja));
  assert.ok(ja.slice(2).every((f) => /^noto-cjk-(jp|shared)-/.test(f)), JSON.stringify(ja));
  assert.deepEqual(await fetchedFor("sample-he"), ["manifest.json", "noto-hebrew.ttf"]);
  assert.deepEqual(await fetchedFor("sample-hi"), ["manifest.json", "noto-devanagari.ttf"]);
  assert.deepEqual(await fetchedFor("sample-ru"), []);
});

test("the index the page fetches first is small; each CJK variant's slice map is a file of its own", async () => {
  const index = JSON.parse(fs.readFileSync(path.join(distDir, "fonts/manifest.json"), "utf8"));
  assert.ok(fs.statSync(path.join(distDir, "fonts/manifest.json")).size < 32 * 1024);
  assert.ok(index.fonts.every((f) => f.variant === ""), "no CJK slice in the index");
  assert.deepEqual(index.cjk.map((m) => [m.variant, m.file]),
                   [["zh-Hans", "cjk-slices-sc.json"], ["ja", "cjk-slices-jp.json"], ["ko", "cjk-slices-kr.json"],
                    ["zh-Hant", "cjk-slices-tc.json"]]);
  for (const m of index.cjk) {
    const map = JSON.parse(fs.readFileSync(path.join(distDir, "fonts", m.file), "utf8"));
    assert.equal(map.variant, m.variant);
    assert.ok(map.fonts.length > 0 && map.fonts.every((f) => f.variant === m.variant), m.file);
  }
});

test("drag over a Chinese and a Japanese name, press the label key: spans with exact code point offsets", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const texts = Object.fromEntries(JSON.parse(samples).documents.map((d) => [d.id, d.text]));
  for (const [file, text, name, key, label] of [["zh.txt", texts["sample-zh"], "李秀英", "p", "PER"],
                                                 ["ja.txt", texts["sample-ja"], "九州電力", "o", "ORG"]]) {
    const r0 = await page.evaluate(([f, t]) => window.inkspan.importFile(f, t), [file, text]);
    assert.ok(r0.ok, JSON.stringify(r0));
    await settle(page);
    const docId = (await state(page)).documents.find((d) => d.name === file).id;
    const r = rangeOf(text, name);
    await locate(page, r.start, docId);
    await page.evaluate(() => window.inkspan.fontsLoaded());
    await dragOver(page, r, docId);
    await page.keyboard.press(key);
    await settle(page);
    const doc = (await state(page)).documents.find((d) => d.id === docId);
    assert.deepEqual(doc.spans.map((s) => [s.start, s.end, s.label, s.text]), [[r.start, r.end, label, name]]);
    assert.equal(Array.from(doc.text).slice(r.start, r.end).join(""), name);
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a double-click on an emoji ZWJ sequence labels the whole cluster, never part of it", async () => {
  const { page, errors } = await openWithSamples();
  let doc = (await state(page)).documents.find((d) => d.id === "sample-mixed");
  const family = "👩\u200d👩\u200d👧";
  const r = rangeOf(doc.text, family);
  assert.equal(r.end - r.start, 5);
  await locate(page, r.start + 2, "sample-mixed");
  await page.evaluate(() => window.inkspan.fontsLoaded());  // the emoji font changes widths: aim after it
  const b = await locate(page, r.start + 2, "sample-mixed");
  await page.mouse.dblclick(b.x + b.w / 2, b.y + b.h / 2);
  await settle(page);
  await page.keyboard.press("m");
  await settle(page);
  doc = (await state(page)).documents.find((d) => d.id === "sample-mixed");
  const misc = doc.spans.filter((s) => s.label === "MISC" && s.text.includes("\u200d"));
  assert.equal(misc.length, 1, JSON.stringify(doc.spans));
  assert.deepEqual([misc[0].start, misc[0].end], [r.start, r.end]);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a drag that ends inside an emoji ZWJ sequence ends the span after the whole cluster", async () => {
  const { page, errors } = await openWithSamples();
  let doc = (await state(page)).documents.find((d) => d.id === "sample-mixed");
  const family = rangeOf(doc.text, "👩\u200d👩\u200d👧");
  const before = rangeOf(doc.text, "كثيرة");  // the word before it, right of it (right to left)
  await locate(page, before.start, "sample-mixed");
  await page.evaluate(() => window.inkspan.fontsLoaded());
  // Ends on the second 👩, past the middle of the family's box (its left part, right to left).
  await dragOver(page, { start: before.start, end: family.start + 2 }, "sample-mixed");
  await page.keyboard.press("m");
  await settle(page);
  doc = (await state(page)).documents.find((d) => d.id === "sample-mixed");
  const span = doc.spans.find((s) => s.label === "MISC" && s.start === before.start);
  assert.ok(span, JSON.stringify(doc.spans));
  assert.equal(span.end, family.end, "the span ends after the whole family, not inside it");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a .txt with a NUL byte imports, draws its controls as pictures and survives a reload", async () => {
  const context = await browser.newContext();
  const { page, errors } = await openApp(context, server.url);
  const bytes = new Uint8Array([...new TextEncoder().encode("Bonjour"), 0, ...new TextEncoder().encode("monde \x1b fin")]);
  const r = await page.evaluate((b) => window.inkspan.importFile("nul.txt", new Uint8Array(b)), Array.from(bytes));
  assert.ok(r.ok, JSON.stringify(r));
  await settle(page);
  let doc = (await state(page)).documents.find((d) => d.name === "nul.txt");
  assert.equal(doc.text, "Bonjour\u0000monde \u001b fin");
  await locate(page, 7, doc.id);
  const s = await page.evaluate(() => window.inkspan.fontsLoaded());
  assert.equal(s.missingGlyphs, 0);
  // Saved, then opened again (the crash used to come back on every reload).
  await page.waitForFunction(() => { const s = window.inkspan.storage(); return s.state === "idle" && !s.pending; },
                             null, { timeout: 10000 });
  await page.reload();
  await page.evaluate(() => window.inkspan.ready);
  doc = (await state(page)).documents.find((d) => d.name === "nul.txt");
  assert.ok(doc, "the document is still there after a reload");
  await locate(page, 7, doc.id);
  await settle(page);
  assert.deepEqual(errors, []);
  await context.close();
});
