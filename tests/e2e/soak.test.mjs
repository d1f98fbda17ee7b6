// Browser soak: a few hundred seeded random gestures on the sample article through the real UI
// (mouse drags, double-clicks, clicks, hotkeys, R-relations, Delete, undo/redo, Tab, Esc, wheel),
// one reload in the middle. After every step the state from inkspan.getState() must satisfy the
// model invariants, and each gesture whose outcome is decidable must have exactly that outcome.
//
//   INKSPAN_SOAK_SEED=1234 node --test tests/e2e/soak.test.mjs    replays another seed
//   INKSPAN_SOAK_STEPS=600 ...                                   more gestures (default 300)
//   INKSPAN_SOAK_TIMING=1 ...                                    prints the time per kind of gesture
//
// Undo history lives in memory (it is not stored), so "undo everything" is checked twice: just
// before the reload (back to the pristine sample, byte for byte, then redo everything back to the
// edited state) and at the end (back to the state the reload restored).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, browserFrames, waitForAppTime } from "./harness.mjs";

const DEFAULT_SEED = 20261128;
const SEED = process.env.INKSPAN_SOAK_SEED ? Number(process.env.INKSPAN_SOAK_SEED) >>> 0 : DEFAULT_SEED;
const STEPS = Number(process.env.INKSPAN_SOAK_STEPS || 300);
const DOC = "d1";
const KEYS = { PER: "p", ORG: "o", LOC: "l", DATE: "d", MISC: "m" };
const LABELS = Object.keys(KEYS);

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });

// mulberry32: small, seedable, the same sequence on every platform.
function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

// Waits for the next animation frame(s): the app draws (and applies queued commands) in its own
// requestAnimationFrame callback, which runs before ours once an input has requested it.
const settle = (page, n = 1) => browserFrames(page, n);
const rawState = (page) => page.evaluate(() => window.inkspan.getState());

// Words whose token is exactly the run of letters/digits (see docs/TOKENIZER.md): neighbours are
// whitespace, brackets, quotes or end punctuation — never an apostrophe, a hyphen, or (next to a
// digit) a decimal separator that would glue more characters into the token.
function wordsOf(cps) {
  const isW = (c) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
  const words = [];
  let para = 0;
  for (let i = 0; i < cps.length;) {
    if (cps[i] === "\n") { if (cps[i + 1] === "\n") para++; i++; continue; }
    if (!isW(cps[i])) { i++; continue; }
    let j = i;
    while (isW(cps[j])) j++;
    const digits = cps.slice(i, j).some((c) => /\p{N}/u.test(c));
    const ok = (c) => c === undefined || /\s/u.test(c) || (digits ? /[«»()"“”;:!?]/u : /[«»()"“”;:!?,.]/u).test(c);
    if (ok(cps[i - 1]) && ok(cps[j])) words.push({ start: i, end: j, para });
    i = j;
  }
  return words;
}

function allows(schema, type, head, tail) {
  const r = schema.relations.find((x) => x.name === type);
  if (!r) return false;
  const acc = (list, l) => list.length === 0 || list.includes(l);
  return (acc(r.head, head) && acc(r.tail, tail)) || (!r.directed && acc(r.head, tail) && acc(r.tail, head));
}
const allowedTypes = (schema, head, tail) => schema.relations.filter((r) => allows(schema, r.name, head, tail)).map((r) => r.name);

// A code point of `s` where `s` is the strictly shortest span (what a click on the text selects).
function clickPoint(doc, cps, s) {
  const candidates = [];
  for (let cp = s.start; cp < s.end; cp++) {
    if (/\s/u.test(cps[cp])) continue;
    const others = doc.spans.filter((o) => o.id !== s.id && o.start <= cp && cp < o.end);
    if (others.every((o) => o.end - o.start > s.end - s.start)) candidates.push(cp);
  }
  return candidates.length ? candidates[Math.floor(candidates.length / 2)] : null;
}

