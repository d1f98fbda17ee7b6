// Answers the WebGL state queries that would wait for the GPU process from a copy kept on the
// page's side. Dear ImGui's OpenGL renderer reads the blend functions and the scissor box every
// frame to restore them after drawing; Chromium keeps neither on the page's side, so each read
// is a round trip to the GPU process that first finishes the commands queued before it (1.3 ms
// a frame in SwiftShader, most of the app's frame). The copy is written by the same calls that
// change that state, so it always holds what WebGL would answer; a value never set is asked
// once. A restored context starts from the defaults again, so its copy is dropped.
(function () {
  "use strict";
  const P = WebGL2RenderingContext.prototype;
  const gl = WebGL2RenderingContext;
  const kept = new Set([gl.SCISSOR_BOX, gl.BLEND_SRC_RGB, gl.BLEND_DST_RGB, gl.BLEND_SRC_ALPHA, gl.BLEND_DST_ALPHA,
                        gl.BLEND_EQUATION_RGB, gl.BLEND_EQUATION_ALPHA]);
  const copies = new WeakMap();  // context → Map(parameter → value)
  const copyOf = (ctx) => {
    let c = copies.get(ctx);
    if (!c) {
      c = new Map();
      copies.set(ctx, c);
      if (ctx.canvas && ctx.canvas.addEventListener) ctx.canvas.addEventListener("webglcontextrestored", () => c.clear());
    }
    return c;
  };
  const wrap = (name, remember) => {
    const real = P[name];
    P[name] = function (...args) {
      real.apply(this, args);
      if (!this.isContextLost()) remember(copyOf(this), ...args);
    };
  };
  wrap("scissor", (c, x, y, w, h) => c.set(gl.SCISSOR_BOX, new Int32Array([x, y, w, h])));
  wrap("blendFunc", (c, src, dst) => {
    c.set(gl.BLEND_SRC_RGB, src); c.set(gl.BLEND_SRC_ALPHA, src);
    c.set(gl.BLEND_DST_RGB, dst); c.set(gl.BLEND_DST_ALPHA, dst);
  });
  wrap("blendFuncSeparate", (c, srcRgb, dstRgb, srcAlpha, dstAlpha) => {
    c.set(gl.BLEND_SRC_RGB, srcRgb); c.set(gl.BLEND_DST_RGB, dstRgb);
    c.set(gl.BLEND_SRC_ALPHA, srcAlpha); c.set(gl.BLEND_DST_ALPHA, dstAlpha);
  });
  wrap("blendEquation", (c, mode) => { c.set(gl.BLEND_EQUATION_RGB, mode); c.set(gl.BLEND_EQUATION_ALPHA, mode); });
  wrap("blendEquationSeparate", (c, rgb, alpha) => { c.set(gl.BLEND_EQUATION_RGB, rgb); c.set(gl.BLEND_EQUATION_ALPHA, alpha); });

  const getParameter = P.getParameter;
  P.getParameter = function (name) {
    if (!kept.has(name) || this.isContextLost()) return getParameter.call(this, name);
    const c = copyOf(this);
    if (!c.has(name)) c.set(name, getParameter.call(this, name));
    const v = c.get(name);
    return v instanceof Int32Array ? new Int32Array(v) : v;  // callers may change the array they get
  };
})();
