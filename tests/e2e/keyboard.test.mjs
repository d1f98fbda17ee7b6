// Annotating with the keyboard alone (issue 19): no mouse event at all — the caret moves by word,
// Shift+Ctrl+Left selects, label keys label, Tab walks spans, R + Tab + Enter relates. Offsets
// are checked exactly in getState(); inkspan.selection() only reads where the caret is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, state, rangeOf, press } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const selection = (page) => page.evaluate(() => window.inkspan.selection());

// Ctrl+Right until the caret is at `cp` (a word end).
async function wordRightTo(page, cp) {
  for (let i = 0; i < 400; i++) {
    const s = await selection(page);
    if (s.caret >= cp) break;
    await press(page, "Control+ArrowRight");
  }
  assert.equal((await selection(page)).caret, cp, "the caret stops at the word's end");
}

// Selects `range` (words) by keyboard: its end, then Shift+Ctrl+Left over its words, and labels it.
async function labelByKeys(page, range, words, key) {
  await wordRightTo(page, range.end);
  for (let i = 0; i < words; i++) await press(page, "Control+Shift+ArrowLeft");
  const s = await selection(page);
  assert.deepEqual([Math.min(s.anchor, s.caret), Math.max(s.anchor, s.caret)], [range.start, range.end]);
  await press(page, key);
}

test("keyboard only: Istanbul LOC, Alexandre Darchiev and Sonata Coulter PER, a relation by R, Tab, Enter", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await page.evaluate(() => {
    window.pointerEvents = 0;
    for (const type of ["mousedown", "mouseup", "mousemove", "click", "pointerdown", "wheel", "touchstart"])
      window.addEventListener(type, () => { window.pointerEvents++; }, true);
  });
  const text = (await state(page)).documents[0].text;
  const istanbul = rangeOf(text, "Istanbul"), alex = rangeOf(text, "Alexandre Darchiev"), sonata = rangeOf(text, "Sonata Coulter");
  assert.equal((await selection(page)).caret, 0, "the caret starts at the text's start");

  await labelByKeys(page, istanbul, 1, "l");
  await labelByKeys(page, alex, 2, "p");
  await labelByKeys(page, sonata, 2, "p");
  let doc = (await state(page)).documents[0];
  const find = (r, label) => doc.spans.find((s) => s.start === r.start && s.end === r.end && s.label === label);
  assert.ok(find(istanbul, "LOC"), "Istanbul LOC: " + JSON.stringify(doc.spans));
  assert.ok(find(alex, "PER"), "Alexandre Darchiev PER: " + JSON.stringify(doc.spans));
  assert.ok(find(sonata, "PER"), "Sonata Coulter PER: " + JSON.stringify(doc.spans));
  assert.equal(doc.spans.length, 3);
  assert.equal(find(istanbul, "LOC").text, "Istanbul");
  assert.equal(find(alex, "PER").text, "Alexandre Darchiev");
  assert.equal(find(sonata, "PER").text, "Sonata Coulter");

  // Tab walks the spans in reading order: Istanbul, then Alexandre Darchiev.
  await press(page, "Tab");
  await press(page, "Tab");
  assert.equal((await selection(page)).span, find(alex, "PER").id);
  await press(page, "r");
  assert.equal((await selection(page)).relationSource, find(alex, "PER").id);
  await press(page, "Tab");  // the first candidate after the head: Sonata Coulter (PER → PER: meets)
  await press(page, "Enter");
  doc = (await state(page)).documents[0];
  assert.equal(doc.relations.length, 1, JSON.stringify(doc.relations));
  assert.deepEqual([doc.relations[0].type, doc.relations[0].head, doc.relations[0].tail],
                   ["meets", find(alex, "PER").id, find(sonata, "PER").id]);
  assert.equal((await selection(page)).relationSource, "");

  assert.equal(await page.evaluate(() => window.pointerEvents), 0, "no mouse or pointer event was sent");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("keyboard: Ctrl+End, Ctrl+Home and PageDown move the caret", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await press(page, "Control+End");
  assert.equal((await selection(page)).caret, Array.from((await state(page)).documents[0].text).length);
  await press(page, "Control+Home");
  assert.equal((await selection(page)).caret, 0);
  await press(page, "PageDown");
  assert.ok((await selection(page)).caret > 100, "PageDown moved the caret a page down");
  assert.deepEqual(errors, []);
  await page.context().close();
});
