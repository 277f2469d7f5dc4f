// A statistic per day as inline SVG (no script, no image request: the page's CSP allows it): the
// daily mean as a line over a band from the day's min to its max. Days without a value break both;
// the numbers are in the accessible label and in the table beside the chart.
import { html, type Html } from "../html.js";
import type { StatisticDay } from "../../statistics/index.js";

const SIZE = { width: 640, height: 180, left: 56, right: 8, top: 10, bottom: 24 };
const DAY = 24 * 3600 * 1000;

export function statisticChart(daily: readonly StatisticDay[], window: { from: Date; days: number }, label: string, unit: string): Html {
  const { width, height, left, right, top, bottom } = SIZE;
  const lo = Math.min(...daily.map((d) => d.min));
  const hi = Math.max(...daily.map((d) => d.max));
  // A constant series sits in the middle of a band 10 % of its value wide.
  const span = hi > lo ? hi - lo : Math.abs(hi) * 0.1 || 1;
  const base = hi > lo ? lo : lo - span / 2;
  const x = (day: string) => left + (window.days > 1 ? ((Date.parse(`${day}T00:00:00Z`) - window.from.getTime()) / DAY / (window.days - 1)) * (width - left - right) : (width - left - right) / 2);
  const y = (v: number) => top + (1 - (v - base) / span) * (height - top - bottom);
  const runs = consecutive(daily);
  const bands = runs.map((run) => {
    const upper = run.map((d) => `${x(d.day).toFixed(1)},${y(d.max).toFixed(1)}`);
    const lower = run.map((d) => `${x(d.day).toFixed(1)},${y(d.min).toFixed(1)}`).reverse();
    return run.length === 1
      ? html`<line class="band-day" x1="${x(run[0]!.day).toFixed(1)}" y1="${y(run[0]!.max).toFixed(1)}" x2="${x(run[0]!.day).toFixed(1)}" y2="${y(run[0]!.min).toFixed(1)}"></line>`
      : html`<polygon class="band" points="${[...upper, ...lower].join(" ")}"></polygon>`;
  });
  const means = runs.map((run) =>
    run.length === 1
      ? html`<circle class="mean-dot" cx="${x(run[0]!.day).toFixed(1)}" cy="${y(run[0]!.mean).toFixed(1)}" r="3"></circle>`
      : html`<polyline class="mean" points="${run.map((d) => `${x(d.day).toFixed(1)},${y(d.mean).toFixed(1)}`).join(" ")}"></polyline>`,
  );
  const last = new Date(window.from.getTime() + (window.days - 1) * DAY).toISOString().slice(0, 10);
  const axis = html`<line class="axis" x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}"></line>
<text class="tick" x="${left - 4}" y="${y(base + span).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${formatValue(base + span)}</text>
<text class="tick" x="${left - 4}" y="${y(base).toFixed(1)}" text-anchor="end" dominant-baseline="middle">${formatValue(base)}</text>
<text class="tick" x="${left}" y="${height - 6}">${window.from.toISOString().slice(0, 10)}</text>
<text class="tick" x="${width - right}" y="${height - 6}" text-anchor="end">${last}</text>`;
  return html`<svg class="stat-chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}"><title>${label}</title>${axis}${bands}${means}<text class="unit" x="${left - 4}" y="${top + 22}" text-anchor="end">${unit}</text></svg>`;
}

/** Runs of days with values and no gap between them. */
function consecutive(daily: readonly StatisticDay[]): StatisticDay[][] {
  const runs: StatisticDay[][] = [];
  let previous = Number.NaN;
  for (const d of daily) {
    const at = Date.parse(`${d.day}T00:00:00Z`);
    if (at - previous === DAY) runs.at(-1)!.push(d);
    else runs.push([d]);
    previous = at;
  }
  return runs;
}

/** Up to 4 significant digits, without exponent noise: 123, 12.35, 0.001234. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return "–";
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return abs >= 1000 ? v.toFixed(0) : String(Number(v.toPrecision(4)));
}
