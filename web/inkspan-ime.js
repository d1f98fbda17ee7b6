// Text input through the browser's own text machinery: while an ImGui text field is active
// (src/platform/input_web.cpp tells us where its caret is), a hidden textarea at the caret owns
// the focus, so input methods (CJK IMEs, dead keys, compose sequences, the emoji picker, dictation,
// virtual keyboards) work as in any page. Committed text goes to ImGui as characters; keys that
// are not text (Enter, Escape, arrows, Backspace, shortcuts) are still read from keydown by
// input_web.cpp. While an IME composes, the textarea shows the composing string at the caret.
// Loaded after inkspan-api.js (which defines Module) and before inkspan.js.
"use strict";
(function () {
  const el = document.createElement("textarea");
  el.id = "ime";
  el.setAttribute("autocomplete", "off");
  el.setAttribute("autocorrect", "off");
  el.setAttribute("autocapitalize", "off");
  el.setAttribute("spellcheck", "false");
  el.setAttribute("wrap", "off");
  el.setAttribute("tabindex", "-1");
  el.setAttribute("aria-label", "Text input");
  document.body.appendChild(el);

  let composing = false;
  let dropping = false;  // the field went away: text the IME commits now has nowhere to go

  const call = (name, types, args) => { if (Module.calledRun) Module.ccall(name, null, types, args); };
  const canvas = () => Module.canvas || document.getElementById("canvas");

  // The composing string is drawn by the textarea itself, sized to its text.
  function fit() {
    if (!composing) { el.style.width = ""; return; }
    el.style.width = "1px";
    el.style.width = (el.scrollWidth + 2) + "px";
  }
  function setComposing(on) {
    if (composing === on) return;
    composing = on;
    el.classList.toggle("composing", on);
    call("inkspan_ime_composing", ["number"], [on ? 1 : 0]);
    fit();
  }
  // Hands what the textarea holds to ImGui (once) and empties it.
  function flush() {
    const text = el.value;
    el.value = "";
    fit();
    if (!text || dropping) return;
    call("inkspan_ime_text", ["string"], [text.replace(/\r\n?/g, "\n")]);
  }

  el.addEventListener("compositionstart", () => setComposing(true));
  el.addEventListener("compositionupdate", () => requestAnimationFrame(fit));
  el.addEventListener("compositionend", () => { setComposing(false); flush(); });
  el.addEventListener("input", (e) => {
    if (composing || e.isComposing) { fit(); return; }
    flush();
  });
  // Virtual keyboards (Android) send edits without a usable keydown: turn them into keys.
  // Desktop Backspace/Delete/Enter keydowns are handled (and their default prevented) in C++.
  el.addEventListener("beforeinput", (e) => {
    if (composing || e.isComposing) return;
    const key = { deleteContentBackward: 0, deleteContentForward: 1, insertLineBreak: 2, insertParagraph: 2 }[e.inputType];
    if (key === undefined) return;
    e.preventDefault();
    call("inkspan_ime_key", ["number"], [key]);
  });
  // Clicks land on the canvas (its mousedown default is prevented, so the focus stays here).
  el.addEventListener("blur", () => { if (composing) setComposing(false); el.value = ""; });

  Module.inkspanIme = {
    element: el,
    focused: () => document.activeElement === el,
    // Called by input_web.cpp when ImGui's text input state or caret changes (CSS pixels).
    update(want, x, y, lineHeight) {
      if (want) {
        const h = Math.max(8, lineHeight);
        el.style.left = Math.max(0, Math.min(x, window.innerWidth - 4)) + "px";
        el.style.top = Math.max(0, Math.min(y, window.innerHeight - h)) + "px";
        el.style.height = h + "px";
        el.style.lineHeight = h + "px";
        el.style.fontSize = Math.round(h * 0.9) + "px";
        dropping = false;
        if (document.activeElement !== el) el.focus({ preventScroll: true });
      } else if (document.activeElement === el) {
        dropping = true;  // a composition the blur commits is dropped with the field
        el.blur();
        el.value = "";
        dropping = false;
        const c = canvas();
        if (c) c.focus({ preventScroll: true });
      }
    },
  };
})();
