"""The HTML, CSS and JavaScript of the --report page (reports/html.py fills in @TITLE@,
@TREE@ and @DATA@).  Plain canvas 2D drawing, no library.

strace counterpart: none.
"""
PAGE = r"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>
body{font:13px system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:8px 12px;background:#263238;color:#fff}
header b{margin-right:12px}
#legend span{display:inline-block;margin-right:10px}
#legend i{display:inline-block;width:10px;height:10px;margin-right:3px;vertical-align:middle}
#wrap{position:relative;margin:8px 12px;border:1px solid #ccc;background:#fff}
#tl{display:block;width:100%;cursor:grab}
#tip{position:absolute;pointer-events:none;background:#fffde7;border:1px solid #999;
 padding:3px 6px;font:12px monospace;white-space:pre;display:none;max-width:90vw;overflow:hidden}
#sel{margin:4px 12px;font:12px monospace;white-space:pre-wrap;min-height:1.4em}
section{margin:12px}
pre{background:#fff;border:1px solid #ccc;padding:8px;overflow:auto}
table{border-collapse:collapse;background:#fff}
th,td{border:1px solid #ccc;padding:2px 8px;text-align:right}
th{cursor:pointer;background:#eceff1}
td:first-child,th:first-child{text-align:left}
</style></head><body>
<header><b>@TITLE@</b><span id="summary"></span>
<button id="reset">reset zoom</button> <span id="legend"></span></header>
<div id="wrap"><canvas id="tl"></canvas><div id="tip"></div></div>
<div id="sel"></div>
<section><h3>Processes</h3><pre id="tree">@TREE@</pre></section>
<section><h3>System calls (-c)</h3><table id="stats"><thead><tr>
<th data-col="0">syscall</th><th data-col="1">calls</th><th data-col="2">errors</th>
<th data-col="3">seconds</th></tr></thead><tbody></tbody></table></section>
<script type="application/json" id="data">@DATA@</script>
<script>
"use strict";
const D = JSON.parse(document.getElementById("data").textContent);
const COLORS = {process:"#8e24aa",signal:"#fb8c00",network:"#1e88e5",ipc:"#00897b",
  memory:"#43a047",file:"#6d4c41",desc:"#78909c",creds:"#c0ca33",clock:"#5c6bc0",
  other:"#9e9e9e"};
const N = D.t.length, LANE_H = 20, LABEL_W = 220, AXIS_H = 18;
const T = Float64Array.from(D.t), DUR = Float64Array.from(D.d);
const LANE = Int32Array.from(D.lane), K = Uint8Array.from(D.k), F = Uint8Array.from(D.f);
const CC = D.c.map(i => COLORS[D.classes[i]] || "#999");
let tEnd = 0;
for (let i = 0; i < N; i++) tEnd = Math.max(tEnd, T[i] + DUR[i]);
tEnd = tEnd || 1;
const unit = D.timed ? "µs" : "events";
const canvas = document.getElementById("tl"), ctx = canvas.getContext("2d");
const tip = document.getElementById("tip");
let view0 = 0, view1 = tEnd * 1.02, width = 800, draws = 0, hover = -1;
document.getElementById("summary").textContent =
  `${D.lanes.length} threads, ${N} events, ${tEnd.toFixed(1)} ${unit}`;
document.getElementById("legend").innerHTML = D.classes.map(c =>
  `<span><i style="background:${COLORS[c]}"></i>${c}</span>`).join("") +
  `<span><i style="background:#e53935"></i>failed</span>`;
function resize() {
  width = canvas.parentElement.clientWidth;
  const h = AXIS_H + D.lanes.length * LANE_H + 4, r = window.devicePixelRatio || 1;
  canvas.width = width * r; canvas.height = h * r;
  canvas.style.height = h + "px";
  ctx.setTransform(r, 0, 0, r, 0, 0);
  draw();
}
const xOf = t => LABEL_W + (t - view0) / (view1 - view0) * (width - LABEL_W);
const tOf = x => view0 + (x - LABEL_W) / (width - LABEL_W) * (view1 - view0);
function fmtTime(t) {   /* µs on the axis: in the unit the visible span needs */
  const span = view1 - view0;
  if (!D.timed) return t.toFixed(0);
  if (span >= 1e6) return (t / 1e6).toFixed(3) + " s";
  if (span >= 1e3) return (t / 1e3).toFixed(3) + " ms";
  return t.toFixed(1) + " µs";
}
function draw() {
  draws++;
  const h = AXIS_H + D.lanes.length * LANE_H;
  ctx.clearRect(0, 0, width, h + 4);
  ctx.font = "11px sans-serif"; ctx.textBaseline = "middle";
  for (let l = 0; l < D.lanes.length; l++) {
    const y = AXIS_H + l * LANE_H;
    ctx.fillStyle = l % 2 ? "#f5f5f5" : "#fff"; ctx.fillRect(0, y, width, LANE_H);
  }
  ctx.save(); ctx.beginPath(); ctx.rect(LABEL_W, 0, width - LABEL_W, h); ctx.clip();
  for (let i = 0; i < N; i++) {
    const x0 = xOf(T[i]); if (x0 > width) continue;
    const y = AXIS_H + LANE[i] * LANE_H;
    if (K[i] === 0) {
      const x1 = xOf(T[i] + DUR[i]); if (x1 < LABEL_W) continue;
      ctx.fillStyle = CC[i];
      ctx.fillRect(x0, y + 3, Math.max(1, x1 - x0), LANE_H - 6);
      if (F[i]) {
        ctx.fillStyle = "#e53935";
        ctx.fillRect(x0, y + LANE_H - 5, Math.max(2, x1 - x0), 3);
      }
    } else {
      if (x0 < LABEL_W) continue;
      ctx.fillStyle = K[i] === 1 ? "#fb8c00" : (F[i] ? "#e53935" : "#000");
      ctx.beginPath(); ctx.moveTo(x0, y + 2); ctx.lineTo(x0 + 5, y + LANE_H / 2);
      ctx.lineTo(x0, y + LANE_H - 2); ctx.lineTo(x0 - 5, y + LANE_H / 2); ctx.fill();
    }
  }
  if (hover >= 0) {
    const y = AXIS_H + LANE[hover] * LANE_H, x0 = xOf(T[hover]);
    ctx.strokeStyle = "#000"; ctx.lineWidth = 1;
    ctx.strokeRect(x0 - 1, y + 1, Math.max(3, xOf(T[hover] + DUR[hover]) - x0 + 2), LANE_H - 2);
  }
  ctx.restore();
  ctx.fillStyle = "#333";
  for (let l = 0; l < D.lanes.length; l++)
    ctx.fillText(D.lanes[l], 4, AXIS_H + l * LANE_H + LANE_H / 2, LABEL_W - 8);
  ctx.strokeStyle = "#999"; ctx.beginPath();
  for (let k = 0; k <= 8; k++) {
    const x = LABEL_W + k * (width - LABEL_W) / 8;
    ctx.moveTo(x, 0); ctx.lineTo(x, AXIS_H);
    ctx.fillText(fmtTime(tOf(x)), x + 2, AXIS_H / 2);
  }
  ctx.stroke();
}
function hitAt(x, y) {
  const l = Math.floor((y - AXIS_H) / LANE_H);
  if (l < 0 || l >= D.lanes.length || x < LABEL_W) return -1;
  const slack = 4 * (view1 - view0) / (width - LABEL_W), t = tOf(x);
  let best = -1, bestd = Infinity;
  for (let i = 0; i < N; i++) {
    if (LANE[i] !== l) continue;
    const d = t < T[i] ? T[i] - t : t > T[i] + DUR[i] ? t - T[i] - DUR[i] : 0;
    if (d <= slack && d < bestd) { best = i; bestd = d; }
  }
  return best;
}
let drag = null;
canvas.addEventListener("mousemove", e => {
  const r = canvas.getBoundingClientRect(), x = e.clientX - r.left, y = e.clientY - r.top;
  if (drag) {
    const dt = (drag.x - x) / (width - LABEL_W) * (drag.v1 - drag.v0);
    view0 = drag.v0 + dt; view1 = drag.v1 + dt; draw(); return;
  }
  const i = hitAt(x, y);
  if (i !== hover) { hover = i; draw(); }
  if (i < 0) { tip.style.display = "none"; return; }
  tip.textContent = D.line[i] + (K[i] === 0 && D.timed ? `  <${DUR[i].toFixed(3)} µs>` : "");
  tip.style.display = "block";
  tip.style.left = Math.max(0, Math.min(x + 12, width - tip.offsetWidth - 4)) + "px";
  tip.style.top = (y + 14) + "px";
});
canvas.addEventListener("mouseleave", () => { tip.style.display = "none"; drag = null; });
canvas.addEventListener("mousedown", e => {
  const r = canvas.getBoundingClientRect();
  drag = {x: e.clientX - r.left, v0: view0, v1: view1, moved: false};
});
canvas.addEventListener("mouseup", e => {
  const r = canvas.getBoundingClientRect(), x = e.clientX - r.left;
  if (drag && Math.abs(drag.x - x) < 3) {
    const i = hitAt(x, e.clientY - r.top);
    document.getElementById("sel").textContent = i >= 0 ? D.line[i] : "";
  }
  drag = null;
});
canvas.addEventListener("wheel", e => {
  e.preventDefault();
  const r = canvas.getBoundingClientRect(), t = tOf(e.clientX - r.left);
  const f = e.deltaY > 0 ? 1.25 : 0.8;
  view0 = t - (t - view0) * f; view1 = t + (view1 - t) * f; draw();
}, {passive: false});
document.getElementById("reset").onclick = () => { view0 = 0; view1 = tEnd * 1.02; draw(); };
const tbody = document.querySelector("#stats tbody");
let sortCol = 1, sortDesc = true;
function table() {
  const rows = D.stats.slice().sort((a, b) => {
    const c = a[sortCol] < b[sortCol] ? -1 : a[sortCol] > b[sortCol] ? 1 : 0;
    return sortDesc ? -c : c;
  });
  tbody.innerHTML = rows.map(r => `<tr><td>${r[0]}</td><td>${r[1]}</td><td>${r[2] || ""}</td>` +
    `<td>${r[3].toFixed(6)}</td></tr>`).join("");
}
document.querySelectorAll("#stats th").forEach(th => th.onclick = () => {
  const c = +th.dataset.col;
  sortDesc = c === sortCol ? !sortDesc : c !== 0; sortCol = c; table();
});
/* for tests and scripts: where event i is drawn, and how many draws happened */
window.pstraceReport = {
  draws: () => draws,
  barAt: i => ({x: (xOf(T[i]) + xOf(T[i] + DUR[i])) / 2,
                y: AXIS_H + LANE[i] * LANE_H + LANE_H / 2}),
  count: N, lanes: D.lanes.length,
};
window.addEventListener("resize", resize);
table();
resize();
</script></body></html>
"""
