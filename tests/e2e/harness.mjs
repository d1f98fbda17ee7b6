// Shared set-up for the browser tests: a static server for dist/ and Debian's Chromium driven by
// playwright-core (never a downloaded browser). WebGL2 runs on SwiftShader.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// INKSPAN_DIST serves another build of the app (e.g. to compare compiler settings in a benchmark).
export const distDir = process.env.INKSPAN_DIST ? path.resolve(process.env.INKSPAN_DIST) : path.join(root, "dist");

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
                ".css": "text/css", ".ttf": "font/ttf", ".otf": "font/otf", ".json": "application/json" };

// Serves dist/ on a free loopback port; resolves to { url, close }.
export function serveDist() {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = path.join(distDir, urlPath === "/" ? "index.html" : urlPath);
    if (!file.startsWith(distDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end("not found"); return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream",
                         "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }),
  })));
}

const chromiumArgs = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--disable-gpu",
                      "--no-first-run", "--disable-background-networking", "--disable-component-update",
                      "--disable-sync", "--disable-quic"];

// One Chromium for a test file; each test takes a fresh context (its own storage, like a new
// profile) unless it wants to share one (reloads, two tabs).
export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: chromiumArgs,
  });
  return {
    browser,
    newContext: (options = {}) => browser.newContext({ viewport: { width: 1280, height: 800 }, ...options }),
    close: () => browser.close(),
  };
}

// A browser with a profile on disk, for tests that kill it (SIGKILL: no unload event, no flush)
// and start it again on the same profile.
export async function launchPersistent(userDataDir) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: chromiumArgs,
    viewport: { width: 1280, height: 800 },
  });
  const kill = () => {
    // Every process of this browser has the profile folder on its command line.
    for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
      try {
        if (fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(userDataDir)) process.kill(Number(pid), "SIGKILL");
      } catch { /* the process ended meanwhile */ }
    }
  };
  return { context, kill };
}

// Opens the app in a new page, records console errors and page errors, waits for inkspan.ready.
// The page's import rehearsal (about a second of idle CPU after it opens, issue 16) is off unless
// `rehearsal` asks for it or the address says: tests of other things do not need it, and on a
// 2-core machine it slowed every test. Its own tests and the benchmarks ask for it.
export async function openApp(context, url, { deviceScaleFactor, rehearsal = false } = {}) {
  if (!rehearsal && !/[?&]rehearsal=/.test(url)) url += (url.includes("?") ? "&" : "?") + "rehearsal=0";
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  if (deviceScaleFactor) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setDeviceMetricsOverride",
      { width: 1280, height: 800, deviceScaleFactor, mobile: false });
  }
  await page.goto(url);
  await page.evaluate(() => window.inkspan.ready);
  return { page, errors };
}

// ---- gestures shared by the tests (real mouse and keyboard events, aimed with inkspan.locate)

// Waits until the app has drawn the frames that follow the last input.
export const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// Waits until the app has drawn `n` more frames than it had (its own frame counter).
export async function waitForFrames(page, n = 1) {
  const from = (await page.evaluate(() => window.inkspan.stats())).frames;
  await page.waitForFunction((f) => window.inkspan.stats().frames >= f, from + n, { polling: "raf" });
}

// Waits `n` animation frames of the page (the browser's frames, drawn by the app or not).
export const browserFrames = (page, n) => page.evaluate((k) => new Promise((r) => {
  const tick = () => (--k <= 0 ? r() : requestAnimationFrame(tick));
  requestAnimationFrame(tick);
}), n);

