// What the browser benchmark does inside the page (browser_bench.mjs): frame samplers, waits on
// the app's own frame counter and on its import rehearsal, a file opened through the automation
// API, a brat-shaped import timed to the second animation frame, and a scroll to the end.
// Records the app's frame time of every frame it draws (a requestAnimationFrame loop reading
// inkspan.stats(); `skipped` counts frames drawn between two reads).
export const startSampler = (page) => page.evaluate(() => {
  const b = (window.__bench = { samples: [], running: true, last: window.inkspan.stats().frames });
  const tick = () => {
    if (!b.running) return;
    const s = window.inkspan.stats();
    if (s.frames !== b.last) {
      b.samples.push({ frame: s.frames, ms: s.frameMsLast, skipped: s.frames - b.last - 1 });
      b.last = s.frames;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
});
export const stopSampler = (page) => page.evaluate(() => { window.__bench.running = false; return window.__bench.samples; });
export const takeSamples = (page) => page.evaluate(() => window.__bench.samples.splice(0));
export const stats = (page) => page.evaluate(() => window.inkspan.stats());
// Waits until the import rehearsal the page runs while idle is done; its report (stats().rehearsal).
export async function waitRehearsed(page) {
  await page.waitForFunction(() => window.inkspan.stats().rehearsal?.done, null, { timeout: 120000 });
  return (await stats(page)).rehearsal;
}
export const nextFrame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
export const sleep = (t) => new Promise((r) => setTimeout(r, t));

// Waits until the app has drawn no frame for `quietMs` (the render loop sleeps between inputs).
export async function waitQuiet(page, quietMs = 1000, timeoutMs = 30000) {
  const t0 = Date.now();
  let last = (await stats(page)).frames, since = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    await sleep(100);
    const f = (await stats(page)).frames;
    if (f !== last) { last = f; since = Date.now(); } else if (Date.now() - since >= quietMs) return true;
  }
  return false;
}

// Imports `name` (served by the route below) as the automation API does, timing the call and the
// first frame after it (fonts for the document's characters, layout of the first screen).
export const openFile = (page, name) => page.evaluate(async (file) => {
  const text = await (await fetch("/bench/" + file)).text();
  const f0 = window.inkspan.stats().frames;
  const t0 = performance.now();
  const r = window.inkspan.importFile(file, text);
  const t1 = performance.now();
  await new Promise((res) => {
    const tick = () => (window.inkspan.stats().frames > f0 ? res() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  });
  const s = window.inkspan.stats();
  return { ok: r.ok, error: r.error, importMs: t1 - t0, openMs: performance.now() - t0, firstFrameMs: s.frameMsLast,
           heapBytes: s.heapBytes };
}, name);

// Times the main-thread part of every autosave (the page's debounce timer calls inkspan_autosave).
export const watchAutosave = (page) => page.evaluate(() => {
  window.__autosave = [];
  const ccall = Module.ccall;
  Module.ccall = function (name, ...rest) {
    if (name !== "inkspan_autosave") return ccall.call(this, name, ...rest);
    const t0 = performance.now();
    const r = ccall.call(this, name, ...rest);
    window.__autosave.push(performance.now() - t0);
    window.__autosaveSinceEdit = window.__autosave.length - (window.__autosaveMark || 0);
    return r;
  };
});

export const spanCount = (page, docId) => page.evaluate((id) => {
  const d = JSON.parse(window.inkspan.getState()).documents.find((x) => x.id === id);
  return d ? d.spans.length : -1;
}, docId);

// Presses `key` once the app is quiet; returns the frame that handled it and the next one.
export async function pressAndTime(page, key) {
  await waitQuiet(page, 1000);
  await takeSamples(page);
  const f0 = (await stats(page)).frames;
  await page.keyboard.press(key);
  for (let i = 0; i < 100 && (await stats(page)).frames < f0 + 2; i++) await nextFrame(page);
  await nextFrame(page);
  const samples = await takeSamples(page);
  const first = samples.find((s) => s.frame === f0 + 1), second = samples.find((s) => s.frame === f0 + 2);
  return { apply: first ? first.ms : null, next: second ? second.ms : null };
}

// Files dropped on the page (the picker's and the drop's path, importFileObjects): brat's own
// benchmark shape (brat_document.mjs: .txt + .ann + annotation.conf), or `doc.files`, a list of
// [name, text]. "import → painted" ends two animation frames after the call returned, as brat's
// figures were taken; syncMs is the C++ part (the page hands the bytes over and the app imports
// them), returnedMs adds the page reading the files. With `doc.waitFonts`, also the time until the
// text's fonts arrived and it is drawn with them.
export const importAndPaint = (page, doc) => page.evaluate(async (d) => {
  const named = d.files || [[d.name + ".txt", d.txt], [d.name + ".ann", d.ann], ["annotation.conf", d.conf]];
  const files = named.map(([name, text]) => new File([text], name));
  const raf = () => new Promise((r) => requestAnimationFrame(r));
  const ccall = Module.ccall;
  let syncMs = 0;  // the C++ part: the files handed over and imported (after the page read them)
  Module.ccall = function (name, ...rest) {
    const t = performance.now();
    const r = ccall.call(this, name, ...rest);
    if (name === "inkspan_import_add" || name === "inkspan_import_end") syncMs += performance.now() - t;
    return r;
  };
  const f0 = window.inkspan.stats().frames;
  const t0 = performance.now();
  const r = await window.inkspan.importFileObjects(files);
  const t1 = performance.now();
  Module.ccall = ccall;
  await raf();
  await raf();
  const s = window.inkspan.stats();
  const out = { ok: r.ok, error: r.error, returnedMs: t1 - t0, syncMs, paintedMs: performance.now() - t0,
                framesDrawn: s.frames - f0, firstFrameMs: s.frameMsLast, heapBytes: s.heapBytes };
  if (d.waitFonts) {  // then until the text's fonts arrived and every glyph is drawn, + two frames
    for (const t = performance.now(); ;) {
      const now = window.inkspan.stats();
      if (now.fontsPending === 0 && now.missingGlyphs === 0) break;
      if (performance.now() - t > 30000) throw new Error("fonts still missing after 30 s: " + now.missingCodePoints);
      await raf();
    }
    await raf();
    await raf();
    out.withFontsMs = performance.now() - t0;
  }
  return out;
}, doc);

// Records the interval between animation frames (what a reader sees as a stall) while `fn` runs.
export async function frameIntervals(page, fn) {
  await page.evaluate(() => {
    const b = (window.__intervals = { list: [], last: 0, running: true });
    const tick = (t) => {
      if (!b.running) return;
      if (b.last) b.list.push(t - b.last);
      b.last = t;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await fn();
  return page.evaluate(() => { window.__intervals.running = false; return window.__intervals.list; });
}

// Scrolls the text from top to bottom, 200 px a frame, with real wheel events; the intervals of
// every stretch of 40 notches (a screenshot between stretches says whether the end was reached).
export async function scrollToEnd(page) {
  const textArea = { x: 260, y: 60, width: 680, height: 680 };
  await page.mouse.move(595, 420);
  let last = await page.screenshot({ clip: textArea }), notches = 0;
  const intervals = [];
  await startSampler(page);
  for (let stretch = 0; stretch < 100; stretch++) {
    intervals.push(...await frameIntervals(page, async () => {
      for (let i = 0; i < 40; i++, notches++) { await page.mouse.wheel(0, 200); await nextFrame(page); }
    }));
    const now = await page.screenshot({ clip: textArea });
    if (now.equals(last)) return { intervals, notches, frames: (await stopSampler(page)).map((s) => s.ms) };
    last = now;
  }
  throw new Error("the text did not reach its end in 4000 wheel notches");
}
