// Nothing lost: autosave to IndexedDB, restore on reload and after a crash, one writer per origin,
// bad imports refused without touching the corpus, a full disk reported, export → import identity.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { serveDist, launchBrowser, launchPersistent, openApp, settle, getState, labelText } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const storage = (page) => page.evaluate(() => window.inkspan.storage());
const label = labelText;

async function waitSaved(page) {
  await page.waitForFunction(() => {
    const s = window.inkspan.storage();
    return s.state === "idle" && !s.pending;
  }, null, { timeout: 10000 });
}

test("annotate, reload: spans, relations, statuses and schema are back", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  await label(page, "Istanbul", "l");
  await label(page, "Sergueï Lavrov", "p");
  await waitSaved(page);
  const before = await getState(page);
  await page.reload();
  await page.evaluate(() => window.inkspan.ready);
  assert.equal(await getState(page), before);
  assert.equal(JSON.parse(before).documents[0].spans.length, 2);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("a killed browser loses nothing that was saved: the edit is there after a restart", async () => {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "inkspan-kill-"));
  const first = await launchPersistent(profile);
  const { page } = await openApp(first.context, server.url);
  await label(page, "Washington", "l");
  await waitSaved(page);
  const expected = await getState(page);
  first.kill();  // SIGKILL: no unload, no pagehide, no chance to flush anything
  await first.context.close().catch(() => {});
  const second = await launchPersistent(profile);
  const { page: again, errors } = await openApp(second.context, server.url);
  assert.equal(await getState(again), expected);
  assert.deepEqual(errors, []);
  await second.context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

test("two tabs: the second is told the corpus is open elsewhere and the first's edits survive", async () => {
  const ctx = await browser.newContext();
  const { page: first } = await openApp(ctx, server.url);
  const { page: second } = await openApp(ctx, server.url);
  assert.equal((await storage(second)).state, "read_only");
  assert.match((await storage(second)).message, /another tab/);
  await label(first, "Moscou", "l");
  await waitSaved(first);
  // Trying to edit in the read-only tab changes nothing stored.
  const stateBefore = await getState(second);
  await label(second, "Riyad", "l");
  // Refused there and then (no waiting for a save that must not come): the tab's state is unchanged.
  assert.equal(await getState(second), stateBefore, "the read-only tab refuses the edit");
  assert.equal((await storage(second)).state, "read_only");
  await first.close();
  await second.reload();
  await second.evaluate(() => window.inkspan.ready);
  const doc = JSON.parse(await getState(second)).documents[0];
  assert.ok(doc.spans.some((s) => s.text === "Moscou"), "the first tab's edit is stored");
  assert.ok(!doc.spans.some((s) => s.text === "Riyad"), "the read-only tab's attempt is not");
  assert.equal((await storage(second)).state, "idle", "the remaining tab is now the writer");
  await ctx.close();
});

test("bad input: every file is refused with a message naming it, the state is byte-identical", async () => {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  await label(page, "Istanbul", "l");
  const before = await getState(page);
  const good = JSON.parse(before);
  const doc = good.documents[0];
  const variant = (f) => { const c = JSON.parse(before); f(c); return JSON.stringify(c); };
  const bad = [
    ["empty.txt", ""],
    ["empty.json", ""],
    ["syntax.json", "{\"format\": \"inkspan\", "],
    ["not-object.json", "[1, 2, 3]"],
    ["wrong-format.json", variant((c) => { c.format = "brat"; })],
    ["future-version.json", variant((c) => { c.version = 99; })],
    ["end-past-text.json", variant((c) => { c.documents[0].spans[0].end = 999999; })],
    ["start-after-end.json", variant((c) => { c.documents[0].spans[0].start = c.documents[0].spans[0].end + 1; })],
    ["negative.json", variant((c) => { c.documents[0].spans[0].start = -3; })],
    ["text-mismatch.json", variant((c) => { c.documents[0].spans[0].text = "Istanbu"; })],
    ["dangling-relation.json", variant((c) => { c.documents[0].relations = [{ id: "R1", type: "meets", head: "T1", tail: "T404" }]; })],
    ["duplicate-ids.json", variant((c) => { c.documents[0].spans.push({ ...c.documents[0].spans[0] }); })],
    ["missing-text.json", variant((c) => { delete c.documents[0].text; })],
    ["string-offset.json", variant((c) => { c.documents[0].spans[0].start = "12"; })],
    ["unknown-relation-span.json", variant((c) => { c.documents[0].relations = [{ id: "R1", type: "meets", head: "X", tail: "Y" }]; })],
    ["deep.json", "[".repeat(100000) + "]".repeat(100000)],
    ["deep-inkspan.json", before.replace('"documents"', '"x": ' + "[".repeat(65) + "]".repeat(65) + ', "documents"')],
    ["huge-number.json", before.replace(/"end": *\d+/, '"end": 1e999')],
    ["long-number.json", '{"format": "inkspan", "version": ' + "9".repeat(5000) + "}"],
    ["deep.jsonl", '{"text": "a", "label": ' + "[".repeat(1000) + "]".repeat(1000) + "}\n"],
  ];
  for (const [name, contents] of bad) {
    const r = await page.evaluate(([n, c]) => window.inkspan.importFile(n, c), [name, contents]);
    assert.equal(r.ok, false, `${name} must be refused`);
    assert.ok(r.error.startsWith(name + ":"), `${name}: message names the file: ${r.error}`);
    assert.equal(await getState(page), before, `${name}: state unchanged`);
    if (/deep|number/.test(name)) assert.match(r.error, /nested deeper than 64 levels|number/, `${name}: ${r.error}`);
  }
  // Bytes that are not UTF-8, and a file over the size limit (refused before it is read).
  const r1 = await page.evaluate(() => window.inkspan.importFile("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])));
  assert.equal(r1.ok, false);
  assert.match(r1.error, /latin1\.txt: invalid UTF-8 at byte 3/);
  const r2 = await page.evaluate(async () => {
    const big = new File([new Uint8Array(200 * 1024 * 1024)], "huge.txt");
    return window.inkspan.importFileObjects([big]);
  });
  assert.equal(r2.ok, false);
  assert.match(r2.error, /huge\.txt: .*over the import limit/);
  assert.equal(await getState(page), before);
  assert.deepEqual(errors, []);
  await ctx.close();
});

test("storage full: the error shows at once, nothing is lost, export still works", async () => {
  const ctx = await browser.newContext();
  await ctx.addInitScript(() => {
    // The origin's quota is exhausted: every write fails the way Chromium reports it.
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__fullDisk) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  const { page } = await openApp(ctx, server.url);
  await waitSaved(page);
  await page.evaluate(() => { window.__fullDisk = true; });
  await label(page, "Ukraine", "l");
  await page.waitForFunction(() => window.inkspan.storage().state === "failed", null, { timeout: 10000 });
  const s = await storage(page);
  assert.match(s.message, /storage is full/i);
  assert.match(s.message, /Export now/);
  const state = JSON.parse(await getState(page));
  assert.ok(state.documents[0].spans.some((x) => x.text === "Ukraine"), "the edit stays in memory");
  const files = await page.evaluate(() => window.inkspan.exportAs("inkspan"));
  const exported = JSON.parse(Object.values(files)[0]);
  assert.ok(exported.documents[0].spans.some((x) => x.text === "Ukraine"), "and can be exported");
  // Space comes back: the next save goes through and the error clears.
  await page.evaluate(() => { window.__fullDisk = false; });
  await label(page, "Riyad", "l");
  await waitSaved(page);
  await ctx.close();
});

test("export → import into a fresh browser gives the same state", async () => {
  const ctx = await browser.newContext();
  const { page } = await openApp(ctx, server.url);
  await label(page, "Alexandre Darchiev", "p");
  await label(page, "Sonata Coulter", "p");
  const original = await getState(page);
  const files = await page.evaluate(() => window.inkspan.exportAs("inkspan"));
  const [name, contents] = Object.entries(files)[0];
  assert.equal(contents, original, "the export is what getState() returns");
  await ctx.close();

  const ctx2 = await browser.newContext();
  const { page: fresh, errors } = await openApp(ctx2, server.url);
  const r = await fresh.evaluate(([n, c]) => window.inkspan.importFile(n, c), [name, contents]);
  assert.equal(r.ok, true, r.error);
  await settle(fresh);
  await fresh.keyboard.press("r");  // the dialog: the sample with the same text is already there → Replace
  await settle(fresh);
  assert.equal(await getState(fresh), original);
  assert.deepEqual(errors, []);
  await ctx2.close();
});