// Waits until the app's loop sleeps: its frame counter stayed the same over `quiet` animation
// frames of the page (an awake loop draws on every one). Resolves to the frame count.
export const waitForIdle = (page, quiet = 10) => page.evaluate((q) => new Promise((resolve) => {
  let last = window.inkspan.stats().frames, still = 0;
  const tick = () => {
    const now = window.inkspan.stats().frames;
    still = now === last ? still + 1 : 0;
    last = now;
    if (still >= q) resolve(now);
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}), quiet);

// Waits until the app's clock (ImGui's, which times double-clicks and long presses) reads `seconds`.
export const waitForAppTime = (page, seconds) =>
  page.waitForFunction((s) => window.inkspan.stats().timeS >= s, seconds, { polling: "raf" });

export const getState = (page) => page.evaluate(() => window.inkspan.getState());
// The corpus as an object.
export const state = async (page) => JSON.parse(await getState(page));

// The accessible mirror has applied the app's newest description (it waits until the view is
// still: web/inkspan-a11y.js).
export const mirrorCaughtUp = (page) => page.waitForFunction(() => !window.InkspanA11y.pending());

// A key press, then the frames after it.
export async function press(page, key) {
  await page.keyboard.press(key);
  await settle(page);
}

// Code point offsets of the nth occurrence (0 = first) of `needle` in `text`.
export function rangeOf(text, needle, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times`);
  }
  const start = Array.from(text.slice(0, i)).length;
  return { start, end: start + Array.from(needle).length };
}

// The box of code point `offset` of document `docId`, scrolled into view.
export async function locate(page, offset, docId = "d1") {
  const b = await page.evaluate(([d, o]) => window.inkspan.locate(d, o), [docId, offset]);
  if (!b) throw new Error(`locate(${docId}, ${offset}) found nothing`);
  return b;
}

// Drags from inside the first character of `range` to inside its last one.
// From the leading part of the first character to the trailing part of the last one: in
// right-to-left text (the first character right of the last on one line) from right to left.
// Returns the two boxes and the direction.
export async function dragOver(page, range, docId = "d1") {
  await page.bringToFront();  // see clickItem
  const a = await locate(page, range.start, docId);
  const b = await locate(page, range.end - 1, docId);
  const rtl = a.y === b.y && a.x > b.x;
  await settle(page);
  await page.mouse.move(a.x + a.w * (rtl ? 0.7 : 0.3), a.y + a.h / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + a.h / 4, { steps: 4 });
  await page.mouse.move(b.x + b.w * (rtl ? 0.3 : 0.7), b.y + b.h / 2, { steps: 4 });
  await page.mouse.up();
  await settle(page);
  return { a, b, rtl };
}

// Selects the nth occurrence of `needle` in document d1 by dragging, then presses `key`.
export async function labelText(page, needle, key, nth = 0) {
  const text = JSON.parse(await getState(page)).documents[0].text;
  const range = rangeOf(text, needle, nth);
  await dragOver(page, range);
  await page.keyboard.press(key);
  await settle(page);
  return range;
}

// Clicks the middle of code point `offset`.
export async function clickAt(page, offset, options = {}, docId = "d1") {
  await page.bringToFront();  // see clickItem
  const b = await locate(page, offset, docId);
  await settle(page);
  await page.mouse.click(b.x + b.w / 2, b.y + b.h / 2, options);
  await settle(page);
}

// The widgets the app's last frame drew (inkspan.items): [{label, id, x, y, w, h, visible}].
export const items = (page, label, options = {}) =>
  page.evaluate(([l, o]) => window.inkspan.items(l, o), [label ?? null, options]);

// Clicks the middle of the widget labelled `label` (the text before "##"; `prefix`: starting with
// it; the last drawn when several) with the real mouse, once a frame drew it wholly visible.
// `button`, `clickCount` as page.mouse.click. Returns its box.
export async function clickItem(page, label, { prefix = false, ...click } = {}) {
  // A user acts in the tab in front; a tab behind others gets animation frames about once a
  // second, so waiting on its frames made a two-tab test take 48 s instead of 7.
  await page.bringToFront();
  const found = await page.waitForFunction(([l, p]) => {
    const visible = window.inkspan.items(l, { prefix: p }).filter((i) => i.visible);
    return visible.length ? visible[visible.length - 1] : null;
  }, [label, prefix], { polling: "raf" });
  const item = await found.jsonValue();
  await page.mouse.click(item.x + item.w / 2, item.y + item.h / 2, click);
  await settle(page);
  return item;
}
