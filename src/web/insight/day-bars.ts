// A bar per UTC day as inline SVG (no script, no image request): the bar's height is the day's
// share, an empty day is a short grey stub, and each bar's <title> is its text on hover; the whole
// chart's numbers are in its accessible label. Scales to the width of its box (phones included).
import { html, type Html } from "../html.js";

export interface DayBar {
  day: string;
  /** 0…1, or null for a day without data. */
  value: number | null;
  text: string;
}

export function dayBars(bars: readonly DayBar[], label: string, cls: string, size = { width: 600, height: 80 }): Html {
  const gap = 2;
  const w = bars.length ? size.width / bars.length : size.width;
  const rects = bars.map((b, i) => {
    const h = b.value === null ? 2 : Math.max(2, b.value * (size.height - 4));
    const kind = b.value === null ? "none" : b.value === 0 ? "zero" : "some";
    return html`<rect class="${kind}" x="${(i * w + gap / 2).toFixed(1)}" y="${(size.height - h).toFixed(1)}" width="${Math.max(1, w - gap).toFixed(1)}" height="${h.toFixed(1)}"><title>${b.day}: ${b.text}</title></rect>`;
  });
  return html`<svg class="day-bars ${cls}" viewBox="0 0 ${size.width} ${size.height}" preserveAspectRatio="none" role="img" aria-label="${label}"><title>${label}</title>${rects}</svg>`;
}
