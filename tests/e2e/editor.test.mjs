// The editor with real mouse and keyboard events on the canvas; positions come from
// inkspan.locate (code point offsets → page pixels), state from inkspan.getState().
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const state = (page) => page.evaluate(() => JSON.parse(window.inkspan.getState()));
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// Code point offsets of the first occurrence of `needle` in `text` (after `from` code points).
function find(text, needle, from = 0) {
  const cps = Array.from(text);
  const prefix = cps.slice(0, from).join("");
  const byteIdx = text.indexOf(needle, prefix.length);
  assert.ok(byteIdx >= 0, `"${needle}" is in the text`);
  const start = Array.from(text.slice(0, byteIdx)).length;
  return { start, end: start + Array.from(needle).length };
}

async function box(page, offset) {
  const b = await page.evaluate((o) => window.inkspan.locate("d1", o), offset);
  assert.ok(b, `locate(d1, ${offset}) gives a box`);
  return b;
}

// Drags from the middle of the first character to the middle of the last one.
async function dragOver(page, range) {
  const a = await box(page, range.start);
  const b = await box(page, range.end - 1);
  await settle(page);
  await page.mouse.move(a.x + a.w * 0.3, a.y + a.h / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + a.h / 4, { steps: 4 });
  await page.mouse.move(b.x + b.w * 0.7, b.y + b.h / 2, { steps: 4 });
  await page.mouse.up();
  await settle(page);
}

async function clickAt(page, offset, options = {}) {
  const b = await box(page, offset);
  await settle(page);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2, options);
  await settle(page);
}

async function press(page, key) {
  await page.keyboard.press(key);
  await settle(page);
}

function spanAt(doc, range, label) {
  return doc.spans.find((s) => s.start === range.start && s.end === range.end && (!label || s.label === label));
}

test("drag over Istanbul, press the LOC hotkey: the span has the right code point offsets", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const r = find(text, "Istanbul");
  await dragOver(page, r);
  await press(page, "l");
  const doc = (await state(page)).documents[0];
  const span = spanAt(doc, r, "LOC");
  assert.ok(span, "LOC span over Istanbul: " + JSON.stringify(doc.spans));
  assert.equal(span.text, "Istanbul");
  assert.equal(Array.from(text).slice(span.start, span.end).join(""), "Istanbul");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("a partial drag snaps to whole words; double-click selects one word", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const r = find(text, "Washington");
  await dragOver(page, { start: r.start + 2, end: r.end - 2 });  // "shingt"
  await press(page, "l");
  let doc = (await state(page)).documents[0];
  assert.ok(spanAt(doc, r, "LOC"), "snapped to Washington: " + JSON.stringify(doc.spans));

  const m = find(text, "Moscou");
  const b = await box(page, m.start + 2);
  await page.mouse.dblclick(b.x + b.w / 2, b.y + b.h / 2);
  await settle(page);
  await press(page, "l");
  doc = (await state(page)).documents[0];
  assert.ok(spanAt(doc, m, "LOC"), "double-clicked word labelled: " + JSON.stringify(doc.spans));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("two PER spans, a relation between them, undo twice, redo once, delete a span and its relation", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const alex = find(text, "Alexandre Darchiev");
  const sonata = find(text, "Sonata Coulter");
  await dragOver(page, alex);
  await press(page, "p");
  await dragOver(page, sonata);
  await press(page, "p");
  let doc = (await state(page)).documents[0];
  const head = spanAt(doc, alex, "PER"), tail = spanAt(doc, sonata, "PER");
  assert.ok(head && tail, "both PER spans: " + JSON.stringify(doc.spans));

  // Select the head by clicking its text, R, then click the tail: one allowed type → applied.
  await clickAt(page, alex.start + 3);
  await press(page, "r");
  await clickAt(page, sonata.start + 3);
  doc = (await state(page)).documents[0];
  assert.equal(doc.relations.length, 1, JSON.stringify(doc.relations));
  assert.equal(doc.relations[0].head, head.id);
  assert.equal(doc.relations[0].tail, tail.id);

  await press(page, "Control+z");  // the relation
  await press(page, "Control+z");  // the Sonata Coulter span
  doc = (await state(page)).documents[0];
  assert.equal(doc.relations.length, 0);
  assert.ok(!spanAt(doc, sonata), "Sonata span undone");
  assert.ok(spanAt(doc, alex), "Alexandre span still there");
  await press(page, "Control+Shift+z");
  doc = (await state(page)).documents[0];
  assert.ok(spanAt(doc, sonata, "PER"), "redo brings the span back");
  assert.equal(doc.relations.length, 0, "the relation is still undone");

  // Relate again, then delete the head span: the relation goes with it.
  await clickAt(page, alex.start + 3);
  await press(page, "r");
  await clickAt(page, sonata.start + 3);
  assert.equal((await state(page)).documents[0].relations.length, 1);
  await clickAt(page, alex.start + 3);
  await press(page, "Delete");
  doc = (await state(page)).documents[0];
  assert.ok(!spanAt(doc, alex), "head span deleted");
  assert.equal(doc.relations.length, 0, "its relation deleted with it");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("Ctrl+F, type a word, Enter, press a hotkey: every match labelled as one undo step", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const count = text.split("Istanbul").length - 1;
  assert.ok(count >= 2, "the sample mentions Istanbul several times");
  await page.mouse.click(640, 400);
  await press(page, "Control+f");
  await page.keyboard.type("Istanbul");
  await press(page, "Enter");
  await press(page, "l");
  let doc = (await state(page)).documents[0];
  assert.equal(doc.spans.filter((s) => s.text === "Istanbul" && s.label === "LOC").length, count);
  await press(page, "Escape");
  await page.mouse.click(640, 400);
  await press(page, "Control+z");
  doc = (await state(page)).documents[0];
  assert.equal(doc.spans.length, 0, "one undo removes them all");
  assert.deepEqual(errors, []);
  await page.context().close();
});
