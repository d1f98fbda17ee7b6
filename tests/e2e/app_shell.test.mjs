// The app's shell around the text: the one edit path and the save queue (a Replace import leaves
// only the new document stored), and the input backend (text fields keep their keys, the I-beam
// over them).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, getState, labelText, state, press } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const waitSaved = (page) => page.waitForFunction(() => {
  const s = window.inkspan.storage();
  return s.state === "idle" && !s.pending;
}, null, { timeout: 10000 });

// The ids of the document records in IndexedDB (what a reload can find), read straight from the database.
const storedIds = (page) => page.evaluate(() => new Promise((resolve, reject) => {
  const req = indexedDB.open("inkspan");
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const keys = req.result.transaction("documents", "readonly").objectStore("documents").getAllKeys();
    keys.onsuccess = () => { req.result.close(); resolve(keys.result.map(String).sort()); };
    keys.onerror = () => reject(keys.error);
  };
}));

// The search box sits at the top left of the reading area once Ctrl+F opened it.
async function searchBoxCentre(page) {
  return page.evaluate(() => {
    const r = document.querySelector("#canvas").getBoundingClientRect();
    return { x: r.left + 230 + 16 + 60, y: r.top + 44 + 6 + 10 };
  });
}

test("Ctrl+Z typed in the search box edits the query, it does not undo the last annotation", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  await labelText(page, "Istanbul", "l");
  assert.equal((await state(page)).documents[0].spans.length, 1);
  await press(page, "Control+f");
  await page.keyboard.type("wash");
  await settle(page);
  await press(page, "Control+z");
  assert.equal((await state(page)).documents[0].spans.length, 1, "the annotation is still there");
  await press(page, "Escape");  // leaves the field
  await press(page, "Escape");  // closes the bar
  await press(page, "Control+z");
  assert.equal((await state(page)).documents[0].spans.length, 0, "outside the field Ctrl+Z undoes");
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("over a text field the pointer is an I-beam (ImGui's cursor reaches the canvas)", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  await press(page, "Control+f");
  const p = await searchBoxCentre(page);
  await page.mouse.move(p.x, p.y);
  await settle(page);
  await page.waitForFunction(() => document.querySelector("#canvas").style.cursor === "text", null, { timeout: 5000 });
  await page.mouse.move(600, 20);  // the toolbar, over no field
  await page.waitForFunction(() => document.querySelector("#canvas").style.cursor === "default", null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a Replace import deletes the replaced document's record: IndexedDB and a reload hold only the new document", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  await labelText(page, "Istanbul", "l");
  await waitSaved(page);
  const old = (await state(page)).documents;
  assert.deepEqual(await storedIds(page), old.map((d) => d.id).sort());
  assert.equal(old.length, 1);
  const text = old[0].text;
  const r = await page.evaluate((t) => window.inkspan.importFile("istanbul-again.txt", t), text);
  assert.ok(r.ok && r.pending, r.message);  // same text: replace, keep both or merge?
  await press(page, "r");
  const now = (await state(page)).documents;
  assert.equal(now.length, 1);
  assert.notEqual(now[0].id, old[0].id);
  assert.equal(now[0].spans.length, 0);
  await waitSaved(page);
  assert.deepEqual(await storedIds(page), [now[0].id], "the replaced document's record is deleted");
  await page.reload();
  await page.evaluate(() => window.inkspan.ready);
  const reloaded = (await state(page)).documents;
  assert.deepEqual(reloaded.map((d) => d.id), [now[0].id], "only the new document is stored");
  assert.deepEqual(errors, []);
  await ctx.close();
});
