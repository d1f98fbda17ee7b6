// Regenerates the screenshots in docs/: the sample article annotated through real gestures.
//   node scripts/screenshots.mjs        (after ./build-wasm.sh)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp, settle, labelText, clickAt, locate } from "../tests/e2e/harness.mjs";

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), "../docs");
const server = await serveDist();
const browser = await launchBrowser();

// The find bar on a 1024 px page and the palette by a word at the bottom edge (issue 17):
// docs/first-use-find-1024.png, docs/first-use-palette-bottom.png. `--first-use` makes only these.
{
  const narrow = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const { page } = await openApp(narrow, server.url);
  await page.mouse.click(500, 300);
  await page.keyboard.press("Control+f");
  await page.keyboard.type("Istanbul");
  await settle(page);
  await page.screenshot({ path: path.join(docs, "first-use-find-1024.png"), clip: { x: 0, y: 0, width: 1024, height: 300 } });
  await narrow.close();
  const ctx0 = await browser.newContext();
  const { page: p0 } = await openApp(ctx0, server.url);
  const text = JSON.parse(await p0.evaluate(() => window.inkspan.getState())).documents[0].text;
  const word = [...text.slice(0, text.indexOf("Vladimir"))].length;
  let box = await locate(p0, word);
  await p0.mouse.move(500, 400);
  for (let i = 0; i < 40 && box.y < 800 - 28 - 60; ++i) {  // wheel the word down to the status bar
    await p0.mouse.wheel(0, -25);
    await settle(p0);
    box = await locate(p0, word);
  }
  await page_drag(p0, box);
  await settle(p0);
  await p0.screenshot({ path: path.join(docs, "first-use-palette-bottom.png"), clip: { x: 240, y: 400, width: 800, height: 400 } });
  await ctx0.close();
  if (process.argv.includes("--first-use")) { await browser.close(); server.close(); process.exit(0); }
}
async function page_drag(p, box) {  // a double-click selects the word and opens the palette
  await p.mouse.dblclick(box.x + box.w / 2, box.y + box.h / 2);
}
// Three annotators' layers of the sample article (issue 18): the layer bar and the compare view
// (docs/team-compare.png), the Agreement window (docs/team-agreement.png), adjudication
// (docs/team-adjudicate.png). `--team` makes only these.
{
  const ctxT = await browser.newContext();
  const { page: pt } = await openApp(ctxT, server.url);
  const text = JSON.parse(await pt.evaluate(() => window.inkspan.getState())).documents[0].text;
  const cp = (i) => [...text.slice(0, i)].length;
  const span = (id, needle, label, nth = 0) => {
    let i = -1;
    for (let k = 0; k <= nth; ++k) i = text.indexOf(needle, i + 1);
    return { id, start: cp(i), end: cp(i) + [...needle].length, label, text: needle };
  };
  const layer = (who, spans) => ({ id: "x1-" + who, layer_of: "x1", annotator: who, relations: [], spans });
  const file = { format: "inkspan", version: 2, schema: JSON.parse(await pt.evaluate(() => window.inkspan.getState())).schema,
    documents: [
      { id: "x1", name: "istanbul-talks.fr.txt", text, annotator: "ann", relations: [],
        spans: [span("T1", "Istanbul", "LOC"), span("T2", "Russie", "LOC"), span("T3", "Alexandre Darchiev", "PER"),
                span("T4", "Sonata Coulter", "PER"), span("T5", "États-Unis", "LOC"), span("T6", "Moscou", "LOC")] },
      layer("bob", [span("T1", "Istanbul", "LOC"), span("T2", "Russie", "ORG"), span("T3", "Darchiev", "PER"),
                    span("T4", "Sonata Coulter", "PER"), span("T5", "États-Unis", "LOC"), span("T6", "Washington", "LOC")]),
      layer("سارة", [span("T1", "Istanbul", "LOC"), span("T2", "Russie", "LOC"), span("T3", "États-Unis", "LOC"),
                    span("T4", "Moscou", "ORG")]),
    ] };
  await pt.evaluate((f) => window.inkspan.importFile("team.inkspan.json", f), JSON.stringify(file));
  await settle(pt);
  await pt.keyboard.press("Shift+F8");
  await settle(pt);
  await pt.keyboard.press("n");
  await pt.mouse.move(1100, 780);
  await settle(pt);
  await pt.evaluate(() => window.inkspan.fontsLoaded());
  await settle(pt);
  await pt.screenshot({ path: path.join(docs, "team-compare.png") });
  await pt.keyboard.press("Escape");
  await pt.keyboard.press("F8");
  await pt.waitForFunction(() => !window.inkspan.stats().agreementCounting);
  await settle(pt);
  await pt.screenshot({ path: path.join(docs, "team-agreement.png") });
  await pt.keyboard.press("Escape");
  await pt.keyboard.press("F9");
  await pt.keyboard.press("-");
  await pt.keyboard.press("Enter");
  await settle(pt);
  await pt.screenshot({ path: path.join(docs, "team-adjudicate.png") });
  await ctxT.close();
  if (process.argv.includes("--team")) { await browser.close(); server.close(); process.exit(0); }
}
const ctx = await browser.newContext();
const { page } = await openApp(ctx, server.url);
const label = (needle, key, nth = 0) => labelText(page, needle, key, nth);
async function relate(head, tail) {
  await clickAt(page, head.start + 1);
  await page.keyboard.press("r");
  await clickAt(page, tail.start + 1);
}
await label("Istanbul", "l");
await label("Russie", "l");
await label("États-Unis", "l");
await label("Istanbul", "l", 1);
await label("ministère des Affaires étrangères", "o");
await label("jeudi", "d");
const darchiev = await label("Alexandre Darchiev", "p");
const ministere = await label("département de l’Atlantique Nord", "o");
const coulter = await label("Sonata Coulter", "p");
await relate(darchiev, coulter);
await relate(darchiev, ministere);
await label("Atlantique Nord", "l");
await page.mouse.move(1100, 780);
await page.evaluate(() => window.inkspan.locate("d1", 0));
await settle(page);
await page.screenshot({ path: path.join(docs, "screenshot.png") });
const c = await locate(page, coulter.start);
await page.mouse.move(c.x + 4, c.y + c.h / 2);
await settle(page);
await page.screenshot({ path: path.join(docs, "screenshot-annotated.png") });
await ctx.close();

