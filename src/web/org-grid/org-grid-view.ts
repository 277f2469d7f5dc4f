// The org grid as HTML: repositories × days, each cell a link to that repository's day with a title
// and a CSS-only popover (:hover, :focus-within: a tap focuses the link) listing its top causes and
// their error text. Log text and names are escaped by html``; colours always come with a symbol.
import { formatDuration } from "../format.js";
import { Html, html } from "../html.js";
import { BASELINE_DAYS, type GridCell, type GridClass, type GridRow, type OrgGrid } from "./org-grid-data.js";
import type { Views } from "../views.js";

export type GridColour = "verdict" | "duration";

export interface OrgGridPage {
  login: string;
  colour: GridColour;
  /** This page with other settings (days, colour), and the repository-day a cell opens. */
  selfHref(days: number, colour: GridColour): string;
  jsonHref: string;
  dayHref(row: GridRow, day: string): string;
}

/** A duration change this large (either way) stands out. */
export const SLOWDOWN = 0.2;
const ORDER: GridClass[] = ["genuine", "known", "flaky", "pending"];
const SYMBOL: Record<GridClass, string> = { genuine: "✕", known: "!", flaky: "~", pending: "?" };
const WORDS: Record<GridClass, string> = { genuine: "to fix", known: "known problem", flaky: "flaky", pending: "not yet classified" };

export function renderOrgGridPage(views: Views, grid: OrgGrid, page: OrgGridPage): string {
  const failed = grid.rows.reduce((n, r) => n + r.cells.reduce((m, c) => m + c.failed, 0), 0);
  const span = `${grid.dayKeys[0]} to ${grid.dayKeys.at(-1)} (UTC)`;
  const body = views.render("org-grid", {
    owner: grid.owner,
    login: page.login,
    heading: page.colour === "duration" ? "job duration change per day" : "failed jobs per day",
    summary: `${grid.rows.length} repositor${grid.rows.length === 1 ? "y" : "ies"} you can read, ${failed} failed job${failed === 1 ? "" : "s"} from ${span}.`,
    switches: switches(grid, page),
    legend: page.colour === "duration" ? durationLegend() : verdictLegend(),
    table: grid.rows.length ? table(grid, page) : html`<p class="empty">No repository of ${grid.owner} that you can read has jobs here.</p>`,
    note:
      page.colour === "duration"
        ? `Each cell: the median duration of that day's successful jobs against the median of the daily medians of the ${BASELINE_DAYS} days before; ▲ ${Math.round(SLOWDOWN * 100)} % slower or more, ▼ as much faster.`
        : "Each cell counts the jobs that failed that day; hover or tap it for its top causes and their error text, click it to open that repository.",
  });
  return views.render("layout", { title: `Sift · ${grid.owner}`, css: new Html(views.css), body, footer: `Rendered ${grid.generatedAt.toISOString().slice(0, 16).replace("T", " ")} UTC.` }).value;
}

function switches(grid: OrgGrid, page: OrgGridPage): Html {
  const choice = (label: string, current: boolean, href: string) => (current ? html`<strong>${label}</strong>` : html`<a href="${href}">${label}</a>`);
  return html`Days: ${choice("14", grid.days === 14, page.selfHref(14, page.colour))} · ${choice("30", grid.days === 30, page.selfHref(30, page.colour))} · Colour: ${choice("failures", page.colour === "verdict", page.selfHref(grid.days, "verdict"))} · ${choice("duration change", page.colour === "duration", page.selfHref(grid.days, "duration"))} · <a href="${page.jsonHref}">This page as JSON</a>`;
}

function verdictLegend(): Html {
  const items = ORDER.map((k) => html`<li><span class="og-key og-${k}" aria-hidden="true">${SYMBOL[k]}</span> ${WORDS[k]}</li>`);
  return html`<ul class="og-legend">${items}<li><span class="og-key og-new" aria-hidden="true">★</span> a cause first seen that day</li><li class="note">A cell's symbol is its most frequent class; the bar under it shows the mix.</li></ul>`;
}

function durationLegend(): Html {
  return html`<ul class="og-legend"><li><span class="og-key og-slower" aria-hidden="true">▲</span> slower by ${Math.round(SLOWDOWN * 100)} % or more</li><li><span class="og-key og-faster" aria-hidden="true">▼</span> faster by as much</li><li><span class="og-key" aria-hidden="true">·</span> within ${Math.round(SLOWDOWN * 100)} %, or no baseline</li></ul>`;
}

