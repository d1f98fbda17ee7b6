// What a first-time annotator tripped over (issue 17), in the page with real keys and mouse: Ctrl+F
// on an open find bar replaces the old query, one Esc closes the palette and drops the selection,
// several text files picked at once are all imported.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, rangeOf, dragOver, clickAt, state, press } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

test("Ctrl+F on an open find bar replaces the old query: Enter then L labels only the new one's matches", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  await page.keyboard.press("Control+f");
  await page.keyboard.type("Lavrov");
  await settle(page);
  await clickAt(page, rangeOf(text, "Washington").start + 2);  // the field loses the keyboard
  await page.keyboard.press("Escape");
  await page.keyboard.press("Control+f");
  await page.keyboard.type("Istanbul");
  await press(page, "Enter");
  await press(page, "l");
  const spans = (await state(page)).documents[0].spans;
  assert.equal(spans.length, text.split("Istanbul").length - 1, JSON.stringify(spans));
  assert.ok(spans.every((s) => s.text === "Istanbul" && s.label === "LOC"));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("one Esc closes the palette and drops the selection: a stray key labels nothing", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  await dragOver(page, rangeOf(text, "Washington"));
  await press(page, "Escape");
  await press(page, "p");
  assert.deepEqual((await state(page)).documents[0].spans, []);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("ten text files picked at once are ten documents", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await page.evaluate(async () => {
    const files = [];
    for (let i = 1; i <= 10; ++i) files.push(new File([`Note ${i}.`], `note-${i}.txt`, { type: "text/plain" }));
    await window.inkspan.importFileObjects(files);
  });
  await settle(page);
  const docs = (await state(page)).documents;
  assert.equal(docs.length, 11);
  assert.deepEqual(docs.slice(1).map((d) => d.text).sort(), Array.from({ length: 10 }, (_, i) => `Note ${i + 1}.`).sort());
  assert.deepEqual(errors, []);
  await page.context().close();
});