// One screenshot per language of the sample corpus (docs/scripts/<id>.png), fonts loaded.
import fs from "node:fs";
const samples = fs.readFileSync(path.join(docs, "../assets/samples.inkspan.json"), "utf8");
const ctx2 = await browser.newContext();
const { page: p2 } = await openApp(ctx2, server.url);
await p2.evaluate((s) => window.inkspan.importFile("samples.inkspan.json", s), samples);
fs.mkdirSync(path.join(docs, "scripts"), { recursive: true });
for (const d of JSON.parse(samples).documents) {
  await p2.evaluate((id) => window.inkspan.locate(id, 0), d.id);
  await p2.evaluate(() => window.inkspan.fontsLoaded());
  await p2.mouse.move(1100, 780);
  await settle(p2);
  await p2.screenshot({ path: path.join(docs, "scripts", d.id + ".png"), clip: { x: 0, y: 0, width: 1280, height: 400 } });
}

// Arabic, Hebrew, Hindi and Thai next to Chromium's own rendering of the same text in the same
// font files (tests/e2e/chromium-reference.html): docs/scripts/compare-<id>.png.
const manifest = JSON.parse(fs.readFileSync(path.join(docs, "../dist/fonts/manifest.json"), "utf8"));
const compared = { "sample-ar": "Arab", "sample-he": "Hebr", "sample-hi": "Deva", "sample-th": "Thai" };
// The app's pictures first: a page in the background draws no frames.
const shots = {};
for (const d of JSON.parse(samples).documents.filter((x) => compared[x.id])) {
  await p2.evaluate((id) => window.inkspan.locate(id, 0), d.id);
  await p2.evaluate(() => window.inkspan.fontsLoaded());
  await p2.mouse.move(1100, 780);
  await settle(p2);
  shots[d.id] = await p2.screenshot({ clip: { x: 232, y: 46, width: 726, height: 190 } });
}
const ctx3 = await browser.newContext();
const p3 = await ctx3.newPage();
await p3.route("**/chromium-reference.html?*",
  (route) => route.fulfill({ path: path.join(docs, "../tests/e2e/chromium-reference.html") }));
for (const d of JSON.parse(samples).documents.filter((x) => compared[x.id])) {
  const file = manifest.fonts.find((f) => f.script === compared[d.id]).file;
  const params = {
    image: "data:image/png;base64," + shots[d.id].toString("base64"),
    text: d.text,
    fonts: [server.url + "/DejaVuSans.ttf", server.url + "/fonts/" + file],  // the app's order
    size: 15,    // the app's body em: 17 px DejaVu Sans line height x its em ratio (0.859), rounded
    width: 634,  // the app's text column at 1280 px
  };
  // A query of its own per text: a change of the hash alone would not load the page again.
  await p3.goto(server.url + "/chromium-reference.html?" + d.id + "#" + encodeURIComponent(JSON.stringify(params)));
  await p3.waitForSelector("body[data-ready]");
  await p3.screenshot({ path: path.join(docs, "scripts", "compare-" + d.id + ".png"), fullPage: true });
}
await ctx3.close();
await ctx2.close();
await browser.close();
await server.close();
console.log("wrote docs/screenshot.png, docs/screenshot-annotated.png, docs/scripts/*.png and docs/scripts/compare-*.png");
