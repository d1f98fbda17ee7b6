// More of what a first-time annotator tripped over (issue 17), in the page with real mouse and
// keyboard events on the canvas: the word under the pointer stays put when a span above it is
// labelled (5); the status bar's prompt goes with its mode, counts are in the singular for one,
// Replace says replaced (7); pasted text is a new document that is said and undone, repeated names
// are shown apart (8). What the status bar says is read from the page's accessible mirror (the
// same words, web/inkspan-a11y.js).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, waitForIdle, rangeOf, dragOver, clickAt, labelText, locate, state, press, mirrorCaughtUp }
  from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

// The status bar as the mirror shows it: its counts, and the last message the app gave.
const statusCounts = async (page) => {
  await mirrorCaughtUp(page);
  return page.evaluate(() => document.getElementById("a11y-status-bar").textContent);
};
const watchMessages = (page) => page.evaluate(() => {
  const show = Module.inkspanA11y;
  Module.inkspanA11y = (json) => { window.__message = JSON.parse(json).message.text; show(json); };
});
const message = (page) => page.evaluate(() => window.__message);

test("the word under the pointer stays where it is when a span on an earlier line is labelled", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const above = rangeOf(text, "Istanbul"), below = rangeOf(text, "Sonata Coulter");
  const word = await locate(page, below.start);
  await dragOver(page, above);
  const first = await locate(page, above.start);
  assert.ok(first.y < word.y, "the labelled word is on an earlier line");
  await page.mouse.move(word.x + 2, word.y + word.h / 2);  // the pointer parked on the word below
  await press(page, "l");
  await waitForIdle(page);
  assert.equal((await state(page)).documents[0].spans.length, 1);
  const box = await page.evaluate((o) => window.inkspan.locate("d1", o), below.start);
  assert.equal(box.y, word.y, "the word below did not move");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the relation prompt goes once the relation exists; one span and one relation are counted in the singular", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await watchMessages(page);
  const alex = await labelText(page, "Alexandre Darchiev", "p");
  assert.match(await statusCounts(page), /\b1 span\b/);
  const sonata = await labelText(page, "Sonata Coulter", "p");
  await clickAt(page, alex.start + 2);
  await press(page, "r");
  assert.match(await message(page), /^Click the span this relation points to/);
  await clickAt(page, sonata.start + 2);
  await waitForIdle(page);
  assert.equal((await state(page)).documents[0].relations.length, 1);
  assert.doesNotMatch(await message(page) || "", /Click the span/);
  assert.match(await statusCounts(page), /\b2 spans\b.*\b1 relation\b/);
  assert.doesNotMatch(await statusCounts(page), /\b1 relations\b/);
  // R, then Esc: the prompt goes too.
  await clickAt(page, alex.start + 2);
  await press(page, "r");
  assert.match(await message(page), /^Click the span this relation points to/);
  await press(page, "Escape");
  await waitForIdle(page);
  assert.doesNotMatch(await message(page) || "", /Click the span/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("Replace (the R key on the import question) says replaced", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await watchMessages(page);
  const text = (await state(page)).documents[0].text;
  const out = await page.evaluate((t) => window.inkspan.importFile("again.txt", t), text);
  assert.equal(out.pending, true, JSON.stringify(out));
  await settle(page);
  await press(page, "r");
  await waitForIdle(page);
  assert.match(await message(page), /replaced 1 document/);
  assert.doesNotMatch(await message(page), /added/);
  assert.equal((await state(page)).documents.length, 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("Ctrl+V outside a text field: a new document, said so, and Ctrl+Z removes it", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const { page, errors } = await openApp(context, server.url);
  await watchMessages(page);
  await page.evaluate(() => navigator.clipboard.writeText("Pasted words about Riyad."));
  await clickAt(page, 3);  // the text has the keyboard
  await press(page, "Control+v");
  await waitForIdle(page);
  const docs = (await state(page)).documents;
  assert.equal(docs.length, 2);
  assert.equal(docs[1].text, "Pasted words about Riyad.");
  assert.match(await message(page), /^Pasted as a new document "pasted-text\.txt" — Ctrl\+Z removes it/);
  await press(page, "Control+z");
  await waitForIdle(page);
  assert.equal((await state(page)).documents.length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two documents of the same name are listed apart", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await page.evaluate(async () => {
    await window.inkspan.importFileObjects([new File(["First note."], "notes.txt")]);
    await window.inkspan.importFileObjects([new File(["Second note."], "notes.txt")]);
  });
  await waitForIdle(page);
  const names = await page.evaluate(() =>
    Array.from(document.querySelectorAll("nav[aria-label=Documents] [data-action]"), (b) => b.textContent));
  assert.ok(names.some((n) => /notes\.txt \(2\)/.test(n)), JSON.stringify(names));
  assert.deepEqual(errors, []);
  await page.context().close();
});
