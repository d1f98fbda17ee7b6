// The import rehearsal (issue 16, core/import_rehearsal.h): after the first frame the page writes
// and reads back a sample in every format while idle, so V8 has optimized the readers before the
// user's first import. It must finish without a failure, and touch nothing the user has.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp } from "./harness.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

const rehearsal = (page) => page.evaluate(() => window.inkspan.stats().rehearsal);
const waitRehearsed = (page) => page.waitForFunction(() => window.inkspan.stats().rehearsal?.done, null, { timeout: 60000 });
const bratFiles = (page) => page.evaluate(async () => {
  const txt = "Zoé Martin a rencontré Jérôme Petit à Lyon.\n";
  const ann = "T1\tPER 0 10\tZoé Martin\nT2\tPER 23 35\tJérôme Petit\nT3\tLOC 38 42\tLyon\nR1\tmeets Arg1:T1 Arg2:T2\n";
  const r = await window.inkspan.importFileObjects([new File([txt], "rencontre.txt"), new File([ann], "rencontre.ann")]);
  return { ok: r.ok, error: r.error };
});

test("after it opens, the page rehearses every format while idle: no failure, the user's corpus untouched", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url, { rehearsal: true });
  const before = await page.evaluate(() => window.inkspan.getState());
  await waitRehearsed(page);
  const r = await rehearsal(page);
  assert.deepEqual(r.failures, []);
  assert.ok(r.reads >= 7 && r.reads % 7 === 0, `every one of the 7 formats read back each round (${r.reads} reads)`);
  // Each read's documents went through the app's edit path (added, then undone), spans and all.
  assert.ok(r.addedSpans > 0 && r.addedSpans % r.reads === 0, `${r.addedSpans} spans added in ${r.reads} reads`);
  // Then a sample in many scripts was laid out, round after round (core/layout_rehearsal.h).
  assert.ok(r.layoutLines >= 12 * 2, `${r.layoutLines} lines laid out`);
  assert.equal(await page.evaluate(() => window.inkspan.getState()), before, "the corpus is what it was");
  // The first import after it works as it would have.
  const imported = await bratFiles(page);
  assert.ok(imported.ok, imported.error);
  const names = JSON.parse(await page.evaluate(() => window.inkspan.getState())).documents.map((d) => d.name);
  assert.deepEqual(names.filter((n) => n.includes("rehearsal")), []);
  assert.ok(names.includes("rencontre.txt"), names.join(", "));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("an import made while the rehearsal is still running is not disturbed by it", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url, { rehearsal: true });
  assert.equal((await rehearsal(page))?.done, false, "the rehearsal has not finished yet");
  const imported = await bratFiles(page);
  assert.ok(imported.ok, imported.error);
  await waitRehearsed(page);
  assert.deepEqual((await rehearsal(page)).failures, []);
  const doc = JSON.parse(await page.evaluate(() => window.inkspan.getState())).documents.find((d) => d.name === "rencontre.txt");
  assert.deepEqual(doc.spans.map((s) => [s.label, s.start, s.end]), [["PER", 0, 10], ["PER", 23, 35], ["LOC", 38, 42]]);
  assert.equal(doc.relations.length, 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("?rehearsal=0 turns it off (the benchmark's comparison)", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url + "?rehearsal=0");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  assert.equal(await rehearsal(page), undefined);
  assert.deepEqual(errors, []);
  await page.context().close();
});