test(`browser soak: ${STEPS} random gestures and a reload, seed ${SEED} (replay: INKSPAN_SOAK_SEED=${SEED})`, { timeout: 600000 }, async () => {
  const t0 = Date.now();
  const rng = prng(SEED);
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  const pristine = await rawState(page);
  const original = JSON.parse(pristine);
  const text = original.documents[0].text;
  const cps = Array.from(text);
  const words = wordsOf(cps);
  assert.ok(words.length > 200, `the sample has words (${words.length})`);

  const trail = [];  // the last gestures, for a failure message
  let step = -1;
  const where = () => `seed ${SEED}, step ${step}; last gestures:\n  ${trail.slice(-8).join("\n  ")}`;
  const check = (cond, what) => assert.ok(cond, `${what}\n(${where()})`);

  // ---- invariants on every state ----------------------------------------------------------------
  function invariants(state) {
    check(JSON.stringify(state.schema) === JSON.stringify(original.schema), "the schema is unchanged");
    check(state.documents.length === 1 && state.documents[0].id === DOC, "one document d1");
    const doc = state.documents[0];
    check(doc.text === text, "the text is unchanged");
    const ids = new Set(), keys = new Set();
    for (const s of doc.spans) {
      const desc = JSON.stringify(s);
      check(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start < s.end && s.end <= cps.length, `offsets in range: ${desc}`);
      check(s.text === cps.slice(s.start, s.end).join(""), `span text matches the document: ${desc}`);
      check(!ids.has(s.id), `span id unique: ${desc}`);
      ids.add(s.id);
      const k = `${s.start}:${s.end}:${s.label}`;
      check(!keys.has(k), `no duplicate (start, end, label): ${desc}`);
      keys.add(k);
      check(LABELS.includes(s.label), `label in the schema: ${desc}`);
    }
    const byId = new Map(doc.spans.map((s) => [s.id, s]));
    const relIds = new Set(), relKeys = new Set();
    for (const r of doc.relations) {
      const desc = JSON.stringify(r);
      check(!relIds.has(r.id) && !ids.has(r.id), `relation id unique: ${desc}`);
      relIds.add(r.id);
      const h = byId.get(r.head), t = byId.get(r.tail);
      check(h && t, `relation ends exist: ${desc}`);
      check(r.head !== r.tail, `relation joins two spans: ${desc}`);
      check(allows(state.schema, r.type, h.label, t.label), `relation allowed for ${h.label} → ${t.label}: ${desc}`);
      const k = `${r.type}:${r.head}:${r.tail}`;
      check(!relKeys.has(k), `no duplicate relation: ${desc}`);
      relKeys.add(k);
    }
    return doc;
  }

  async function state() {
    const raw = await rawState(page);
    const s = JSON.parse(raw);
    return { raw, s, doc: invariants(s) };
  }
  // The state after a gesture. ImGui takes queued input a few events per frame, so when the
  // gesture must change the state, wait (frame by frame, up to ~40 frames) until it has; when it
  // must not, give it a few frames to do something wrong anyway (the checks then catch it).
  async function outcome(expectChange) {
    if (expectChange) {
      for (let i = 0; i < 40 && (await rawState(page)) === cur.raw; i++) await settle(page, 1);
    } else {
      await settle(page, 2);
    }
    return state();
  }

  // ---- gestures ---------------------------------------------------------------------------------
  // The app's clock in seconds (ImGui's, which times double-clicks).
  const appTime = () => page.evaluate(() => window.inkspan.stats().timeS);
  let lastClick = { x: -100, y: -100, t: 0 };
  async function guardDoubleClick(x, y) {
    // Two clicks close in place and time would be a double-click (ImGui: 6 px, 0.30 s of its
    // clock, which keeps running for 0.7 s after an input): wait until its clock is past that.
    if (Math.hypot(x - lastClick.x, y - lastClick.y) < 12) await waitForAppTime(page, lastClick.t + 0.35);
  }
  // Boxes of code points, in one round trip. A later locate may scroll the view, so repeat until
  // the first box stays where it was (then both are on screen).
  const locateAll = (offsets) => page.evaluate(([d, offs]) => {
    let out;
    for (let i = 0; i < 4; i++) {
      out = offs.map((o) => window.inkspan.locate(d, o));
      const again = window.inkspan.locate(d, offs[0]);
      if (out[0] && again && again.x === out[0].x && again.y === out[0].y) break;
    }
    return out;
  }, [DOC, offsets]);
  async function boxes(...offsets) {
    const r = await locateAll(offsets);
    r.forEach((b, i) => check(b, `locate(${offsets[i]}) gives a box`));
    return r;
  }
  async function click(cp) {
    const [b] = await boxes(cp);
    const x = b.x + b.w / 2, y = b.y + b.h / 2;
    await guardDoubleClick(x, y);
    await page.mouse.click(x, y);
    await settle(page);
    lastClick = { x, y, t: await appTime() };
  }
  async function press(key) {
    await page.keyboard.press(key);
    await settle(page);
  }
  // The reading area of a 1280×800 page: below the toolbar (44 px), above the status bar (28 px).
  const VIEW_TOP = 44, VIEW_BOTTOM = 800 - 28;
  async function drag(start, end) {
    let [a, b] = await boxes(start, end - 1);
    // A drag that ends within 10 px of the view's edge auto-scrolls while the button is down
    // (as it should); keep the range well inside so the selection ends where the mouse does.
    for (let i = 0; i < 4 && (a.y < VIEW_TOP + 40 || b.y + b.h > VIEW_BOTTOM - 40); i++) {
      await page.mouse.move(400, 400);
      await page.mouse.wheel(0, a.y < VIEW_TOP + 40 ? -150 : 150);
      [a, b] = await boxes(start, end - 1);
      figures.dragsMovedFromEdge++;
    }
    // Inside the first and the last character, as far apart as possible (a press and release
    // closer than 4 px is a click, not a drag: one-letter words need the whole glyph width).
    const x0 = a.x + Math.min(2, a.w * 0.2), x1 = b.x + b.w - Math.min(2, b.w * 0.2);
    if (Math.abs(b.y - a.y) < 1 && x1 - x0 < 5) return false;
    await page.mouse.move(x0, a.y + a.h / 2);
    await page.mouse.down();
    await page.mouse.move(x1, b.y + b.h / 2);
    await page.mouse.up();
    lastClick = { x: -100, y: -100, t: 0 };
    await settle(page);
    return true;
  }
  const spanKey = (s) => `${s.start}:${s.end}:${s.label}`;
  const findSpan = (doc, start, end, label) => doc.spans.find((s) => s.start === start && s.end === end && s.label === label);
  const wordText = (start, end) => cps.slice(start, end).join("");
  const sameAnnotations = (a, b) => JSON.stringify([a.spans, a.relations]) === JSON.stringify([b.spans, b.relations]);

  let cur = await state();
  let lastAdded = null;   // the span the previous step added, if it did
  let lastUndo = null;    // the annotations before the previous step's undo, if it changed something
  const figures = { gestures: 0, added: 0, deleted: 0, relabelled: 0, relations: 0, refusedRelations: 0,
                    undos: 0, redos: 0, reloads: 0, undoAllSteps: 0, dragsMovedFromEdge: 0 };
  const history = { undo: 0, redo: 0 };  // steps the app's history must hold, from what changed

  // Undo (or redo) everything: as many presses as the history holds (counted from the gestures
  // that changed the state), fast; wait until the queued presses are taken and the state is
  // `target`; then one more press must change nothing.
  async function exhaust(key, count, target, what, more = 0) {
    await page.mouse.move(640, 400);
    for (let i = 0; i < count; i++) await page.keyboard.press(key);
    let raw;
    for (let i = 0; i < 600 && (raw = await rawState(page)) !== target; i++) await settle(page, 1);
    const doc = JSON.parse(raw).documents[0];
    check(raw === target, `${what} (${key} × ${count}); got ${doc.spans.length} spans, ${doc.relations.length} relations`);
    if (more === 0) {  // (redo: steps undone before the checkpoint are still there to redo)
      await press(key);
      await settle(page, 3);
      check((await rawState(page)) === target, `${key} × ${count} exhausts the history (one more press changes nothing)`);
    }
    await state();
  }

  async function reloadCheckpoint() {
    // Undo everything: the pristine sample, byte for byte; redo everything: back to where we were.
    const edited = (await state()).raw;
    const steps = history.undo;
    await exhaust("Control+z", steps, pristine, "undo-all gives back the original sample with zero spans, byte for byte");
    await exhaust("Control+Shift+z", steps, edited, "redo-all gives back the edited state byte for byte", history.redo);
    figures.undoAllSteps += steps;
    history.undo = steps;
    history.redo = 0;
    // Saved, then reloaded: the same state.
    await page.waitForFunction(() => {
      const s = window.inkspan.storage();
      return s.state === "idle" && !s.pending;
    }, null, { timeout: 15000 });
    const saved = await rawState(page);
    await page.reload();
    await page.evaluate(() => window.inkspan.ready);
    const restored = await rawState(page);
    check(restored === saved, `after the reload the state equals the state before it (${JSON.parse(saved).documents[0].spans.length} spans)`);
    figures.reloads++;
    lastClick = { x: -100, y: -100, t: 0 };
    return restored;
  }

  const kinds = [["drag", 22], ["dblclick", 12], ["delete", 9], ["relabel", 10], ["relation", 15],
                 ["undo", 10], ["redo", 6], ["tab", 5], ["escape", 4], ["wheel", 7]];
  const totalWeight = kinds.reduce((a, [, w]) => a + w, 0);
  function chooseKind() {
    let r = rng.int(totalWeight);
    for (const [k, w] of kinds) { if (r < w) return k; r -= w; }
    return "drag";
  }
  const randomLabel = () => rng.pick(LABELS);

  let afterReload = null;
  const timing = {};
  for (step = 0; step < STEPS; step++) {
    if (step === Math.floor(STEPS / 2)) {
      trail.push(`${step}: undo-all, redo-all, wait for the save, reload`);
      afterReload = await reloadCheckpoint();
      history.undo = history.redo = 0;  // the history is not stored: it starts again at the reload
      cur = await state();
      lastAdded = null;
      lastUndo = null;
    }
    const before = cur.doc;
    let kind = chooseKind();
    if (["delete", "relabel", "relation"].includes(kind) && before.spans.length < (kind === "relation" ? 2 : 1)) kind = "drag";
    let added = null, undid = null;
    figures.gestures++;
    const tStep = Date.now();
    const beforeRaw = cur.raw;

    if (kind === "drag" || kind === "dblclick") {
      let start, end;
      if (kind === "drag") {
        const i = rng.int(words.length);
        let j = i + rng.int(3);
        while (j > i && (j >= words.length || words[j].para !== words[i].para || words[j].start - words[i].end > 40)) j--;
        ({ start } = words[i]);
        ({ end } = words[j]);
      } else {
        ({ start, end } = rng.pick(words));
      }
      const label = randomLabel();
      trail.push(`${step}: ${kind} [${start}, ${end}) "${wordText(start, end)}" + ${KEYS[label]} (${label})`);
      if (kind === "drag" && !(await drag(start, end))) {
        trail.push(`${step}: (too narrow to drag; double-click instead)`);
        kind = "dblclick";
      }
      if (kind === "dblclick") {
        const [b] = await boxes(start + Math.floor((end - start) / 2));
        const x = b.x + b.w / 2, y = b.y + b.h / 2;
        await guardDoubleClick(x, y);
        await page.mouse.dblclick(x, y);
        await settle(page);
        lastClick = { x, y, t: await appTime() };
      }
      await press(KEYS[label]);
      const existed = findSpan(before, start, end, label);
      cur = await outcome(!existed);
      const s = findSpan(cur.doc, start, end, label);
      check(s, `${kind} + ${label}: span [${start}, ${end}) ${label} exists; spans near: ` +
            JSON.stringify(cur.doc.spans.filter((x) => x.end > start - 20 && x.start < end + 20)));
      check(cur.doc.spans.length === before.spans.length + (existed ? 0 : 1), `${kind}: one span more (or none if it existed)`);
      check(before.relations.length === cur.doc.relations.length, `${kind}: relations untouched`);
      if (!existed) { added = s; figures.added++; }
    } else if (kind === "delete" || kind === "relabel") {
      const target = rng.pick(before.spans);
      const cp = clickPoint(before, cps, target);
      const label = randomLabel();
      trail.push(`${step}: click ${target.id} [${target.start}, ${target.end}) ${target.label} "${target.text}" at ${cp}, ` +
                 (kind === "delete" ? "Delete" : `${KEYS[label]} (${label})`));
      if (cp === null) { trail.push(`${step}: (no point selects ${target.id} alone; skipped)`); continue; }
      const clash = label !== target.label && findSpan(before, target.start, target.end, label);
      const breaks = before.relations.some((r) => {
        if (r.head !== target.id && r.tail !== target.id) return false;
        const h = r.head === target.id ? label : before.spans.find((s) => s.id === r.head).label;
        const t = r.tail === target.id ? label : before.spans.find((s) => s.id === r.tail).label;
        return !allows(cur.s.schema, r.type, h, t);
      });
      const expected = clash || breaks ? target.label : label;
      await click(cp);
      await press(kind === "delete" ? "Delete" : KEYS[label]);
      cur = await outcome(kind === "delete" || expected !== target.label);
      if (kind === "delete") {
        check(!cur.doc.spans.some((s) => s.id === target.id), `Delete: ${target.id} is gone`);
        check(cur.doc.spans.length === before.spans.length - 1, "Delete: exactly one span fewer");
        const kept = before.relations.filter((r) => r.head !== target.id && r.tail !== target.id);
        check(JSON.stringify(cur.doc.relations) === JSON.stringify(kept), `Delete: the relations of ${target.id} went with it, the others stayed`);
        figures.deleted++;
      } else {
        const now = cur.doc.spans.find((s) => s.id === target.id);
        check(now, `relabel: ${target.id} still exists`);
        check(now.label === expected, `relabel ${target.id} ${target.label} → ${label}: label is ${now.label}, expected ${expected}` +
              (clash ? " (refused: the same range already has that label)" : breaks ? " (refused: it would break a relation)" : ""));
        const others = (d) => JSON.stringify(d.spans.filter((s) => s.id !== target.id).map(spanKey).sort());
        check(cur.doc.spans.length === before.spans.length && others(cur.doc) === others(before) &&
              JSON.stringify(cur.doc.relations) === JSON.stringify(before.relations), "relabel: nothing else changes");
        if (expected !== target.label) figures.relabelled++;
      }
    } else if (kind === "relation") {
      // Mostly pairs the schema allows, sometimes any pair (refused with a message).
      const pairs = [];
      for (const h of before.spans) for (const t of before.spans)
        if (h.id !== t.id && allowedTypes(cur.s.schema, h.label, t.label).length) pairs.push([h, t]);
      let [head, tail] = pairs.length && rng.next() < 0.8 ? rng.pick(pairs) : [rng.pick(before.spans), rng.pick(before.spans)];
      if (head.id === tail.id) tail = before.spans.find((s) => s.id !== head.id);
      const hp = clickPoint(before, cps, head), tp = clickPoint(before, cps, tail);
      trail.push(`${step}: relation ${head.id} ${head.label} "${head.text}"@${hp} → r → ${tail.id} ${tail.label} "${tail.text}"@${tp}`);
      if (hp === null || tp === null) { trail.push(`${step}: (a span cannot be clicked alone; skipped)`); continue; }
      const types = allowedTypes(cur.s.schema, head.label, tail.label);
      const had = types.length === 1 && before.relations.some((r) => r.type === types[0] && r.head === head.id && r.tail === tail.id);
      await click(hp);
      await press("r");
      await click(tp);
      cur = await outcome(types.length === 1 && !had);
      check(JSON.stringify(cur.doc.spans) === JSON.stringify(before.spans), "relation: spans untouched");
      if (types.length === 1) {
        check(cur.doc.relations.some((r) => r.type === types[0] && r.head === head.id && r.tail === tail.id),
              `relation ${types[0]} ${head.id} → ${tail.id} exists: ${JSON.stringify(cur.doc.relations)}`);
        check(cur.doc.relations.length === before.relations.length + (had ? 0 : 1), "relation: one more (or none if it existed)");
        if (!had) figures.relations++;
      } else {
        check(types.length === 0, "the default schema never offers two types for a pair");
        check(JSON.stringify(cur.doc.relations) === JSON.stringify(before.relations), `relation ${head.label} → ${tail.label} refused: nothing changes`);
        figures.refusedRelations++;
      }
    } else if (kind === "undo") {
      trail.push(`${step}: Ctrl+Z` + (lastAdded ? ` (undoes the span ${lastAdded.id} just added)` : ""));
      await press("Control+z");
      cur = await outcome(history.undo > 0);
      if (lastAdded) {
        check(!cur.doc.spans.some((s) => s.id === lastAdded.id || spanKey(s) === spanKey(lastAdded)),
              `Ctrl+Z right after labelling removes ${lastAdded.id} [${lastAdded.start}, ${lastAdded.end}) ${lastAdded.label}`);
        check(cur.doc.spans.length === before.spans.length - 1, "Ctrl+Z of a labelling: one span fewer");
      }
      if (!sameAnnotations(before, cur.doc)) undid = before;
      figures.undos++;
    } else if (kind === "redo") {
      trail.push(`${step}: Ctrl+Shift+Z` + (lastUndo ? " (redoes the step just undone)" : ""));
      await press("Control+Shift+z");
      cur = await outcome(history.redo > 0);
      if (lastUndo) check(sameAnnotations(cur.doc, lastUndo), "Ctrl+Shift+Z right after an undo gives back the annotations before it");
      figures.redos++;
    } else if (kind === "tab") {
      const key = rng.next() < 0.3 ? "Shift+Tab" : "Tab";
      trail.push(`${step}: ${key}`);
      await press(key);
      cur = await outcome(false);
      check(sameAnnotations(cur.doc, before), "Tab changes nothing");
    } else if (kind === "escape") {
      trail.push(`${step}: Escape`);
      await press("Escape");
      cur = await outcome(false);
      check(sameAnnotations(cur.doc, before), "Escape changes nothing");
    } else if (kind === "wheel") {
      const dy = (rng.next() < 0.5 ? -1 : 1) * (100 + rng.int(500));
      trail.push(`${step}: wheel ${dy}`);
      await page.mouse.move(300 + rng.int(300), 200 + rng.int(400));
      await page.mouse.wheel(0, dy);
      cur = await outcome(false);
      check(sameAnnotations(cur.doc, before), "scrolling changes nothing");
    }
    // Ctrl+Z changes the state exactly when there is something to undo, and so on.
    const changed = cur.raw !== beforeRaw;
    if (kind === "undo") {
      check(changed === history.undo > 0, `Ctrl+Z changes the state iff the history holds a step (${history.undo} held, changed: ${changed})`);
      if (changed) { history.undo--; history.redo++; }
    } else if (kind === "redo") {
      check(changed === history.redo > 0, `Ctrl+Shift+Z changes the state iff a step was undone (${history.redo} held, changed: ${changed})`);
      if (changed) { history.redo--; history.undo++; }
    } else if (changed) {
      history.undo++;
      history.redo = 0;
    }
    lastAdded = added;
    lastUndo = undid;
    timing[kind] = (timing[kind] || 0) + Date.now() - tStep;
  }

  // The end: undo everything the history holds (it starts at the reload), no console error.
  trail.push("end: undo-all");
  const undone = history.undo;
  figures.undoAllSteps += undone;
  await exhaust("Control+z", undone, afterReload, "undo-all at the end gives back the state the reload restored");
  const spansAtEnd = JSON.parse(afterReload).documents[0].spans.length;
  assert.deepEqual(errors, [], `no console error (${where()})`);
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`# soak seed ${SEED}: ${JSON.stringify(figures)}, ${spansAtEnd} spans survived the reload, ${seconds} s`);
  if (process.env.INKSPAN_SOAK_TIMING) console.log(`# ms per kind: ${JSON.stringify(timing)}`);
  await ctx.close();
});
