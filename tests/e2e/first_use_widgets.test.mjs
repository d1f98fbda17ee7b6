// What a first-time annotator tripped over (issue 17) where it needs ImGui widgets found on the
// canvas: side-panel buttons, document rows, the label palette, relation arcs and the annotation
// list are aimed at with the rectangles the app's last frame drew (inkspan.items, drawnTextView,
// drawnAnnotations); every gesture is a real mouse or keyboard event. Items 1, 3, 6 and 9.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, waitForIdle, rangeOf, dragOver, clickAt, labelText, locate, state,
         press, items, clickItem } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const drawn = (page) => page.evaluate(() => window.inkspan.drawnTextView());
const stats = (page) => page.evaluate(() => window.inkspan.stats());
const selection = (page) => page.evaluate(() => window.inkspan.selection());
const centre = (b) => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });
const inside = (p, b) => p.x > b.x && p.x < b.x + b.w && p.y > b.y && p.y < b.y + b.h;

// Clicks the label chip of span `spanId` (its code point `offset` scrolled into view first).
async function clickChip(page, spanId, offset) {
  await locate(page, offset);
  await waitForIdle(page);
  const chip = (await drawn(page)).chips.find((c) => c.spanId === spanId);
  assert.ok(chip, `the chip of ${spanId} is drawn`);
  const at = centre(chip);
  await page.mouse.click(at.x, at.y);
  await waitForIdle(page);
  assert.equal((await selection(page)).span, spanId, "the chip's click selected its span");
}

// The parts of an item checked one after the other; every failed part is reported at the end,
// so one run shows all that a change broke.
function checks() {
  const failed = [];
  return { ok: (condition, what) => { if (!condition) failed.push(what); return condition; },
           done: () => assert.deepEqual(failed, [], failed.join("\n")) };
}

// Points along a polyline [[x, y], ...], every 2 px.
function sampled(points) {
  const out = [];
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1], [bx, by] = points[i];
    const n = Math.max(1, Math.floor(Math.hypot(bx - ax, by - ay) / 2));
    for (let k = 0; k <= n; k++) out.push({ x: ax + (bx - ax) * k / n, y: ay + (by - ay) * k / n });
  }
  return out;
}

