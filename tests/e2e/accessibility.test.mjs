// The accessible mirror and the page's accessibility (issue 19, docs/ACCESSIBILITY.md): what the
// browser's accessibility tree (CDP Accessibility.getFullAXTree, what screen readers read) holds
// for the canvas app; that it follows scrolling and edits; that activating a mirrored control
// does what the canvas would; axe-core at WCAG 2.2 AA; the page's media preferences.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp, settle, state, labelText, press, dragOver, rangeOf } from "./harness.mjs";
import { decodePng } from "./png.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

// The accessibility tree as screen readers get it: every node not ignored, with its role, name
// and the text of its descendants.
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  // What a screen reader reads out for a node: text as is, a control by its name, else its children.
  const textOf = (n) => ["StaticText", "button"].includes(n.role?.value) ? n.name?.value ?? "" :
    (n.childIds || []).map((id) => byId.get(id)).filter(Boolean).map(textOf).join("");
  return nodes.filter((n) => !n.ignored).map((n) => ({ role: n.role?.value, name: n.name?.value ?? "", text: textOf(n) }));
}

// Polls the accessibility tree (a frame at a time) until `check(tree)` holds; returns that tree.
async function waitForTree(page, check, what) {
  let tree = [];
  for (let i = 0; i < 100; i++) {
    tree = await axTree(page);
    if (check(tree)) return tree;
    await settle(page);
  }
  assert.fail(`${what}; the tree has: ${JSON.stringify(tree.filter((n) => n.name || n.role === "paragraph").slice(0, 80))}`);
}

const hasButton = (tree, name) => tree.some((n) => n.role === "button" && n.name === name);
const staticText = (tree) => tree.filter((n) => n.role === "StaticText").map((n) => n.name).join("");
// The mirrored paragraphs: their first code point and text.
const mirroredParagraphs = (page) => page.$$eval("#a11y-text > p", (ps) => ps.map((p) => ({ start: Number(p.dataset.start), text: p.textContent })));

