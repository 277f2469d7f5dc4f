// A tiny inline SVG line of daily values (no script, no image request: allowed by the page's CSP).
// Days without a value break the line; the numbers themselves are in the accessible label.
import { html, type Html } from "./html.js";

export function sparkline(values: (number | null)[], label: string, size = { width: 120, height: 28 }): Html {
  const present = values.filter((v): v is number => v !== null);
  const max = Math.max(...present, 0);
  const min = Math.min(...present, max);
  const pad = 3;
  const step = values.length > 1 ? (size.width - 2 * pad) / (values.length - 1) : 0;
  const point = (v: number, i: number) => `${(pad + i * step).toFixed(1)},${(size.height - pad - (max > min ? ((v - min) / (max - min)) * (size.height - 2 * pad) : (size.height - 2 * pad) / 2)).toFixed(1)}`;
  const segments: string[][] = [[]];
  values.forEach((v, i) => {
    if (v === null) segments.push([]);
    else segments.at(-1)!.push(point(v, i));
  });
  const marks = segments.filter((s) => s.length > 0).map((s) => (s.length === 1 ? dot(s[0]!) : html`<polyline points="${s.join(" ")}"></polyline>`));
  return html`<svg class="spark" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img" aria-label="${label}"><title>${label}</title><line class="base" x1="${pad}" y1="${size.height - 1}" x2="${size.width - pad}" y2="${size.height - 1}"></line>${marks}</svg>`;
}

function dot(p: string): Html {
  const [cx, cy] = p.split(",");
  return html`<circle cx="${cx}" cy="${cy}" r="2"></circle>`;
}
