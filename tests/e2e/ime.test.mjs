// Input methods in the app's text fields: text that arrives through composition (CJK IMEs), dead
// keys, insertText (emoji picker, dictation, characters a keyboard layout has no key for) and
// paste reaches ImGui exactly once, while non-text keys still act as keys and label hotkeys still
// work outside text fields. The IME is driven through the DevTools protocol (Input.imeSetComposition,
// Input.insertText), the way a real IME talks to the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchBrowser, openApp, settle, getState, rangeOf, dragOver, clickAt, state, press } from "./harness.mjs";
import { decodePng } from "./png.mjs";

let server, browser;
before(async () => { server = await serveDist(); browser = await launchBrowser(); });
after(async () => { await browser.close(); await server.close(); });



async function open() {
  const ctx = await browser.newContext();
  const { page, errors } = await openApp(ctx, server.url);
  const cdp = await ctx.newCDPSession(page);
  return { page, errors, cdp };
}

// What has the focus: "ime" (the hidden textarea), "canvas", or another tag name.
const focused = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return a && a.id ? a.id : a ? a.tagName.toLowerCase() : null;
});

// Whole-word, case-insensitive occurrences (the find bar's defaults).
function wordCount(text, word) {
  const re = new RegExp(`(?<![\\p{L}\\p{N}\\p{M}_])${word}(?![\\p{L}\\p{N}\\p{M}_])`, "giu");
  return (text.match(re) || []).length;
}

// Opens the find bar on a fresh page; the find field then has the keyboard.
async function openFind(page) {
  await page.mouse.click(640, 400);
  await settle(page);
  await press(page, "Control+f");
  await settle(page);
}

// After a query is in the find field: Enter, then the LOC hotkey labels every match. Returns the
// texts of the spans made.
async function labelAllMatches(page) {
  await press(page, "Enter");
  await press(page, "l");
  return (await state(page)).documents[0].spans.map((s) => s.text);
}

// The note field of the selected span: the only tall white (FrameBg) box in the side panel, found
// in a screenshot (the side panel is the right 320 px at 1280 px wide).
async function findNoteField(page) {
  const png = decodePng(await page.screenshot());
  const x = png.width - 120;
  const white = (y) => {
    const i = (y * png.width + x) * 4;
    return png.pixels[i] === 255 && png.pixels[i + 1] === 255 && png.pixels[i + 2] === 255;
  };
  for (let y = 0; y < png.height; y++) {
    if (!white(y)) continue;
    let end = y;
    while (end < png.height && white(end)) end++;
    if (end - y >= 40) return { x, top: y, bottom: end };
    y = end;
  }
  throw new Error("no note field in the side panel");
}

async function imeBox(page) {
  return page.evaluate(() => {
    const el = document.getElementById("ime");
    const r = el.getBoundingClientRect();
    return { value: el.value, composing: el.classList.contains("composing"), opacity: getComputedStyle(el).opacity,
             x: r.x, y: r.y, w: r.width, h: r.height };
  });
}

