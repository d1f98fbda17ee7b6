#!/usr/bin/env node
// Where an import's time goes in the browser (issue 16): drops the brat-shaped document
// (brat_document.mjs) into a fresh tab of the app in dist/ while Chromium records a trace, and
// prints, for the stretch from the import call to the second animation frame after it, the
// longest tasks of each thread (main thread, GPU, compositor) and the page's own marks: files read,
// the C++ import (inkspan_import_add / inkspan_import_end), each animation frame and the app's
// frames. A profile, not a benchmark: run it once per change and read it.
//
//   node tests/bench/import_profile.mjs [SENTENCES=1000] [latin|arabic|chinese]
import { serveDist, launchBrowser, openApp } from "../e2e/harness.mjs";
import { bratDocument } from "./brat_document.mjs";

const sentences = Number(process.argv[2] || 1000);

// Self and inclusive time per function of the sampled CPU profile (wasm functions have names only
// in a build linked with --profiling-funcs; otherwise they show as wasm-function[N]).
// Only the samples taken between `from` and `to` (the trace's clock, µs) count.
function printCpuProfile(profile, from, to) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const dt = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] || 0;
    if (t < from || t > to) continue;
    dt.set(profile.samples[i], (dt.get(profile.samples[i]) || 0) + (profile.timeDeltas[i] || 0));
  }
  const self = new Map(), total = new Map();
  const name = (n) => n.callFrame.functionName || "(anonymous " + (n.callFrame.url.split("/").pop() || "?") + ")";
  for (const [id, us] of dt) {
    const n = byId.get(id);
    if (!n || ["(idle)", "(program)", "(garbage collector)"].includes(n.callFrame.functionName) && false) continue;
    self.set(name(n), (self.get(name(n)) || 0) + us);
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const nm = name(byId.get(p));
      if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) || 0) + us); }
    }
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
  console.log("\n[CPU profile, main thread] self time, top 25:");
  for (const [n, us] of top(self, 25)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${n.slice(0, 140)}`);
  console.log("\n[CPU profile] inclusive time, top 45:");
  for (const [n, us] of top(total, 45)) console.log(`  ${(us / 1000).toFixed(1).padStart(8)} ms  ${n.slice(0, 140)}`);
}
const doc = bratDocument(sentences, 7, process.argv[3] || "latin");
const server = await serveDist();
const { browser, newContext, close } = await launchBrowser();
try {
  const context = await newContext();
  const { page } = await openApp(context, server.url, { rehearsal: true });
  // Start-up settles, and the import rehearsal the page runs while idle is done (leave it out
  // above to profile a first import in V8's baseline code).
  await page.waitForFunction(() => window.inkspan.stats().rehearsal?.done ?? true, null, { timeout: 120000 });
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });  // µs
  await cdp.send("Profiler.start");
  await browser.startTracing(page, { categories: ["devtools.timeline", "blink.user_timing", "v8", "gpu", "viz",
                                                  "disabled-by-default-devtools.timeline"] });
  const marks = await page.evaluate(async (d) => {
    const files = [new File([d.txt], d.name + ".txt"), new File([d.ann], d.name + ".ann"), new File([d.conf], "annotation.conf")];
    const t0 = performance.now(), m = [];
    const mark = (name) => { m.push([name, performance.now() - t0]); performance.mark(name); };
    const ccall = Module.ccall;
    Module.ccall = function (name, ...rest) {
      if (name.startsWith("inkspan_import")) mark(name + " start");
      const r = ccall.call(this, name, ...rest);
      if (name.startsWith("inkspan_import")) mark(name + " end");
      return r;
    };
    mark("import called");
    const r = await window.inkspan.importFileObjects(files);
    mark("importFileObjects returned");
    Module.ccall = ccall;
    await new Promise((res) => requestAnimationFrame(res));
    mark("animation frame 1");
    await new Promise((res) => requestAnimationFrame(res));
    mark("animation frame 2 (painted)");
    const s = window.inkspan.stats();
    m.push(["app frames drawn / last frame (app timer)", `${s.frames} / ${s.frameMsLast.toFixed(1)} ms`]);
    if (!r.ok) m.push(["refused", r.error]);
    return m;
  }, doc);
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const { profile } = await cdp.send("Profiler.stop");
  console.log(`import profile: ${doc.name} (${sentences} sentences, ${doc.spans} spans, ${doc.relations} relations)\n`);
  for (const [name, t] of marks) console.log(`  ${String(typeof t === "number" ? t.toFixed(1) + " ms" : t).padStart(12)}  ${name}`);

  const events = trace.traceEvents;
  const threadName = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  const start = events.find((e) => e.name === "import called" && e.ph !== "M");
  const end = events.find((e) => e.name === "animation frame 2 (painted)" && e.ph !== "M");
  if (!start || !end) throw new Error("the page's marks are missing from the trace");
  // PROFILE_OUT=file.json: the CPU profile and the stretch's bounds, to read callers and callees.
  if (process.env.PROFILE_OUT) (await import("node:fs")).writeFileSync(process.env.PROFILE_OUT, JSON.stringify({ profile, start: start.ts, end: end.ts }));
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !e.dur || e.ts < start.ts - 1000 || e.ts > end.ts) continue;
    const thread = threadName.get(`${e.pid}:${e.tid}`) || `${e.pid}:${e.tid}`;
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread).push(e);
  }
  for (const [thread, list] of byThread) {
    const total = list.filter((e) => e.name === "RunTask" || e.name === "ThreadControllerImpl::RunTask").reduce((a, e) => a + e.dur, 0);
    const top = list.filter((e) => e.dur >= 1000).sort((a, b) => a.ts - b.ts).slice(0, 40);
    if (!top.length) continue;
    console.log(`\n[${thread}] tasks: ${(total / 1000).toFixed(1)} ms; events of 1 ms or more, in order (start from the import call, duration):`);
    for (const e of top) {
      const what = e.args?.data?.functionName || e.args?.data?.type || e.args?.data?.url?.split("/").pop() || "";
      console.log(`  +${((e.ts - start.ts) / 1000).toFixed(1).padStart(7)} ms  ${(e.dur / 1000).toFixed(1).padStart(7)} ms  ${e.name}${what ? " (" + what + ")" : ""}`);
    }
  }
  console.log("\n[CPU profile] from the import call to the second animation frame:");
  printCpuProfile(profile, start.ts, end.ts);
  await context.close();
} finally {
  await close();
  await server.close();
}
