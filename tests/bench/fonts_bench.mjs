#!/usr/bin/env node
// Fonts for every script (docs/BENCHMARKS.md, "Scripts"): for each document of the sample corpus
// (assets/samples.inkspan.json), the font bytes the page fetches to show it (on top of the first
// download) and the time from opening it to fonts loaded with no missing glyph; and the Latin
// sample's first download next to it. Needs dist/ (./build-wasm.sh). Prints a table, judges nothing.
//   node tests/bench/fonts_bench.mjs
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { serveDist, launchBrowser, distDir } from "../e2e/harness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const samples = fs.readFileSync(path.join(root, "assets/samples.inkspan.json"), "utf8");
const kb = (n) => (n / 1024).toFixed(1) + " KB";
const gz = (file) => zlib.gzipSync(fs.readFileSync(path.join(distDir, file)), { level: 9 }).length;

const server = await serveDist();
const browser = await launchBrowser();
try {
  const first = ["index.html", "style.css", "inkspan-api.js", "inkspan-storage.js", "inkspan.js", "inkspan.wasm", "DejaVuSans.ttf"]
    .filter((f) => fs.existsSync(path.join(distDir, f)));
  const firstRaw = first.reduce((a, f) => a + fs.statSync(path.join(distDir, f)).size, 0);
  const firstGz = first.reduce((a, f) => a + gz(f), 0);
  console.log(`first download (${first.join(", ")}): ${kb(firstRaw)} raw, ${kb(firstGz)} gzip -9`);

  // Each document alone in a fresh tab (nothing cached), imported as a .txt: what opening it costs.
  console.log("\n| document | fonts fetched to open it | bytes (raw / gzip -9) | import → fonts loaded | missing glyphs |");
  console.log("|---|---|---|---|---|");
  const open = async (name, text) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const fetched = [];
    page.on("requestfinished", async (r) => {
      const p = new URL(r.url()).pathname;
      if (!p.startsWith("/fonts/")) return;
      const body = await r.response().then((res) => res.body()).catch(() => Buffer.alloc(0));
      fetched.push({ p, bytes: body.length, gzip: zlib.gzipSync(body, { level: 9 }).length });
    });
    await page.goto(server.url);
    await page.evaluate(() => window.inkspan.ready);
    const t0 = Date.now();
    if (text !== null) await page.evaluate(([n, t]) => window.inkspan.importFile(n, t), [name, text]);
    const s = await page.evaluate(() => window.inkspan.fontsLoaded());
    const ms = Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));  // let requestfinished handlers read the bodies
    await context.close();
    const raw = fetched.reduce((a, f) => a + f.bytes, 0), z = fetched.reduce((a, f) => a + f.gzip, 0);
    console.log(`| ${name} | ${fetched.map((f) => path.basename(f.p)).join(", ") || "—"} | ${kb(raw)} / ${kb(z)} | ${ms} ms | ${s.missingGlyphs} |`);
  };
  await open("istanbul-talks.fr.txt (the first visit)", null);
  for (const d of JSON.parse(samples).documents) await open(d.id + ".txt", d.text);
} finally {
  await browser.close();
  await server.close();
}
