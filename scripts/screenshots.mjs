// Regenerates the screenshots in docs/: the sample article annotated through real gestures.
//   node scripts/screenshots.mjs        (after ./build-wasm.sh)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp } from "../tests/e2e/harness.mjs";

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), "../docs");
const server = await serveDist();
const browser = await launchBrowser();
const ctx = await browser.newContext();
const { page } = await openApp(ctx, server.url);
const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
const text = JSON.parse(await page.evaluate(() => window.inkspan.getState())).documents[0].text;
const range = (needle, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  const start = Array.from(text.slice(0, i)).length;
  return { start, end: start + Array.from(needle).length };
};
const box = (o) => page.evaluate((x) => window.inkspan.locate("d1", x), o);
async function label(needle, key, nth = 0) {
  const r = range(needle, nth);
  const a = await box(r.start), b = await box(r.end - 1);
  await settle();
  await page.mouse.move(a.x + 2, a.y + a.h / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.w - 2, b.y + b.h / 2, { steps: 4 });
  await page.mouse.up();
  await settle();
  await page.keyboard.press(key);
  await settle();
  return r;
}
async function relate(head, tail) {
  let b = await box(head.start + 1);
  await settle();
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  await settle();
  await page.keyboard.press("r");
  b = await box(tail.start + 1);
  await settle();
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2);
  await settle();
}
const istanbul = await label("Istanbul", "l");
const russie = await label("Russie", "l");
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
void istanbul; void russie;
await page.mouse.move(1100, 780);
await page.evaluate(() => window.inkspan.locate("d1", 0));
await settle();
await page.screenshot({ path: path.join(docs, "screenshot.png") });
const c = await box(coulter.start);
await page.mouse.move(c.x + 4, c.y + c.h / 2);
await settle();
await page.screenshot({ path: path.join(docs, "screenshot-annotated.png") });
await ctx.close();
await browser.close();
await server.close();
console.log("wrote docs/screenshot.png and docs/screenshot-annotated.png");
