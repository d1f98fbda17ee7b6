// Page glue: the Emscripten Module configuration and window.inkspan, the automation API
// (see docs/ARCHITECTURE.md). Loaded before inkspan.js.
"use strict";
(function () {
  const statusEl = () => document.getElementById("status");
  let resolveReady, rejectReady;
  const ready = new Promise((res, rej) => { resolveReady = res; rejectReady = rej; });

  function showFatal(message) {
    const el = statusEl();
    el.textContent = message;
    el.className = "error";
    rejectReady(new Error(message));
  }

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
      statusEl().className = "hidden";
      resolveReady();
    },
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

  document.addEventListener("paste", function (e) {
    const text = e.clipboardData ? e.clipboardData.getData("text/plain") : "";
    if (text && Module.calledRun) { call("inkspan_on_paste", null, ["string"], [text]); e.preventDefault(); }
  });
  window.addEventListener("contextmenu", (e) => e.preventDefault());

  window.inkspan = {
    ready: ready,
    getState: () => call("inkspan_get_state", "string", [], []),
    stats: () => callJson("inkspan_stats"),
  };
})();
