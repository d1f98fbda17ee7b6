// The editor with real mouse and keyboard events on the canvas; positions come from
// inkspan.locate (code point offsets → page pixels), state from inkspan.getState().
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, getState, rangeOf, locate, dragOver, clickAt, state, press,
         waitForFrames } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });



function spanAt(doc, range, label) {
  return doc.spans.find((s) => s.start === range.start && s.end === range.end && (!label || s.label === label));
}

test("drag over Istanbul, press the LOC hotkey: the span has the right code point offsets", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const r = rangeOf(text, "Istanbul");
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
  const r = rangeOf(text, "Washington");
  await dragOver(page, { start: r.start + 2, end: r.end - 2 });  // "shingt"
  await press(page, "l");
  let doc = (await state(page)).documents[0];
  assert.ok(spanAt(doc, r, "LOC"), "snapped to Washington: " + JSON.stringify(doc.spans));

  const m = rangeOf(text, "Moscou");
  const b = await locate(page, m.start + 2);
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
  const alex = rangeOf(text, "Alexandre Darchiev");
  const sonata = rangeOf(text, "Sonata Coulter");
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

test("touch: a long press on a word selects it, then a hotkey labels it; a quick tap does not", async () => {
  const ctx = await browser.newContext({ hasTouch: true });
  const { page, errors } = await openApp(ctx, server.url);
  const cdp = await ctx.newCDPSession(page);
  const selection = async () => {
    const s = await page.evaluate(() => window.inkspan.stats());
    return { start: s.selectionStart, end: s.selectionEnd };
  };
  // A tap lifts the finger once the app has drawn a frame with it down; a long press holds it
  // until the app has selected something (0.5 s of its clock).
  const touch = async (range, long) => {
    const b = await locate(page, range.start + 1);
    await settle(page);
    const p = { x: b.x + b.w / 2, y: b.y + b.h / 2 };
    await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [p] });
    if (long) {
      await page.waitForFunction(() => { const s = window.inkspan.stats(); return s.selectionEnd > s.selectionStart; },
                                 null, { polling: "raf", timeout: 10000 });
      assert.deepEqual(await selection(), range, "the long press selects the word while the finger is down");
    } else {
      await waitForFrames(page, 1);
    }
    await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await settle(page);
  };
  const text = (await state(page)).documents[0].text;
  const moscou = rangeOf(text, "Moscou");
  await touch(moscou, false);  // a tap: no selection, so the hotkey does nothing
  const afterTap = await selection();
  assert.equal(afterTap.end, afterTap.start, "a tap selects nothing");
  await press(page, "l");
  assert.equal((await state(page)).documents[0].spans.length, 0, "a tap selects nothing");
  await touch(moscou, true);  // a long press: the word
  await press(page, "l");
  const doc = (await state(page)).documents[0];
  assert.ok(spanAt(doc, moscou, "LOC"), "LOC over Moscou after a long press: " + JSON.stringify(doc.spans));
  assert.equal(doc.spans.length, 1);
  assert.deepEqual(errors, []);
  await ctx.close();
});
