// How long a read-only tab takes to become the writer when the writing tab closes or its renderer
// crashes (issue 17.10): from the close (or Page.crash) being sent to the first frame of the second
// tab that reports the storage writable. Figures only, no thresholds (docs/BENCHMARKS.md).
//   node tests/bench/takeover_bench.mjs [runs per way, default 3]
import { serveDist, launchBrowser, openApp } from "../e2e/harness.mjs";
const server = await serveDist(); const b = await launchBrowser();
const runs = Number(process.argv[2] || 3);
for (const mode of Array.from({ length: runs }, () => ["close", "crash"]).flat()) {
  const ctx = await b.newContext();
  const a = await openApp(ctx, server.url, { rehearsal: true });
  await a.page.waitForFunction(() => window.inkspan.storage().saves > 0);
  const bb = await openApp(ctx, server.url, { rehearsal: true });
  await bb.page.evaluate(() => { window.__t = null; const tick = () => { if (window.inkspan.storage().state === "idle") window.__t = performance.now(); else requestAnimationFrame(tick); }; requestAnimationFrame(tick); });
  const t0 = await bb.page.evaluate(() => performance.now());
  if (mode === "close") await a.page.close();
  else { const cdp = await ctx.newCDPSession(a.page); cdp.send("Page.crash").catch(() => {}); }
  await bb.page.waitForFunction(() => window.__t !== null);
  const t1 = await bb.page.evaluate(() => window.__t);
  console.log(mode, Math.round(t1 - t0), "ms");
  await ctx.close();
}
await b.close(); await server.close();
