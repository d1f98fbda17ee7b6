// A second tab (issue 17.10): two pages of one browser context share the corpus in IndexedDB; one
// writes (it holds the Web Lock), the other is read-only, says so once and has nothing unsaved.
// When the writing tab closes or its renderer dies, the read-only tab takes over without a reload:
// it loads what the other tab saved and writes; an edit there survives a reload.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, labelText, state } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const storage = (page) => page.evaluate(() => window.inkspan.storage());
// Waits until the tab writes and has nothing left to save.
const saved = (page) => page.waitForFunction(() => {
  const s = window.inkspan.storage();
  return s.state === "idle" && !s.pending && s.saves > 0;
}, null, { polling: "raf" });
const spanTexts = async (page) => (await state(page)).documents[0].spans.map((s) => s.text).sort();

// Everything the page's live regions say from now on (what a screen reader hears; the status bar's
// messages go there too).
const recordAnnouncements = (page) => page.evaluate(() => {
  window.__said = [];
  const watch = (el) => new MutationObserver(() => { if (el.textContent) window.__said.push(el.textContent); })
    .observe(el, { childList: true, characterData: true, subtree: true });
  for (const id of ["status", "a11y-alert", "a11y-save"]) watch(document.getElementById(id));
});
const announcements = (page) => page.evaluate(() => window.__said);

test("a second tab is read-only, says so once however often it refuses an edit, and has nothing unsaved", async () => {
  const context = await browser.newContext();
  // Both open at once: the read-only one finds nothing stored yet (it used to count the sample as unsaved).
  const tabs = await Promise.all([openApp(context, server.url), openApp(context, server.url)]);
  const states = await Promise.all(tabs.map(({ page }) => storage(page)));
  const reader = tabs[states.findIndex((s) => s.state === "read_only")];
  assert.ok(reader, JSON.stringify(states));
  assert.equal(states.filter((s) => s.state === "read_only").length, 1, JSON.stringify(states));
  const page = reader.page;
  assert.equal((await storage(page)).pending, false);
  await recordAnnouncements(page);
  for (let i = 0; i < 3; i++) await labelText(page, "Washington", "l");
  assert.deepEqual(await spanTexts(page), []);
  const told = (await announcements(page)).filter((t) => /another tab|read-only/.test(t));
  assert.ok(told.length <= 1, JSON.stringify(told));
  assert.equal((await storage(page)).pending, false);
  assert.deepEqual(reader.errors, []);
  await context.close();
});

// A writes; B opens read-only; A labels once more; then A goes (`end`) and B must take over.
async function handOverWhen(end) {
  const context = await browser.newContext();
  const a = await openApp(context, server.url);
  await labelText(a.page, "Washington", "l");
  await saved(a.page);
  const b = await openApp(context, server.url);
  assert.equal((await storage(b.page)).state, "read_only");
  assert.deepEqual(await spanTexts(b.page), ["Washington"]);
  await labelText(a.page, "Moscou", "l");
  await saved(a.page);
  await b.page.evaluate(() => { window.__notReloaded = true; });
  await recordAnnouncements(b.page);

  await end(context, a.page);
  await b.page.waitForFunction(() => window.inkspan.storage().state === "idle", null, { polling: "raf" });
  assert.equal(await b.page.evaluate(() => window.__notReloaded), true, "taken over without a reload");
  assert.deepEqual(await spanTexts(b.page), ["Moscou", "Washington"], "what the other tab saved last");
  // The live region may say it a frame after the storage state turns idle: wait for it, then it
  // must have been said exactly once.
  await b.page.waitForFunction(() => window.__said.some((t) => /this tab/i.test(t)), null, { polling: "raf", timeout: 10000 })
    .catch(() => {});
  const told = (await announcements(b.page)).filter((t) => /this tab/i.test(t));
  assert.equal(told.length, 1, JSON.stringify(await announcements(b.page)));

  await labelText(b.page, "Istanbul", "l");
  assert.deepEqual(await spanTexts(b.page), ["Istanbul", "Moscou", "Washington"]);
  await saved(b.page);
  await b.page.reload();
  await b.page.evaluate(() => window.inkspan.ready);
  assert.deepEqual(await spanTexts(b.page), ["Istanbul", "Moscou", "Washington"]);
  assert.equal((await storage(b.page)).state, "idle");
  assert.deepEqual(b.errors, []);
  await context.close();
}

test("when the writing tab closes, the read-only tab takes over without a reload and its edits are saved", async () => {
  await handOverWhen((context, page) => page.close());
});

test("when the writing tab's renderer dies, the read-only tab takes over and its edits are saved", async () => {
  await handOverWhen(async (context, page) => {
    const cdp = await context.newCDPSession(page);
    const crashed = new Promise((r) => page.once("crash", r));
    cdp.send("Page.crash").catch(() => {});  // never answers: the renderer is gone
    await crashed;
  });
});

test("after a renderer crash the reopened tab writes again", async () => {
  const context = await browser.newContext();
  const a = await openApp(context, server.url);
  await labelText(a.page, "Washington", "l");
  await saved(a.page);
  const cdp = await context.newCDPSession(a.page);
  const crashed = new Promise((r) => a.page.once("crash", r));
  cdp.send("Page.crash").catch(() => {});
  await crashed;
  const c = await openApp(context, server.url);
  assert.equal((await storage(c.page)).state, "idle");
  assert.deepEqual(await spanTexts(c.page), ["Washington"]);
  await labelText(c.page, "Moscou", "l");
  await saved(c.page);
  await c.page.reload();
  await c.page.evaluate(() => window.inkspan.ready);
  assert.deepEqual(await spanTexts(c.page), ["Moscou", "Washington"]);
  assert.deepEqual(c.errors, []);
  await context.close();
});