test("the accessibility tree holds the article's text, the toolbar by name, each span with its label, and what an action did", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const text = (await state(page)).documents[0].text;
  const firstParagraph = text.split("\n")[0];
  let tree = await waitForTree(page, (t) => staticText(t).includes(firstParagraph), "the article's first paragraph as text");
  for (const name of ["Import files…", "Export…", "Undo", "Redo", "Find", "Statistics", "Larger text", "Smaller text"])
    assert.ok(hasButton(tree, name), `toolbar button "${name}"`);
  assert.ok(hasButton(tree, "istanbul-talks.fr.txt, new"), "the document list with its status");
  assert.ok(tree.some((n) => n.role === "application" && n.name === "Inkspan annotation editor"), "the canvas, named");
  assert.ok(!staticText(tree).includes("Loading Inkspan"), "the loading message is gone after load");

  await labelText(page, "Istanbul", "l");
  await labelText(page, "Alexandre Darchiev", "p");
  tree = await waitForTree(page, (t) => hasButton(t, "LOC: Istanbul") && hasButton(t, "PER: Alexandre Darchiev"),
    "the two spans as buttons named by label and text");
  tree = await waitForTree(page, (t) => t.some((n) => n.role === "status" && n.text.includes("Labelled Alexandre Darchiev as PER")),
    "the live region says what the last action did");
  // A refused import is announced assertively (role="alert"), in the words of the status bar.
  const refused = await page.evaluate(() => window.inkspan.importFile("broken.json", "{\"format\": \"inkspan\""));
  assert.equal(refused.ok, false);
  await waitForTree(page, (t) => t.some((n) => n.role === "alert" && n.text === refused.message), "the refusal in the alert region");
  // The title reads whole, its span by label and text, once.
  const read = firstParagraph.replace("Istanbul", "LOC: Istanbul");
  assert.ok(tree.some((n) => n.role === "paragraph" && n.text === read),
    `a paragraph reads "${read}": ${JSON.stringify(tree.filter((n) => n.role === "paragraph").map((n) => n.text).slice(0, 4))}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("activating mirrored controls does what the canvas does: a span is selected, Undo undoes, a document opens", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await labelText(page, "Istanbul", "l");
  const span = page.getByRole("button", { name: "LOC: Istanbul" }).first();
  await span.waitFor({ state: "attached" });
  // A screen reader's activation: the element is focused and Enter pressed (real key events).
  await span.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#a11y-text [aria-current=true]")?.getAttribute("aria-label") === "LOC: Istanbul");
  // The app has the span selected: its label key relabels it.
  await page.locator("#canvas").focus();
  await press(page, "o");
  let doc = (await state(page)).documents[0];
  assert.deepEqual(doc.spans.map((s) => [s.text, s.label]), [["Istanbul", "ORG"]]);
  // The note field is a real text field: typed into, left with Tab.
  const note = page.getByRole("textbox", { name: "Note of the selected span" });
  await note.focus();
  await page.keyboard.type("capitale");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => JSON.parse(window.inkspan.getState()).documents[0].spans[0].note === "capitale");
  await page.waitForFunction(() => document.getElementById("status").textContent === "Saved the note of Istanbul");

  const undo = page.getByRole("button", { name: "Undo" });
  await undo.focus();
  await page.keyboard.press("Enter");  // the note
  await page.waitForFunction(() => JSON.parse(window.inkspan.getState()).documents[0].spans[0].note === undefined);  // an empty note is not written
  await page.keyboard.press("Enter");  // the label
  await page.waitForFunction(() => JSON.parse(window.inkspan.getState()).documents[0].spans[0]?.label === "LOC");
  await page.waitForFunction(() => document.getElementById("status").textContent.startsWith("Undone"));

  // Export: the dialog's Download for a format, this document.
  const exportConll = page.getByRole("button", { name: "Export this document as CoNLL 2003 (IOB2)" });
  await exportConll.focus();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  assert.match(download.suggestedFilename(), /^istanbul-talks\.fr-.*\.conll$/);
  const conll = fs.readFileSync(await download.path(), "utf8");
  assert.match(conll, /^Istanbul\s+B-LOC$/m);

  const r = await page.evaluate(() => window.inkspan.importFile("second.txt", "A second text about Ankara."));
  assert.ok(r.ok, r.message);
  const second = page.getByRole("button", { name: "second.txt, new" });
  await second.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#a11y-text").textContent === "A second text about Ankara.");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the selection is mirrored both ways: a drag on the canvas is the DOM selection; a selection in the mirror is labelled by a mirrored label button", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await page.waitForFunction(() => document.querySelector("#a11y-text > p"));
  const text = (await state(page)).documents[0].text;
  await dragOver(page, rangeOf(text, "Washington"));
  await page.waitForFunction(() => document.getSelection().toString() === "Washington");
  assert.equal(await page.locator("#a11y-selection").textContent(), "Selected text: Washington");
  await page.evaluate(() => {
    const queue = window.InkspanA11y.queue;
    window.InkspanA11y.queue = (json) => { window.__newest = json; return queue(json); };
  });
  await press(page, "Escape");
  // A screen reader's browse-mode selection sets the DOM selection over the mirrored text. The
  // app's description from before it (Escape: nothing selected) is applied before the browser's
  // selectionchange event comes: it must not undo the user's selection.
  await page.evaluate(() => {
    const p = Array.from(document.querySelectorAll("#a11y-text > p")).find((e) => e.textContent.includes("Moscou"));
    const node = Array.from(p.childNodes).find((n) => n.nodeType === 3 && n.data.includes("Moscou"));
    const at = node.data.indexOf("Moscou");
    document.getSelection().setBaseAndExtent(node, at, node, at + "Moscou".length);
    window.InkspanA11y.update(window.__newest);
  });
  const loc = page.getByRole("button", { name: /^LOC \(/ });
  await page.waitForFunction(() => document.querySelector("[data-action='label:LOC']").getAttribute("aria-disabled") === null);
  await loc.dispatchEvent("click");
  await page.waitForFunction(() => JSON.parse(window.inkspan.getState()).documents[0].spans.length === 1);
  const span = (await state(page)).documents[0].spans[0];
  assert.deepEqual([span.start, span.end, span.label, span.text], [rangeOf(text, "Moscou").start, rangeOf(text, "Moscou").end, "LOC", "Moscou"]);
  await page.waitForFunction(() => document.getElementById("status").textContent === "Labelled Moscou as LOC");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the mirror holds only what is on screen and follows wheel scrolling", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} tells of the meeting number ${i} in Istanbul, one of many.`);
  const long = paragraphs.join("\n");
  const r = await page.evaluate((t) => window.inkspan.importFile("long.txt", t), long);
  assert.ok(r.ok, r.message);
  await page.getByRole("button", { name: "long.txt, new" }).dispatchEvent("click");
  await page.waitForFunction(() => document.querySelector("#a11y-text > p")?.textContent.startsWith("Paragraph 0 "));
  const before = await mirroredParagraphs(page);
  assert.ok(before.length > 3 && before.length < 60, `only the visible paragraphs: ${before.length} of 400`);

  await page.mouse.move(640, 400);
  await page.mouse.wheel(0, 3000);
  await page.waitForFunction(() => !document.querySelector("#a11y-text > p").textContent.startsWith("Paragraph 0 "));
  const after = await mirroredParagraphs(page);
  assert.ok(after.length > 3 && after.length < 60, `only the visible paragraphs after scrolling: ${after.length}`);
  assert.ok(after[0].start > before[before.length - 1].start, "the mirrored paragraphs are further down");
  // Each is the document's own text at its offset.
  const cps = Array.from(long);
  for (const p of after) assert.equal(cps.slice(p.start, p.start + Array.from(p.text).length).join(""), p.text);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the mirror changes after the frame that shows a new document, not inside it (the canvas is not held back by the mirror's layout)", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  // Every animation frame callback from now on is marked, and so is every mirror update.
  await page.evaluate(() => {
    const w = (window.__frames = { inFrame: false, updates: [] });
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf((t) => { w.inFrame = true; try { cb(t); } finally { w.inFrame = false; } });
    const update = window.InkspanA11y.update;
    window.InkspanA11y.update = (json) => { w.updates.push(w.inFrame); return update(json); };
  });
  await settle(page);
  await settle(page);  // the app's own frame callback is now a marked one
  const text = "Les délégations se sont réunies hier à Istanbul.\nUn second paragraphe.";
  const r = await page.evaluate((t) => window.inkspan.importFile("reunion.txt", t), text);
  assert.ok(r.ok, r.message);
  await page.waitForFunction(() => document.querySelector("#a11y-text > p")?.textContent.startsWith("Les délégations"));
  const updates = await page.evaluate(() => window.__frames.updates);
  assert.ok(updates.length > 0, "the mirror was updated");
  assert.deepEqual(updates.filter((inFrame) => inFrame), [], `updates inside an animation frame: ${JSON.stringify(updates)}`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the mirror is brought up to date once the view is still: not in the frames that show a new document, not at every wheel notch", async () => {
  // Each update makes Chromium lay the mirror out in the next frame: 15.8 ms for a screen of Arabic
  // in a profile of issue 16, in the frame that should show the imported document.
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await page.evaluate(() => {
    // Every description the app hands over, and every update of the mirror, with its time.
    const w = (window.__mirror = { events: [] });
    const queue = window.InkspanA11y.queue, update = window.InkspanA11y.update;
    window.InkspanA11y.queue = (json) => { w.events.push(["queue", performance.now()]); return queue(json); };
    window.InkspanA11y.update = (...a) => { w.events.push(["update", performance.now()]); return update(...a); };
  });
  await settle(page);
  const paragraphs = Array.from({ length: 400 }, (_, i) => `فقرة ${i}: وصلت الوفود إلى إسطنبول لبدء المحادثات رقم ${i}.`);
  const shown = await page.evaluate(async (t) => {
    window.__mirror.events = [];
    const t0 = performance.now();
    const r = window.inkspan.importFile("long.txt", t);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    return { ok: r.ok, ms: performance.now() - t0, updates: window.__mirror.events.filter((e) => e[0] === "update").length };
  }, paragraphs.join("\n"));
  assert.ok(shown.ok);
  if (shown.ms < 100) assert.equal(shown.updates, 0, "no mirror update in the two frames that show the imported document");
  await page.waitForFunction(() => document.querySelector("#a11y-text > p")?.textContent.startsWith("فقرة 0"));

  await page.mouse.move(640, 400);
  for (let i = 0; i < 30; i++) {
    await page.mouse.wheel(0, 120);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  await page.waitForFunction(() => !document.querySelector("#a11y-text > p").textContent.startsWith("فقرة 0"));
  // The rule, whatever the machine's speed: an update comes 100 ms after the newest description
  // it applies, or a second after the oldest one still waiting.
  const events = await page.evaluate(() => window.__mirror.events);
  let newest = null, oldest = null, updates = 0;
  for (const [kind, t] of events) {
    if (kind === "queue") { newest = t; oldest ??= t; continue; }
    assert.ok(newest !== null, "an update applies a description handed over before it");
    assert.ok(t - newest >= 95 || t - oldest >= 990, `an update ${Math.round(t - newest)} ms after the newest description, ${Math.round(t - oldest)} ms after the oldest`);
    newest = oldest = null;
    updates++;
  }
  assert.ok(updates >= 2, `the mirror followed the import and the scrolling: ${updates} updates`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("axe-core finds no WCAG 2.2 AA violation, on the first view and with spans, a selection and a relation", async () => {
  // axe-core is injected from node_modules (never shipped): the test context lets the inline script in.
  const { page, errors } = await openApp(await browser.newContext({ bypassCSP: true }), server.url);
  await page.addScriptTag({ content: fs.readFileSync(path.join(root, "node_modules/axe-core/axe.min.js"), "utf8") });
  const run = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  await page.waitForFunction(() => document.querySelector("#a11y-text > p"));
  assert.deepEqual(await run(), []);
  await labelText(page, "Alexandre Darchiev", "p");
  await labelText(page, "Sonata Coulter", "p");
  await page.waitForFunction(() => document.querySelectorAll("#a11y-text button").length === 2);
  await page.getByRole("button", { name: "PER: Alexandre Darchiev" }).dispatchEvent("click");
  await page.waitForFunction(() => document.querySelector("#a11y-text [aria-current=true]"));
  await page.getByRole("button", { name: "Relate the selected span to another" }).dispatchEvent("click");
  await page.getByRole("button", { name: "PER: Sonata Coulter" }).dispatchEvent("click");
  await page.waitForFunction(() => JSON.parse(window.inkspan.getState()).documents[0].relations.length === 1);
  await page.getByRole("button", { name: /^meets, from Alexandre Darchiev \(PER\) to Sonata Coulter \(PER\)$/ }).waitFor({ state: "attached" });
  assert.deepEqual(await run(), []);
  assert.deepEqual(errors, []);
  await page.context().close();
});

// The colour of the reading area's background, from a screenshot.
async function pageBackground(page) {
  await settle(page);
  const img = decodePng(await page.screenshot());
  const i = (400 * img.width + 240) * 4;  // the reading area, left of the text column
  return [img.pixels[i], img.pixels[i + 1], img.pixels[i + 2]];
}

test("the page's colour scheme and contrast preferences choose the theme", async () => {
  const light = await openApp(await browser.newContext(), server.url);
  const lightBg = await pageBackground(light.page);
  await light.page.context().close();
  const dark = await openApp(await browser.newContext({ colorScheme: "dark" }), server.url);
  const darkBg = await pageBackground(dark.page);
  assert.ok(darkBg.every((c) => c < 80) && lightBg.every((c) => c > 200), `dark ${darkBg}, light ${lightBg}`);
  assert.equal(await dark.page.getByRole("button", { name: "Dark theme" }).getAttribute("aria-pressed"), "true");
  // The system switching back to light while the page is open.
  await dark.page.emulateMedia({ colorScheme: "light" });
  await dark.page.waitForFunction(() => document.querySelector("[data-action=theme]").getAttribute("aria-pressed") === "false");
  assert.deepEqual(await pageBackground(dark.page), lightBg);
  await dark.page.context().close();
  const more = await openApp(await browser.newContext({ contrast: "more" }), server.url);
  const moreBg = await pageBackground(more.page);
  assert.notDeepEqual(moreBg, lightBg, "prefers-contrast: more draws the high-contrast theme");
  assert.deepEqual([...dark.errors, ...more.errors], []);
  await more.page.context().close();
});