test("IME composition (imeSetComposition, then insertText) types 北京 and an emoji into a span's note", async () => {
  const { page, errors, cdp } = await open();
  const text = (await state(page)).documents[0].text;
  const r = rangeOf(text, "Istanbul");
  await dragOver(page, r);
  await press(page, "l");
  await clickAt(page, r.start + 2);  // the span is selected: the side panel shows its note field
  const field = await findNoteField(page);
  await page.mouse.click(field.x, field.top + 12);
  await settle(page);
  assert.equal(await focused(page), "ime", "the hidden text input has the focus while the note is edited");

  await cdp.send("Input.imeSetComposition", { text: "bei", selectionStart: 3, selectionEnd: 3 });
  await cdp.send("Input.imeSetComposition", { text: "北京", selectionStart: 2, selectionEnd: 2 });
  await settle(page);
  let box = await imeBox(page);
  assert.equal(box.value, "北京", "the composing string is in the text input");
  assert.ok(box.composing && box.opacity === "1", "and shown while composing: " + JSON.stringify(box));
  assert.ok(box.y >= field.top - 4 && box.y < field.bottom && box.x > 960 && box.x < 1280,
            "at the note's caret: " + JSON.stringify({ box, field }));
  assert.ok(box.w > 10, "sized to the composing text: " + JSON.stringify(box));

  await cdp.send("Input.insertText", { text: "北京" });  // the IME commits
  await cdp.send("Input.insertText", { text: " 👍" });    // the emoji picker inserts
  await settle(page);
  box = await imeBox(page);
  assert.equal(box.value, "", "committed text is handed over, not kept");
  assert.ok(!box.composing && box.opacity === "0", "hidden again after the composition: " + JSON.stringify(box));

  // Click the panel below the field: the note is stored, the focus returns to the canvas.
  await page.mouse.click(field.x, field.bottom + 12);
  await settle(page);
  await settle(page);
  const span = (await state(page)).documents[0].spans.find((s) => s.start === r.start && s.end === r.end);
  assert.ok(span, "the span is still there");
  assert.equal(span.note, "北京 👍");
  assert.equal(await focused(page), "canvas", "the focus is back on the canvas");

  // Label hotkeys over the text still work after the field is left.
  const m = rangeOf(text, "Moscou");
  await dragOver(page, m);
  await press(page, "l");
  const doc = (await state(page)).documents[0];
  assert.ok(doc.spans.some((s) => s.start === m.start && s.end === m.end && s.label === "LOC"),
            "hotkey labels Moscou: " + JSON.stringify(doc.spans));
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("typing délégation (é arrives as insertText, not as a key) finds délégation exactly", async () => {
  const { page, errors } = await open();
  const text = (await state(page)).documents[0].text;
  await openFind(page);
  await page.keyboard.type("délégation");  // Playwright inserts "é" with Input.insertText: no keydown
  const spans = await labelAllMatches(page);
  assert.equal(spans.length, wordCount(text, "délégation"), JSON.stringify(spans));
  assert.ok(spans.length >= 1);
  for (const s of spans) assert.equal(s.toLowerCase(), "délégation");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("dead keys: a composed accent (´ then e → é) and a layout's é key each give é once", async () => {
  const { page, errors, cdp } = await open();
  const text = (await state(page)).documents[0].text;
  await openFind(page);
  const key = (type, o) => cdp.send("Input.dispatchKeyEvent", { type, ...o });
  // A dead key as browsers report it on macOS/Linux: the accent key is "Dead" and starts a
  // composition showing ´; the next key commits é.
  const deadComposed = async () => {
    await key("rawKeyDown", { key: "Dead", code: "BracketLeft", windowsVirtualKeyCode: 219 });
    await cdp.send("Input.imeSetComposition", { text: "´", selectionStart: 1, selectionEnd: 1 });
    await settle(page);
    const box = await imeBox(page);
    assert.ok(box.composing && box.value === "´", "the pending accent is shown: " + JSON.stringify(box));
    await key("keyUp", { key: "Dead", code: "BracketLeft", windowsVirtualKeyCode: 219 });
    await key("rawKeyDown", { key: "é", code: "KeyE", windowsVirtualKeyCode: 229 });
    await cdp.send("Input.insertText", { text: "é" });
    await key("keyUp", { key: "e", code: "KeyE", windowsVirtualKeyCode: 69 });
  };
  // As on Windows: the dead key alone does nothing; the next keydown carries é as its text.
  const deadThenKey = async () => {
    await key("rawKeyDown", { key: "Dead", code: "BracketLeft", windowsVirtualKeyCode: 219 });
    await key("keyUp", { key: "Dead", code: "BracketLeft", windowsVirtualKeyCode: 219 });
    await key("keyDown", { key: "é", code: "KeyE", text: "é", unmodifiedText: "é", windowsVirtualKeyCode: 69 });
    await key("keyUp", { key: "é", code: "KeyE", windowsVirtualKeyCode: 69 });
  };
  await page.keyboard.type("d");
  await deadComposed();
  await page.keyboard.type("l");
  await deadThenKey();
  await page.keyboard.type("gation");
  await settle(page);
  const spans = await labelAllMatches(page);
  assert.equal(spans.length, wordCount(text, "délégation"), JSON.stringify(spans));
  for (const s of spans) assert.equal(s.toLowerCase(), "délégation");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("keys in a text field act once: Backspace, arrows, End; Enter during a composition is the IME's", async () => {
  const { page, errors, cdp } = await open();
  const text = (await state(page)).documents[0].text;
  await openFind(page);
  await page.keyboard.type("Istanbl");
  await press(page, "ArrowLeft");
  await page.keyboard.type("u");
  await press(page, "End");
  await page.keyboard.type("xx");
  await press(page, "Backspace");
  await press(page, "Backspace");
  // An IME composing: its Enter (keyCode 229) commits the composition and is not ImGui's Enter.
  await cdp.send("Input.imeSetComposition", { text: "ul", selectionStart: 2, selectionEnd: 2 });
  await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key: "Enter", code: "Enter", windowsVirtualKeyCode: 229 });
  await cdp.send("Input.imeSetComposition", { text: "", selectionStart: 0, selectionEnd: 0 });
  await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key: "Enter", code: "Enter", windowsVirtualKeyCode: 13 });
  await settle(page);
  assert.equal(await focused(page), "ime", "the find field is still being edited");
  assert.equal((await state(page)).documents[0].spans.length, 0);
  const spans = await labelAllMatches(page);
  assert.equal(spans.length, wordCount(text, "Istanbul"), JSON.stringify(spans));
  for (const s of spans) assert.equal(s, "Istanbul");
  assert.equal(await focused(page), "canvas", "Enter left the field: the canvas has the focus again");
  assert.deepEqual(errors, []);
  await page.context().close();
});

test("paste: into the find field it is the query; onto the page it is a new document", async () => {
  const { page, errors } = await open();
  const text = (await state(page)).documents[0].text;
  const paste = (t) => page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData("text/plain", t);
    (document.activeElement || document.body).dispatchEvent(
      new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
  }, t);
  await openFind(page);
  await paste("Istanbul");
  await settle(page);
  const spans = await labelAllMatches(page);
  assert.equal(spans.length, wordCount(text, "Istanbul"), JSON.stringify(spans));
  for (const s of spans) assert.equal(s, "Istanbul");

  await press(page, "Escape");
  assert.notEqual(await focused(page), "ime");
  const before = (await state(page)).documents.length;
  await paste("Pasted text about Lyon.");
  await settle(page);
  const docs = (await state(page)).documents;
  assert.equal(docs.length, before + 1, "pasted onto the page: a new document");
  assert.ok(docs.some((d) => d.text === "Pasted text about Lyon."));
  assert.deepEqual(errors, []);
  await page.context().close();
});
