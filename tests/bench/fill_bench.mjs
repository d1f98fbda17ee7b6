#!/usr/bin/env node
// What paces frames in headless Chromium without a GPU (issue 16): a bare WebGL2 canvas of the
// app's size that clears and then fills N full-screen blended quads every animation frame, and the
// frame intervals that gives. SwiftShader rasterises in software, so the intervals follow the
// pixels filled; the app's figure to compare is "pixels filled" of
// `build/native/inkspan_bench --quick --only frames` (screens per frame).
//
//   node tests/bench/fill_bench.mjs
import { launchBrowser } from "../e2e/harness.mjs";

const { newContext, close } = await launchBrowser();
try {
  const page = await (await newContext()).newPage();
  await page.setContent(`<canvas id=c width=1280 height=800 style="position:fixed;left:0;top:0;width:1280px;height:800px"></canvas>`);
  console.log("full-screen blended quads a frame (1280 x 800): frame interval p50 / p95 / max, intervals over 50 ms");
  for (const layers of [0, 1, 2, 3, 6, 10]) {
    const r = await page.evaluate((layers) => new Promise((resolve) => {
      const gl = document.getElementById("c").getContext("webgl2", { alpha: false, antialias: false });
      const shader = (type, src) => { const s = gl.createShader(type); gl.shaderSource(s, src); gl.compileShader(s); return s; };
      const program = gl.createProgram();
      gl.attachShader(program, shader(gl.VERTEX_SHADER, "#version 300 es\nin vec2 p; void main() { gl_Position = vec4(p, 0, 1); }"));
      gl.attachShader(program, shader(gl.FRAGMENT_SHADER, "#version 300 es\nprecision mediump float; uniform vec4 c; out vec4 o; void main() { o = c; }"));
      gl.linkProgram(program);
      gl.useProgram(program);
      gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, -1, 1, 1, -1, 1]), gl.STATIC_DRAW);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
      gl.enable(gl.BLEND);
      gl.blendFunc(gl.SRC_ALPHA, gl.ONE_MINUS_SRC_ALPHA);
      const color = gl.getUniformLocation(program, "c");
      const intervals = [];
      let last = 0, n = 0;
      const tick = (t) => {
        gl.clearColor((n % 50) / 50, 0.5, 0.5, 1);  // a new picture every frame
        gl.clear(gl.COLOR_BUFFER_BIT);
        for (let k = 0; k < layers; k++) { gl.uniform4f(color, k / 10, 0.3, (n % 7) / 7, 0.5); gl.drawArrays(gl.TRIANGLES, 0, 6); }
        if (last) intervals.push(t - last);
        last = t;
        if (++n < 90) requestAnimationFrame(tick); else resolve(intervals);
      };
      requestAnimationFrame(tick);
    }), layers);
    const s = [...r].sort((a, b) => a - b), at = (q) => s[Math.min(s.length - 1, Math.round(q * (s.length - 1)))].toFixed(1);
    console.log(`  ${String(layers).padStart(2)}: ${at(0.5)} / ${at(0.95)} / ${s[s.length - 1].toFixed(1)} ms, ${r.filter((x) => x > 50).length} of ${r.length}`);
  }
} finally {
  await close();
}
