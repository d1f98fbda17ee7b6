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

// Asking WebGL for state it does not keep on the page's side (blend functions, the scissor box)
// waits for the GPU process to answer: Dear ImGui's renderer asked for seven such values every
// frame to restore them after drawing, 1.3 ms a frame in SwiftShader (web/webgl-state-cache.js).
test("a frame waits for no GPU answer: no blend or scissor query reaches WebGL while scrolling", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const real = WebGL2RenderingContext.prototype.getParameter;
    window.__queries = [];
    WebGL2RenderingContext.prototype.getParameter = function (name) { window.__queries.push(name); return real.call(this, name); };
  });
  const { page, errors } = await openApp(context, server.url);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  await page.mouse.move(600, 400);
  const f0 = await page.evaluate(() => { window.__queries = []; return window.inkspan.stats().frames; });
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, 120);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  const { queries, frames } = await page.evaluate(() => ({ queries: window.__queries, frames: window.inkspan.stats().frames }));
  assert.ok(frames - f0 >= 5, `the wheel drew frames (${frames - f0})`);
  const gl = WebGL2Constants;
  const waiting = queries.filter((q) => [gl.SCISSOR_BOX, gl.BLEND_SRC_RGB, gl.BLEND_DST_RGB, gl.BLEND_SRC_ALPHA,
                                         gl.BLEND_DST_ALPHA, gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA].includes(q));
  assert.equal(waiting.length, 0, `${waiting.length} blocking queries in ${frames - f0} frames`);
  // And the text is still drawn (blending and clipping work).
  const png = decodePng(await page.screenshot());
  assert.ok(darkFraction(png, Math.floor(png.width / 3), 100, Math.floor(png.width * 2 / 3), 600) > 0.02);
  assert.deepEqual(errors, []);
  await context.close();
});

const WebGL2Constants = { SCISSOR_BOX: 0x0C10, BLEND_SRC_RGB: 0x80C9, BLEND_DST_RGB: 0x80C8, BLEND_SRC_ALPHA: 0x80CB,
                          BLEND_DST_ALPHA: 0x80CA, BLEND_EQUATION_RGB: 0x8009, BLEND_EQUATION_ALPHA: 0x883D };

// The text view keeps each line it drew in WebGL buffers and draws it again from there, moved by
// the scroll (src/host_web/gl_mesh_store.cpp): after wheel notches, what the canvas shows must be
// what a tab that draws every line afresh each frame (?linecache=0) shows at the same place.
test("lines drawn again from their WebGL buffers look like lines drawn afresh", async () => {
  const article = fs.readFileSync(path.join(distDir, "../assets/istanbul-talks.fr.txt"), "utf8");
  const text = Array(3).fill(article).join("\n\n");
  const words = [...text.matchAll(/\S+/g)];  // the article is in the BMP: UTF-16 offsets are code points
  const labels = ["PER", "ORG", "LOC", "DATE", "MISC"];
  const spans = [], relations = [];
  for (let w = 0; w < words.length; w += 3) {
    spans.push({ id: `T${spans.length + 1}`, start: words[w].index, end: words[w].index + words[w][0].length,
                 label: labels[spans.length % 5] });
  }
  // Between persons (every fifth span), as the sample schema's "meets" wants: to the next one,
  // mostly on the same line, and to the fourth next, on another line.
  for (let i = 0; i + 20 < spans.length; i += 5) {
    relations.push({ id: `R${relations.length + 1}`, type: "meets", head: spans[i].id, tail: spans[i + 5].id });
    if (i % 10 === 0) relations.push({ id: `R${relations.length + 1}`, type: "meets", head: spans[i].id, tail: spans[i + 20].id });
  }
  const { schema } = JSON.parse(fs.readFileSync(path.join(distDir, "../assets/samples.inkspan.json"), "utf8"));
  const json = JSON.stringify({ format: "inkspan", version: 1, schema,
                                documents: [{ id: "kept", name: "kept.txt", text, spans, relations }] });
  const clip = { x: 260, y: 60, width: 680, height: 680 };
  const shots = [];
  for (const query of ["", "?linecache=0"]) {
    const { page, errors } = await openApp(await browser.newContext(), server.url + query);
    const r = await page.evaluate((j) => window.inkspan.importFile("kept.inkspan.json", j), json);
    assert.ok(r.ok && !r.pending, JSON.stringify(r));
    const frames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.mouse.move(600, 400);
    for (let i = 0; i < 4; i++) {
      await page.mouse.wheel(0, 100);
      await frames();
    }
    // In the reading area's margin, over no text (nothing hovered); the glyphs the place needs
    // are in the atlas by now. One more notch: the lines that were on screen are kept, and the
    // next frames draw them from their buffers three lines higher than they were drawn.
    await page.mouse.move(240, 400);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
    await page.mouse.wheel(0, 100);
    await frames();
    await page.mouse.move(241, 400);
    await frames();
    const st = await page.evaluate(() => window.inkspan.stats());
    if (query) assert.equal(st.linesKept, 0, "?linecache=0 draws every line afresh");
    else assert.ok(st.linesKept > 5 && st.keptMeshes > 5, `lines drawn from WebGL buffers: ${st.linesKept}, ${st.keptMeshes} kept`);
    shots.push(decodePng(await page.screenshot({ clip })));
    assert.deepEqual(errors, []);
    await page.context().close();
  }
  const [kept, fresh] = shots;
  let differ = 0;
  for (let i = 0; i < kept.pixels.length; i += 4)
    if (kept.pixels[i] !== fresh.pixels[i] || kept.pixels[i + 1] !== fresh.pixels[i + 1] || kept.pixels[i + 2] !== fresh.pixels[i + 2]) differ++;
  const dark = darkFraction(kept, 0, 0, kept.width, kept.height);
  assert.ok(dark > 0.02, `text on screen (dark fraction ${dark})`);
  assert.equal(differ, 0, `${differ} of ${kept.width * kept.height} pixels differ`);
});
