// Page glue: the Emscripten Module configuration and window.inkspan, the automation API
// (see docs/AUTOMATION.md). Loaded before inkspan.js.
"use strict";
(function () {
  const statusEl = () => document.getElementById("status");
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });
  ready.catch(() => {});  // a failed start is shown on the page; callers that await still see it

  // A fatal error: instead of a frozen canvas, say what happened and offer the work back — from
  // the running app if it still answers, otherwise from what autosave stored.
  function showFatal(message) {
    const el = statusEl();
    el.textContent = "";
    const p = document.createElement("p");
    p.textContent = message;
    const hint = document.createElement("p");
    hint.textContent = "Your saved work is safe in this browser. Download a copy, then reload the page.";
    const button = document.createElement("button");
    button.textContent = "Export your work";
    button.onclick = exportRescue;
    el.append(p, hint, button);
    el.className = "error";
    rejectReady(new Error(message));
  }
  async function exportRescue() {
    let json = null;
    try { json = Module.ccall("inkspan_get_state", "string", [], []); } catch (e) { json = null; }
    if (!json) json = await InkspanStorage.reload().catch(() => null);
    if (!json) { statusEl().append(" Nothing could be recovered."); return; }
    Module.inkspanDownload("inkspan-rescue-" + Date.now() + ".inkspan.json", new TextEncoder().encode(json), "application/json");
  }
  window.addEventListener("error", (e) => { if (Module.calledRun) showFatal("Inkspan hit an error: " + e.message); });
  window.addEventListener("unhandledrejection", (e) => {
    if (Module.calledRun) showFatal("Inkspan hit an error: " + (e.reason && e.reason.message || e.reason));
  });

  const storageOpened = InkspanStorage.open();  // in parallel with the wasm download
  const fontBytes = fetch("DejaVuSans.ttf")
    .then((r) => (r.ok ? r.arrayBuffer() : null))
    .then((b) => (b ? new Uint8Array(b) : null), () => null);

  function call(name, ret, types, args) { return Module.ccall(name, ret, types, args); }
  function callJson(name, types, args) { return JSON.parse(call(name, "string", types || [], args || [])); }

  window.Module = {
    canvas: document.getElementById("canvas"),
    // The font is fetched in parallel with the wasm and written into the virtual file system
    // before main() runs.
    preRun: [function () {
      Module.addRunDependency("storage");
      storageOpened.then(function (r) {
        if (!Module.restoredInfo) {  // unless this tab already became the writer meanwhile (below)
          Module.restored = r;
          Module.restoredInfo = { writer: r.writer, error: r.error };
        }
        Module.removeRunDependency("storage");
      });
    }, function () {
      Module.addRunDependency("font");
      fontBytes.then(function (bytes) {
        Module.FS.mkdir("/fonts");
        if (bytes) Module.FS.writeFile("/fonts/DejaVuSans.ttf", bytes);
        else console.warn("DejaVuSans.ttf could not be loaded; using ImGui's built-in font");
        Module.removeRunDependency("font");
      });
    }],
    print: (t) => console.log(t),
    printErr: (t) => console.warn(t),
    onFirstFrame: function () {
      // The loading box becomes the app's polite live region (web/inkspan-a11y.js announces there).
      statusEl().textContent = "";
      statusEl().className = "visually-hidden";
      resolveReady();
    },
    // The accessible mirror is updated once the view is still (web/inkspan-a11y.js).
    inkspanA11y: (json) => InkspanA11y.queue(json),
    onFatal: showFatal,
    onAbort: (what) => showFatal("Inkspan stopped: " + what),
    inkspanDownload: function (name, bytes, mime) {
      const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
  };

  // Save at once when the tab is hidden or closed (the debounce timer may never fire then).
  function flush() { if (Module.calledRun) call("inkspan_autosave", null, [], []); }
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
  window.addEventListener("pagehide", flush);
  InkspanStorage.onTakeoverRequest(() => { if (Module.calledRun) call("inkspan_hand_over", null, [], []); });
  // The writing tab closed, died or let go: read what it stored and write from now on, without a
  // reload. Before the app runs, it simply starts as the writer with that corpus.
  InkspanStorage.onBecameWriter(() => {
    InkspanStorage.reload().then((json) => {
      Module.restored = { json: json || "" };
      if (Module.calledRun) call("inkspan_became_writer", null, [], []);
      else Module.restoredInfo = { writer: true, error: null };
    }, (e) => {
      if (Module.calledRun) call("inkspan_report_error", null, ["string"], ["The other tab's work could not be read (" + e + ")"]);
    });
  });

  document.addEventListener("paste", function (e) {
    const text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    if (text && Module.calledRun) { call("inkspan_on_paste", null, ["string"], [text]); e.preventDefault(); }
  });
  window.addEventListener("contextmenu", (e) => e.preventDefault());

  // Hands files to the app as one set (the same path for the picker, drops and the API):
  // [[name, Uint8Array], ...] → {ok, pending, error, message}: ok only when something was imported
  // or a question about it waits (pending: true); error is the refusal's message, else null.
  // The bytes stay here while the app imports them: it copies the pieces it reads into its heap
  // (src/platform/page_files_web.cpp), so a large inkspan file is never there whole (the wasm
  // heap never shrinks).
  function importSet(entries) {
    Module.inkspanPageFiles = entries.map(([, bytes]) => bytes);
    try {
      entries.forEach(([name, bytes], index) =>
        call("inkspan_import_add", null, ["string", "number", "number"], [name, bytes.length, index]));
      return callJson("inkspan_import_end");
    } finally {
      Module.inkspanPageFiles = null;
    }
  }
  const MAX_IMPORT_BYTES = 128 * 1024 * 1024;  // core/limits.h kMaxInputBytes
  async function importFileObjects(files) {
    const entries = [];
    for (const file of files) {
      if (file.size > MAX_IMPORT_BYTES) {  // refused before the file is read
        const msg = file.name + ": the file is " + Math.floor(file.size / 1048576) +
          " MB, over the import limit of " + MAX_IMPORT_BYTES / 1048576 + " MB";
        call("inkspan_report_error", null, ["string"], [msg]);
        return { ok: false, pending: false, error: msg, message: msg };
      }
      try { entries.push([file.name, new Uint8Array(await file.arrayBuffer())]); }
      catch (e) {
        const msg = file.name + ": could not be read (" + e + ")";
        call("inkspan_report_error", null, ["string"], [msg]);
        return { ok: false, pending: false, error: msg, message: msg };
      }
    }
    return importSet(entries);
  }
  Module.inkspanPickFiles = function () {
    const input = document.createElement("input");
    input.type = "file";
    input.multiple = true;
    input.accept = ".txt,.json,.jsonl,.ann,.conf,.conll,.jsonld,text/plain,application/json";
    input.onchange = () => importFileObjects(Array.from(input.files));
    input.click();
  };
  window.addEventListener("dragover", (e) => { e.preventDefault(); });
  window.addEventListener("drop", async (e) => {
    e.preventDefault();
    await importFileObjects(Array.from(e.dataTransfer.files));
  });

  window.inkspan = {
    ready: ready,
    getState: () => call("inkspan_get_state", "string", [], []),
    stats: () => callJson("inkspan_stats"),
    // Resolves once no font fetch is pending and the fonts that arrived are in use (a frame was
    // drawn after the last one arrived).
    fontsLoaded: () => new Promise((resolve) => {
      let quiet = 0;
      const check = () => {
        const s = callJson("inkspan_stats");
        quiet = s.fontsPending === 0 ? quiet + 1 : 0;
        if (quiet >= 3) resolve(s);
        else requestAnimationFrame(check);
      };
      ready.then(() => requestAnimationFrame(check));
    }),
    locate: (docId, offset) => callJson("inkspan_locate", ["string", "number"], [docId, offset]),
    // What the last frame drew, in page CSS px like locate's boxes (tests aim the real mouse with
    // them): the widgets labelled `label` (the text before "##"; all when left out) or starting with
    // it ({prefix: true}) as [{label, id, x, y, w, h, visible}]; the text view's label chips and
    // relation paths; the annotation list's area and rows.
    items: (label, { prefix = false } = {}) =>
      callJson("inkspan_items", ["string", "number"], [label == null ? "" : String(label), label == null || prefix ? 1 : 0]),
    drawnTextView: () => callJson("inkspan_drawn_text_view"),
    drawnAnnotations: () => callJson("inkspan_drawn_annotations"),
    importFile(name, contents) {
      if (typeof contents !== "string" && !(contents instanceof Uint8Array)) {
        const msg = String(name) + ": importFile expects the contents as a string or a Uint8Array";
        return { ok: false, pending: false, error: msg, message: msg };
      }
      return importSet([[name, typeof contents === "string" ? new TextEncoder().encode(contents) : contents]]);
    },
    storage: () => callJson("inkspan_storage_info"),
    selection: () => callJson("inkspan_selection"),
    importFileObjects: importFileObjects,
    // The agreement report (docs/AUTOMATION.md) of these documents and annotators (all when left
    // out), or {error}.
    agreement: (docIds, annotators) => callJson("inkspan_agreement", ["string"],
      [JSON.stringify({ docIds: docIds === undefined ? null : docIds, annotators: annotators === undefined ? null : annotators })]),
    // The adjudication under way (F9): its phase, annotators, quorum and steps with their options
    // (key 1 takes options[0]) — docs/AUTOMATION.md.
    adjudication: () => callJson("inkspan_adjudication"),
    // `layer`: an annotator's name ("gold": the gold layer); omitted: the documents.
    exportAs: (format, docId, layer) =>
      callJson("inkspan_export_as", ["string", "string", "string"], [format, docId || "", layer || ""]),
    // For tests: take `megabytes` of the wasm heap (0 gives it back), to see how the app behaves
    // when memory is short; returns the bytes the app can still allocate.
    testing: { holdMemory: (megabytes) => call("inkspan_test_hold_memory", "number", ["number"], [megabytes]) },
  };
})();
