// The accessible mirror (issue 19, docs/ACCESSIBILITY.md): a DOM tree beside the canvas, visually
// hidden but read by screen readers, kept in step with what the canvas shows. The app hands over a
// description (core/accessible_view) when it changed; this file diffs it into the DOM — only the
// paragraphs that changed are rebuilt — and sends back what the user activates ("undo", "span:T1",
// "select:5:12"), which the app runs as its own controls would. It also passes the page's media
// preferences (colour scheme, contrast, motion) to the app. Loaded before inkspan.js.
"use strict";
(function () {
  const root = document.createElement("div");
  root.id = "a11y-mirror";
  root.className = "visually-hidden";

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  const help = el("p", { id: "a11y-help" },
    "Read the document below with your screen reader's browse mode. Activate a labelled span to select it, " +
    "select text and activate a label to annotate it. On the canvas, label keys, Tab, R and Delete work as listed.");
  const toolbar = el("div", { role: "toolbar", "aria-label": "Toolbar" });
  const documentsNav = el("nav", { "aria-label": "Documents" });
  const documentsList = el("ul");
  documentsNav.append(el("h2", {}, "Documents"), documentsList);
  const main = el("main", { "aria-label": "Document text" });
  const title = el("h2");
  const text = el("div", { id: "a11y-text" });
  const selectionLine = el("p", { id: "a11y-selection" });
  const relationsHeading = el("h3", {}, "Relations in view");
  const relationsList = el("ul");
  main.append(title, selectionLine, text, relationsHeading, relationsList);
  const side = el("section", { "aria-label": "Labels and actions" });
  const labels = el("div", { role: "group", "aria-label": "Labels" });
  const panel = el("div", { role: "group", "aria-label": "Actions" });
  const noteLabel = el("label", { for: "a11y-note" }, "Note of the selected span");
  const note = el("textarea", { id: "a11y-note", disabled: "" });
  side.append(el("h2", {}, "Labels"), labels, noteLabel, note, panel);
  note.addEventListener("change", () => send("note:" + note.value));
  const statusBar = el("p", { id: "a11y-status-bar" });
  const saveRegion = el("p", { id: "a11y-save", role: "status" });
  const alertRegion = el("p", { id: "a11y-alert", role: "alert" });
  root.append(el("h1", {}, "Inkspan"), help, toolbar, documentsNav, main, side, statusBar, saveRegion, alertRegion);

  const send = (action) => { if (window.Module && Module.calledRun) Module.ccall("inkspan_a11y_action", null, ["string"], [action]); };
  root.addEventListener("click", (e) => {
    const b = e.target.closest("[data-action]");
    if (!b || b.getAttribute("aria-disabled") === "true") return;
    e.preventDefault();
    send(b.dataset.action);
  });

  // A list of controls (buttons, toggles): the elements are reused by position and only the
  // attributes that changed are written.
  function syncControls(container, controls, wrap) {
    const items = Array.from(container.children);
    controls.forEach((c, i) => {
      let item = items[i];
      if (!item) {
        const b = el("button", { type: "button", tabindex: "-1" });
        item = wrap ? el("li") : b;
        if (wrap) item.append(b);
        container.append(item);
      }
      const b = wrap ? item.firstChild : item;
      const set = (k, v) => { if (v === null) b.removeAttribute(k); else if (b.getAttribute(k) !== v) b.setAttribute(k, v); };
      if (b.textContent !== c.name) b.textContent = c.name;
      set("data-action", c.action);
      set("aria-keyshortcuts", c.shortcut || null);
      set("aria-disabled", c.disabled ? "true" : null);
      set("aria-pressed", "pressed" in c ? String(c.pressed) : null);
      set("aria-current", c.current ? "true" : null);
    });
    for (let i = controls.length; i < items.length; i++) items[i].remove();
  }

  const cpLength = (s) => { let n = 0; for (const _ of s) n++; return n; };

  // Paragraphs keyed by what they hold; a paragraph is rebuilt only when its pieces changed.
  let paragraphs = new Map();
  function buildParagraph(p) {
    const e = el("p", { "data-start": String(p.start), "data-end": String(p.end) });
    for (const piece of p.pieces) {
      if (typeof piece === "string") { e.append(piece); continue; }
      const b = el("button", { type: "button", tabindex: "-1", id: "a11y-span-" + piece.span,
                               "data-action": "span:" + piece.span, "aria-label": piece.name }, piece.text);
      e.append(b);
    }
    return e;
  }
  function syncParagraphs(list) {
    const next = new Map();
    let before = text.firstChild;
    for (const p of list) {
      const key = JSON.stringify(p);
      let e = paragraphs.get(key);
      if (!e) e = buildParagraph(p);
      next.set(key, e);
      if (e !== before) text.insertBefore(e, before);
      else before = before.nextSibling;
    }
    for (const [key, e] of paragraphs) if (!next.has(key)) e.remove();
    paragraphs = next;
  }

  // The code point offset of a DOM point inside the mirrored text, or null outside it.
  function offsetOf(node, offset) {
    const p = (node.nodeType === 1 ? node : node.parentElement)?.closest("#a11y-text > p");
    if (!p) return null;
    const r = document.createRange();
    r.setStart(p, 0);
    r.setEnd(node, offset);
    return Number(p.dataset.start) + cpLength(r.toString());
  }
  // The DOM point of code point offset `cp`, or null when it is not mirrored.
  function pointAt(cp) {
    for (const p of text.children) {
      const start = Number(p.dataset.start), end = Number(p.dataset.end);
      if (cp < start || cp > end) continue;
      let left = cp - start;
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let last = null;
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const chars = Array.from(t.data);
        if (left <= chars.length) return { node: t, offset: chars.slice(0, left).join("").length };
        left -= chars.length;
        last = t;
      }
      if (last) return { node: last, offset: last.data.length };
    }
    return null;
  }

  // The app's text selection, mirrored as the DOM selection (a screen reader reads it), and the
  // DOM selection made in the mirror (browse mode), sent to the app.
  let appSelection = { start: 0, end: 0 };
  function mirrorSelection(sel) {
    appSelection = { start: sel.start, end: sel.end };
    const active = document.activeElement;
    if (active && active !== document.body && active.id !== "canvas") return;  // never disturb a text field
    const domSel = document.getSelection();
    if (sel.start === sel.end) {
      if (domSel.rangeCount && text.contains(domSel.anchorNode)) domSel.removeAllRanges();
      return;
    }
    const a = pointAt(sel.start), b = pointAt(sel.end);
    if (a && b) domSel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  }
  // A selection the user made in the mirror text that the app has not been sent yet, or null.
  function unsentUserSelection() {
    const s = document.getSelection();
    if (!s.rangeCount || s.isCollapsed || !text.contains(s.anchorNode)) return null;
    const r = s.getRangeAt(0);
    const a = offsetOf(r.startContainer, r.startOffset), b = offsetOf(r.endContainer, r.endOffset);
    if (a === null || b === null || (a === appSelection.start && b === appSelection.end)) return null;
    return { start: a, end: b };
  }
  function sendUserSelection(sel) {
    appSelection = sel;
    send("select:" + sel.start + ":" + sel.end);
  }
  document.addEventListener("selectionchange", () => {
    const sel = unsentUserSelection();
    if (sel) sendUserSelection(sel);
  });

  let last = null;
  function announce(region, message) {
    region.textContent = "";
    region.append(document.createTextNode(message));
  }
  document.body.append(root);
  // The app hands over a description whenever what it shows changed. Each update makes the browser
  // lay the mirror out in its next frame (15.8 ms for a screen of Arabic in a profile, issue 16):
  // inside the animation frame it held the canvas back, right after it the frame that shows an
  // imported document or the next wheel notch. So only the newest description is applied, once the
  // view has been still for 100 ms, and at least once a second while it keeps changing.
  let pending = null, waitingSince = 0, timer = 0;
  function queue(json) {
    const now = performance.now();
    if (timer) clearTimeout(timer); else waitingSince = now;
    pending = json;
    timer = setTimeout(() => { timer = 0; const newest = pending; pending = null; window.InkspanA11y.update(newest); },
                       Math.max(0, Math.min(100, waitingSince + 1000 - now)));
  }

  function update(json) {
    const v = JSON.parse(json);
    // A selection the user just made in the mirror (its selectionchange event may not have come
    // yet) is newer than any description waiting: it is sent, not undone.
    const userSelection = unsentUserSelection();
    syncControls(toolbar, v.toolbar, false);
    syncControls(documentsList, v.documents, true);
    syncControls(labels, v.labels, false);
    syncControls(panel, v.panel, false);
    if (title.textContent !== v.documentName) title.textContent = v.documentName || "No document";
    syncParagraphs(v.paragraphs);
    relationsHeading.hidden = v.relations.length === 0;
    syncControls(relationsList, v.relations.map((r) => ({ action: "relation:" + r.id, name: r.name,
                                                         current: r.id === v.selectedRelation })), true);
    const previous = text.querySelector("[aria-current]");
    const current = v.selectedSpan ? document.getElementById("a11y-span-" + v.selectedSpan) : null;
    if (previous !== current) {
      if (previous) previous.removeAttribute("aria-current");
      if (current) current.setAttribute("aria-current", "true");
    }
    note.disabled = !v.selectedSpan;
    if (document.activeElement !== note && note.value !== v.note) note.value = v.note;  // never under the user's typing
    const sel = v.selection;
    const selectionWords = sel.start < sel.end ? "Selected text: " + sel.text
      : current ? "Selected span: " + current.getAttribute("aria-label") : "Nothing selected";
    if (selectionLine.textContent !== selectionWords) selectionLine.textContent = selectionWords;
    if (userSelection) sendUserSelection(userSelection);
    else if (!last || sel.start !== last.selection.start || sel.end !== last.selection.end) mirrorSelection(sel);
    if (statusBar.textContent !== v.status) statusBar.textContent = v.status;
    // Live regions: a new message (the status element, polite; errors assertive), and the save
    // state when saving ends or fails.
    if (last && v.message.serial !== last.message.serial && v.message.text) {
      announce(v.message.error ? alertRegion : document.getElementById("status"), v.message.text);
    }
    if (last && v.save.text !== last.save.text) {
      if (v.save.failed) announce(alertRegion, v.save.text);
      else if (v.save.text === "All changes saved") announce(saveRegion, "Saved");
    }
    last = v;
  }

  // The page's preferences, now and whenever they change.
  const queries = {
    dark: matchMedia("(prefers-color-scheme: dark)"),
    contrast: matchMedia("(prefers-contrast: more)"),
    motion: matchMedia("(prefers-reduced-motion: reduce)"),
  };
  // Bits: 1 dark, 2 more contrast, 4 reduced motion (read by the host before the first frame).
  const preferenceBits = () => (queries.dark.matches ? 1 : 0) | (queries.contrast.matches ? 2 : 0) | (queries.motion.matches ? 4 : 0);
  function sendPreferences() {
    const bits = preferenceBits();
    if (window.Module && Module.calledRun)
      Module.ccall("inkspan_set_preferences", null, ["number", "number", "number"], [bits & 1, bits & 2, bits & 4]);
  }
  for (const q of Object.values(queries)) q.addEventListener("change", sendPreferences);

  // pending(): a description is waiting to be applied (tests wait for the mirror to catch up).
  window.InkspanA11y = { queue, update, pending: () => timer !== 0, preferenceBits };
})();
