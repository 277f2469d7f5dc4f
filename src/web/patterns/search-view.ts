// The search page as HTML: the form, then how often the regex matched, on which days and jobs, with
// the matched lines (log text: escaped) and links to each failure's details page.
import { formatTime } from "../format.js";
import { Html, html } from "../html.js";
import { searchForm } from "./patterns-view.js";
import type { SearchOutcome } from "./search-data.js";
import type { Views } from "../views.js";

export interface SearchPageContext {
  repoName: string;
  repoUrl: string;
  historyUrl: string;
  patternsUrl: string;
  /** The form's action (this path) and the private repository's token, carried as a hidden field. */
  action: string;
  token: string | null;
  /** This search as JSON (null before a query). */
  jsonUrl: string | null;
  detailsHref(sha: string): string;
  now: Date;
}

export function renderSearchPage(views: Views, q: string, outcome: SearchOutcome | null, page: SearchPageContext): string {
  const body = views.render("search", {
    repoUrl: page.repoUrl,
    repoName: page.repoName,
    historyUrl: page.historyUrl,
    patternsUrl: page.patternsUrl,
    days: "30",
    jsonLink: page.jsonUrl ? html`<a href="${page.jsonUrl}">This search as JSON</a>` : "",
    form: searchForm(page.action, q, page.token),
    outcome: outcomeHtml(outcome, page),
  });
  return views.render("layout", { title: `Sift · search ${page.repoName}`, css: new Html(views.css), body, footer: `Rendered ${formatTime(page.now)}.` }).value;
}

function outcomeHtml(outcome: SearchOutcome | null, page: SearchPageContext): Html {
  if (!outcome) return html`<p class="empty">Enter a regular expression: it is matched against each stored line of the failing steps.</p>`;
  if (!outcome.ok) return html`<p class="search-error" role="alert">${outcome.error}</p>`;
  const r = outcome.result;
  const cut = r.cut ? html`<p class="search-cut">The search was cut: ${r.cut}. Counts cover the ${r.scanned} most recent stored failures only.</p>` : "";
  const head = html`<p class="big" id="search-summary"><strong>${r.matched}</strong> of ${r.scanned} stored failure${r.scanned === 1 ? "" : "s"} of the last ${r.days} days have a matching line (${r.lines} line${r.lines === 1 ? "" : "s"}).</p>${cut}`;
  if (r.matched === 0) return head;
  const days = html`<div class="scroll"><table id="search-days"><thead><tr><th>Day (UTC)</th><th class="num">Failures</th></tr></thead><tbody>${r.byDay.map((d) => html`<tr><td>${d.day}</td><td class="num">${d.failures}</td></tr>`)}</tbody></table></div>`;
  const rows = r.hits.map(
    (h) =>
      html`<tr><td class="nowrap">${formatTime(h.at)}</td><td><a href="${page.detailsHref(h.sha)}">${h.workflow ? `${h.workflow} / ${h.job}` : h.job}</a> <code>${h.sha.slice(0, 10)}</code></td><td class="nowrap">${h.verdict ?? "–"}${h.patternId ? html` <span class="note">${h.patternId}</span>` : ""}</td><td class="num">${h.count}</td></tr><tr><td colspan="4"><pre class="search-lines">${h.lines.map((l) => html`<span class="l">${l.line}: ${l.text}</span>`)}</pre></td></tr>`,
  );
  const more = r.matched > r.hits.length ? html`<p class="note">The ${r.hits.length} most recent of ${r.matched} are listed.</p>` : "";
  return html`${head}<h2>By day</h2>${days}<h2>Failures</h2>${more}<div class="scroll"><table id="search-hits"><thead><tr><th>When</th><th>Job</th><th>Verdict</th><th class="num">Lines</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function searchJson(q: string, outcome: SearchOutcome, detailsHref: (sha: string) => string) {
  if (!outcome.ok) return { query: q, error: outcome.error };
  const r = outcome.result;
  return {
    query: r.query,
    days: r.days,
    scanned: r.scanned,
    matched: r.matched,
    lines: r.lines,
    cut: r.cut,
    byDay: r.byDay,
    hits: r.hits.map((h) => ({ job: h.job, workflow: h.workflow, sha: h.sha, at: h.at.toISOString(), verdict: h.verdict, pattern: h.patternId, count: h.count, lines: h.lines, details: detailsHref(h.sha) })),
  };
}
