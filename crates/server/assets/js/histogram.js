// A stacked bar chart of event counts per period and CAMEO root, drawn as
// SVG elements (no HTML strings).
import { el, rootColour } from './common.js';

const NS = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

/**
 * `periods`: [{period, by_root: {root: n}}]; `labels`: {root: label};
 * `href(period)` links a bar. Sets `data-bars` and `data-total`.
 */
export function drawHistogram(container, periods, labels, href) {
  const W = 1000, H = 170, pad = 22;
  const chart = svg('svg', { viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: 'none', role: 'img' });
  const max = Math.max(1, ...periods.map((p) => Object.values(p.by_root).reduce((a, b) => a + b, 0)));
  const bw = (W - 2 * pad) / Math.max(1, periods.length);
  let total = 0;
  periods.forEach((p, i) => {
    let y = H - pad;
    const bar = svg('a', {});
    if (href) bar.setAttribute('href', href(p.period));
    for (const [root, n] of Object.entries(p.by_root).sort()) {
      const h = ((H - 2 * pad) * n) / max;
      y -= h;
      const r = svg('rect', { x: pad + i * bw + 1, y, width: Math.max(1, bw - 2), height: h, fill: rootColour(root) });
      const t = svg('title', {});
      t.textContent = `${p.period}: ${n} × ${labels[root] || root}`;
      r.append(t);
      bar.append(r);
      total += n;
    }
    chart.append(bar);
    if (periods.length <= 40 || i % Math.ceil(periods.length / 20) === 0) {
      const t = svg('text', { x: pad + i * bw + bw / 2, y: H - 6, 'font-size': 10, 'text-anchor': 'middle', fill: '#5b6675' });
      t.textContent = p.period;
      chart.append(t);
    }
  });
  const roots = [...new Set(periods.flatMap((p) => Object.keys(p.by_root)))].sort();
  const legend = el('div', { class: 'legend' }, roots.map((r) => {
    const swatch = el('i', {});
    swatch.style.background = rootColour(r);
    return el('span', {}, swatch, `${r} ${labels[r] || ''}`);
  }));
  container.replaceChildren(chart, legend);
  container.dataset.bars = String(periods.length);
  container.dataset.total = String(total);
}
