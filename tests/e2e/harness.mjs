// Shared set-up for the browser tests: a static server for dist/ and Debian's Chromium driven by
// playwright-core (never a downloaded browser). WebGL2 runs on SwiftShader.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const distDir = path.join(root, "dist");

const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm",
                ".css": "text/css", ".ttf": "font/ttf", ".json": "application/json" };

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
export async function openApp(context, url, { deviceScaleFactor } = {}) {
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