test("1: after a chip and a side-panel widget are clicked, Ctrl+F takes the typing and the span keeps its label", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const city = await labelText(page, "Istanbul", "l");
  const span = (await state(page)).documents[0].spans[0];
  assert.equal(span.label, "LOC");
  const doc = (await state(page)).documents[0];
  for (const widget of ["Mark document done", "the document's row"]) {
    await clickChip(page, span.id, city.start);
    if (widget === "Mark document done") await clickItem(page, widget);
    else await clickItem(page, (await items(page)).find((i) => i.label.endsWith(doc.name)).label);
    assert.equal((await selection(page)).span, span.id, `still selected after clicking ${widget}`);
    // From an idle page the field takes the keyboard a frame or two after Ctrl+F, while the
    // letters arrive at once: the first of them were lost or acted as hotkeys ("oscou").
    await waitForIdle(page);
    await page.keyboard.press("Control+f");
    await page.keyboard.type("Moscou");  // at once (o is ORG's hotkey, m MISC's)
    // The letters reach the field over a few frames (ImGui takes one key change a frame); wait
    // until the query is whole, or for long enough to see it is not (the field has the keys: its
    // caret blinks, the app never idles, so no waitForIdle here).
    await page.waitForFunction(() => window.inkspan.stats().findQuery === "Moscou", null, { timeout: 5000 }).catch(() => {});
    const s = await stats(page);
    assert.equal(s.findOpen, true);
    assert.equal(s.findQuery, "Moscou", `the find field took the typing after ${widget}`);
    assert.deepEqual((await state(page)).documents[0].spans.map((x) => x.label), ["LOC"], `after ${widget}`);
    await press(page, "Escape");  // the find bar closes
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

// The rule the palette shows: a hotkey labels at once while the filter is empty; "/" starts a
// filter in which every letter filters, hotkeys included.
test("3: the palette by a word at the bottom edge is whole, above the word, its header shown whole; /oc filters to LOC, m still labels MISC", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const viewport = page.viewportSize();
  const word = rangeOf(text, "Vladimir");
  await page.mouse.move(500, 400);
  let box = await locate(page, word.start);
  for (let i = 0; i < 40 && box.y < viewport.height - 28 - 60; i++) {  // wheel the word down to the status bar
    await page.mouse.wheel(0, -40);
    await waitForIdle(page);
    box = await locate(page, word.start);
  }
  assert.ok(box.y >= viewport.height - 28 - 60, `the word is by the bottom edge (y ${box.y})`);
  await dragOver(page, word);
  await waitForIdle(page);
  const [palette] = await items(page, "##palette");
  assert.ok(palette, "the palette is open");
  const check = checks();
  check.ok(palette.x >= 0 && palette.y >= 0 && palette.x + palette.w <= viewport.width &&
           palette.y + palette.h <= viewport.height, `inside the canvas: ${JSON.stringify(palette)}`);
  check.ok(palette.y + palette.h <= box.y, `above the selected word: ${JSON.stringify({ palette, box })}`);
  const header = (await items(page)).find((i) => /\/.*filter/.test(i.label) && inside(centre(i), palette));
  if (check.ok(header, "the header says how to filter"))
    check.ok(header.visible && header.x >= palette.x && header.x + header.w <= palette.x + palette.w,
             `the header's whole text is shown: ${JSON.stringify({ header, palette })}`);

  // "/oc": o is ORG's hotkey, but after "/" it filters — only LOC holds "oc". ("/mi" cannot tell
  // the rules apart: m is MISC's own hotkey, so MISC would come either way.)
  await page.keyboard.type("/oc");
  await settle(page);  // a text field has the keys: its caret blinks, the app never idles
  await press(page, "Enter");
  const labelled = async () => (await state(page)).documents[0].spans.map((s) => `${s.text} ${s.label}`).sort();
  check.ok(JSON.stringify(await labelled()) === JSON.stringify(["Vladimir LOC"]),
           `/oc then Enter labels LOC: ${JSON.stringify(await labelled())}`);

  await press(page, "Escape");
  await dragOver(page, rangeOf(text, "Poutine"));
  await waitForIdle(page);
  assert.equal((await items(page, "##palette")).length, 1, "the palette is open again");
  await press(page, "m");  // MISC's hotkey, the filter empty
  await waitForIdle(page);
  check.ok(JSON.stringify(await labelled()) === JSON.stringify(["Poutine MISC", "Vladimir LOC"]),
           `m labels MISC at once: ${JSON.stringify(await labelled())}`);
  check.done();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("6: a relation's arc passes no chip but its ends'; the hovered arc is drawn on top", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  // PER, an ORG with a nested LOC (a chip in a higher band), and an ORG further on the line.
  const alex = await labelText(page, "Alexandre Darchiev", "p");
  await labelText(page, "département de l’Atlantique Nord", "o");
  await labelText(page, "Atlantique Nord", "l");
  const ministere = await labelText(page, "ministère des Affaires étrangères", "o", 1);
  const sonata = await labelText(page, "Sonata Coulter", "p");
  for (const tail of [ministere, sonata]) {
    await clickAt(page, alex.start + 2);
    await press(page, "r");
    await clickAt(page, tail.start + 2);
  }
  await press(page, "Escape");
  const doc = (await state(page)).documents[0];
  assert.equal(doc.relations.length, 2, JSON.stringify(doc.relations));
  await locate(page, alex.start);
  await page.mouse.move(5, page.viewportSize().height - 10);  // nothing hovered
  await waitForIdle(page);
  const { chips, arcs } = await drawn(page);
  assert.equal(arcs.length, 2, JSON.stringify(arcs));
  const check = checks();
  for (const rel of doc.relations) {
    const arc = arcs.find((a) => a.relationId === rel.id);
    check.ok(!arc.onTop, `nothing hovered or selected: the ${rel.type} arc is drawn in its place`);
    for (const chip of chips.filter((c) => c.spanId !== rel.head && c.spanId !== rel.tail)) {
      const through = sampled(arc.points).find((p) => inside(p, chip));
      check.ok(!through, `the arc to ${rel.tail} runs through the chip of ${chip.spanId} at ${JSON.stringify(through)}`);
    }
  }

  // The pointer on the middle of an arc's longest stretch clear of every chip: that arc on top.
  for (const rel of doc.relations) {
    const arc = arcs.find((a) => a.relationId === rel.id);
    const points = sampled(arc.points).filter((p) => !chips.some((c) => inside(p, c)) &&
      !arcs.some((o) => o !== arc && sampled(o.points).some((q) => Math.hypot(q.x - p.x, q.y - p.y) < 6)));
    assert.ok(points.length, `a point of the ${rel.type} arc apart from the others`);
    const at = points[Math.floor(points.length / 2)];
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitForIdle(page);
    const onTop = (await drawn(page)).arcs.filter((a) => a.onTop).map((a) => a.relationId);
    check.ok(JSON.stringify(onTop) === JSON.stringify([rel.id]),
             `hovering the arc to ${rel.tail} at ${JSON.stringify(at)} draws it on top (on top: ${JSON.stringify(onTop)})`);
  }
  check.done();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("9: annotation rows tell three 'LOC Istanbul' apart; a span's chip clicked in the text brings its row wholly into view", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  for (let nth = 0; nth < 3; nth++) await labelText(page, "Istanbul", "l", nth);
  await waitForIdle(page);
  const rows = (await page.evaluate(() => window.inkspan.drawnAnnotations())).rows
    .filter((r) => r.text.startsWith("LOC  Istanbul"));
  assert.equal(rows.length, 3, JSON.stringify(rows));
  const check = checks();
  check.ok(new Set(rows.map((r) => r.text)).size === 3, `rows told apart: ${JSON.stringify(rows.map((r) => r.text))}`);

  // Many rows: every "de" labelled MISC from the find bar; then the last span's chip is clicked.
  await press(page, "Control+f");
  await page.keyboard.type("de");
  await press(page, "Enter");
  await press(page, "m");
  await press(page, "Escape");
  const spans = (await state(page)).documents[0].spans;
  const target = spans.reduce((a, b) => (b.start > a.start ? b : a));
  const list = await page.evaluate(() => window.inkspan.drawnAnnotations());
  assert.ok(spans.length * list.rows[0].h > list.list.h, `more rows (${spans.length}) than the list shows`);
  assert.ok(!list.rows.some((r) => r.id === target.id && r.visible), "the last row is out of view before");
  await clickChip(page, target.id, target.start);
  const after = await page.evaluate(() => window.inkspan.drawnAnnotations());
  const row = after.rows.find((r) => r.id === target.id);
  if (check.ok(row, "the selected span's row is drawn"))
    check.ok(row.visible && row.y >= after.list.y && row.y + row.h <= after.list.y + after.list.h,
             `the row is wholly in view: row ${row.y}..${row.y + row.h}, list ${after.list.y}..${after.list.y + after.list.h}`);
  check.done();
  assert.deepEqual(errors, []);
  await page.context().close();
});
