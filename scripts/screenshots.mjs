// Regenerates the screenshots in docs/: the sample article annotated through real gestures.
//   node scripts/screenshots.mjs        (after ./build-wasm.sh)
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, openApp, settle, labelText, clickAt, locate } from "../tests/e2e/harness.mjs";

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), "../docs");
const server = await serveDist();
const browser = await launchBrowser();
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
await browser.close();
await server.close();
console.log("wrote docs/screenshot.png and docs/screenshot-annotated.png");
