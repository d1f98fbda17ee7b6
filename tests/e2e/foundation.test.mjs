// The whole path works: the page loads, draws the sample article with our font, exposes the
// automation API, and is crisp at devicePixelRatio 2.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serveDist, launchBrowser, openApp, distDir } from "./harness.mjs";
import { decodePng, darkFraction } from "./png.mjs";

const sample = fs.readFileSync(path.join(distDir, "../assets/istanbul-talks.fr.txt"), "utf8");
let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

test("the page loads without console errors and draws text on the canvas", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const png = decodePng(await page.screenshot());
  // The text column is in the middle third; a blank or single-colour canvas has no dark pixels.
  const ink = darkFraction(png, Math.floor(png.width / 3), 100, Math.floor(png.width * 2 / 3), 600);
  assert.ok(ink > 0.02, `expected text pixels in the middle column, dark fraction ${ink}`);
  const outside = darkFraction(png, 0, 0, 10, png.height);
  assert.ok(outside < ink, "the page edge should be lighter than the text column");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("getState() holds the sample article byte-for-byte", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  const state = JSON.parse(await page.evaluate(() => window.inkspan.getState()));
  assert.equal(state.format, "inkspan");
  assert.equal(state.version, 1);
  assert.equal(state.documents[0].text, sample);
  assert.ok(sample.includes("’") && sample.includes("«"), "fixture has the characters we check");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("at devicePixelRatio 2 the canvas backing store is twice its CSS size", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url, { deviceScaleFactor: 2 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const size = await page.evaluate(() => {
    const c = document.getElementById("canvas");
    return { w: c.width, h: c.height, cssW: c.clientWidth, cssH: c.clientHeight, dpr: devicePixelRatio };
  });
  assert.equal(size.dpr, 2);
  assert.equal(size.w, size.cssW * 2);
  assert.equal(size.h, size.cssH * 2);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("the canvas follows the window size", async () => {
  const { page, errors } = await openApp(await browser.newContext(), server.url);
  await page.setViewportSize({ width: 900, height: 600 });
  await page.mouse.move(450, 300);  // any input wakes the render loop; resize does too
  await page.waitForFunction(() => document.getElementById("canvas").width === 900);
  const h = await page.evaluate(() => document.getElementById("canvas").height);
  assert.equal(h, 600);
  assert.deepEqual(errors, []);
  await page.context().close();
});