function table(grid: OrgGrid, page: OrgGridPage): Html {
  const head = grid.dayKeys.map((d) => html`<th scope="col" class="og-day" title="${d}">${d.slice(8)}</th>`);
  const rows = grid.rows.map((row) => {
    const cells = row.cells.map((c) => (page.colour === "duration" ? durationCell(row, c, page) : verdictCell(row, c, page)));
    return html`<tr><th scope="row" class="og-repo">${row.repo.name}</th>${cells}</tr>`;
  });
  return html`<div class="scroll og-scroll"><table class="og-table"><caption class="note">${grid.dayKeys[0]} to ${grid.dayKeys.at(-1)}, UTC days</caption><thead><tr><th scope="col">Repository</th>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

function dominant(c: GridCell): GridClass {
  return ORDER.reduce((best, k) => (c.counts[k] > c.counts[best] ? k : best), ORDER[0]!);
}

function verdictCell(row: GridRow, c: GridCell, page: OrgGridPage): Html {
  const where = `${row.repo.owner}/${row.repo.name}, ${c.day}`;
  if (c.failed === 0) return html`<td class="og-cell" title="${where}: no failed jobs"><span class="og-none">·</span></td>`;
  const mix = ORDER.filter((k) => c.counts[k] > 0).map((k) => `${c.counts[k]} ${WORDS[k]}`).join(", ");
  const isNew = c.causes.some((x) => x.isNew);
  const title = `${where}: ${c.failed} failed (${mix})${c.causes.map((x) => `\n${x.isNew ? "NEW " : ""}${x.cause} ×${x.count}${x.text ? `: ${x.text.split("\n")[0]}` : ""}`).join("")}`;
  const k = dominant(c);
  const causes = c.causes.map(
    (x) => html`<li><span class="badge badge-og-${x.verdict}">${WORDS[x.verdict]}</span> <code>${x.cause}</code> ×${x.count}${x.isNew ? html` <strong class="og-new-tag">★ new</strong>` : ""}${x.text ? html`<pre>${x.text}</pre>` : ""}</li>`,
  );
  return html`<td class="og-cell"><a class="og-link og-${k}" href="${page.dayHref(row, c.day)}" title="${title}"><span class="og-n">${c.failed}</span><span class="og-sym" aria-hidden="true">${SYMBOL[k]}</span>${isNew ? html`<span class="og-star" aria-label="new cause">★</span>` : ""}${bar(c)}</a><div class="og-pop" role="tooltip"><p><strong>${where}</strong>: ${c.failed} failed job${c.failed === 1 ? "" : "s"} (${mix}).</p>${causes.length ? html`<ul>${causes}</ul>` : ""}</div></td>`;
}

/** The mix of classes as a stacked bar (SVG attributes, not inline styles: the CSP allows no style attribute). */
function bar(c: GridCell): Html {
  let x = 0;
  const rects = ORDER.filter((k) => c.counts[k] > 0).map((k) => {
    const w = (24 * c.counts[k]) / c.failed;
    const r = html`<rect class="og-fill-${k}" x="${x.toFixed(2)}" y="0" width="${w.toFixed(2)}" height="4"></rect>`;
    x += w;
    return r;
  });
  return html`<svg class="og-bar" viewBox="0 0 24 4" width="24" height="4" aria-hidden="true">${rects}</svg>`;
}

function durationCell(row: GridRow, c: GridCell, page: OrgGridPage): Html {
  const where = `${row.repo.owner}/${row.repo.name}, ${c.day}`;
  if (c.medianSeconds === null) return html`<td class="og-cell" title="${where}: no successful job with a duration"><span class="og-none">·</span></td>`;
  const base = c.baselineSeconds === null ? `no runs in the ${BASELINE_DAYS} days before` : `${formatDuration(c.baselineSeconds)} over the ${BASELINE_DAYS} days before`;
  const pct = c.change === null ? null : Math.round(c.change * 100);
  const trend = c.change === null || Math.abs(c.change) < SLOWDOWN ? "flat" : c.change > 0 ? "slower" : "faster";
  const symbol = trend === "slower" ? "▲" : trend === "faster" ? "▼" : "·";
  const text = `${where}: median ${formatDuration(c.medianSeconds)} against ${base}${pct === null ? "" : ` (${pct > 0 ? "+" : ""}${pct} %)`}`;
  return html`<td class="og-cell"><a class="og-link og-${trend}" href="${page.dayHref(row, c.day)}" title="${text}"><span class="og-sym" aria-hidden="true">${symbol}</span><span class="og-n">${pct === null ? "–" : `${pct > 0 ? "+" : ""}${pct}`}</span></a><div class="og-pop" role="tooltip"><p>${text}.</p></div></td>`;
}
