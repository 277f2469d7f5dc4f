// The patterns page as HTML (per repository or per organisation). Pattern ids, categories and
// suggestion text come from configuration files and logs a pull request can change: all through html``.
import { formatPercent, formatTime } from "../format.js";
import { Html, html } from "../html.js";
import type { PatternRow, PatternsData } from "./patterns-data.js";
import type { Suggestion } from "./suggestions-data.js";
import type { Views } from "../views.js";

export interface PatternsPageContext {
  /** This page's own URL (with its token), for the JSON link. */
  pageUrl: string;
  /** Crumbs above the heading (links to GitHub and the history page). */
  crumbs: Html;
  heading: string;
  /** Repository pages: the search form's action and its hidden token (null on org pages). */
  search: { action: string; token: string | null } | null;
  /** Repository pages: the suggestions with their links (null on org pages). */
  suggestions: { items: Suggestion[]; editUrl: string; issueUrl(s: Suggestion): string; searchUrl(regex: string): string } | null;
}

export function renderPatternsPage(views: Views, data: PatternsData, page: PatternsPageContext): string {
  const active = data.patterns.filter((p) => p.hits + p.observedHits + p.reruns > 0);
  const idle = data.patterns.filter((p) => p.hits + p.observedHits + p.reruns === 0);
  const demoted = data.patterns.filter((p) => p.demoted.length > 0);
  const hits = active.reduce((n, p) => n + p.hits, 0);
  const body = views.render("patterns", {
    crumbs: page.crumbs,
    heading: page.heading,
    summary: `${active.length} pattern${active.length === 1 ? "" : "s"} matched ${hits} failure${hits === 1 ? "" : "s"} in the last ${data.days} days across ${data.repos.length} repositor${data.repos.length === 1 ? "y" : "ies"}; ${demoted.length} demoted.`,
    jsonUrl: `${page.pageUrl}${page.pageUrl.includes("?") ? "&" : "?"}format=json`,
    days: String(data.days),
    active: active.length ? patternTable(active) : html`<p class="empty">No pattern matched a failure in the last ${data.days} days.</p>`,
    demoted: demoted.length ? html`<ul class="plain">${demoted.flatMap((p) => p.demoted.map((d) => html`<li><code>${p.id}</code> in ${d.repo}: ${d.reason}. To let it re-run again, add it to <code>demote.promote</code> in <code>.github/sift.yml</code>.</li>`))}</ul>` : html`<p class="empty">No pattern is demoted: every flaky pattern with enough re-runs rescues often enough.</p>`,
    search: page.search ? searchSection(page.search) : "",
    suggestions: page.suggestions ? suggestionsSection(page.suggestions) : "",
    idle: idle.length
      ? html`<details class="patterns-idle"><summary>${idle.length} pattern${idle.length === 1 ? "" : "s"} of the current sets</summary><ul>${idle.map((p) => html`<li><code>${p.id}</code>${states(p)}</li>`)}</ul></details>`
      : html`<p class="empty">Every pattern matched something.</p>`,
  });
  return views.render("layout", { title: `Sift · ${page.heading}`, css: new Html(views.css), body, footer: `Rendered ${formatTime(data.generatedAt)}.` }).value;
}

function states(p: PatternRow): Html {
  const out: Html[] = [];
  if (p.observe) out.push(html` <span class="patterns-state patterns-observe">observe</span>`);
  if (p.demoted.length) out.push(html` <span class="patterns-state patterns-demoted">demoted</span>`);
  if (p.promoted.length) out.push(html` <span class="patterns-state patterns-promoted">promoted</span>`);
  if (p.origin === null) out.push(html` <span class="patterns-state">not in the current set</span>`);
  return html`${out}`;
}

export function rescueText(p: Pick<PatternRow, "concluded" | "passed" | "rescueRate">): string {
  return p.rescueRate === null ? "–" : `${p.passed} of ${p.concluded} (${formatPercent(p.rescueRate)})`;
}

function patternTable(rows: PatternRow[]): Html {
  const body = rows.map(
    (p) =>
      html`<tr><td><code>${p.id}</code>${p.category ? html` <span class="note">${p.category}</span>` : ""}${states(p)}</td><td class="nowrap">${p.origin ?? "–"}</td><td class="nowrap">${p.class ?? "–"}</td><td class="num">${p.hits}${p.observedHits ? html` <span class="note">+${p.observedHits} observed</span>` : ""}</td><td class="nowrap">${p.lastHit ?? p.lastObserved ? formatTime((p.lastHit ?? p.lastObserved) as Date) : "–"}</td><td>${p.repositories.join(", ")}</td><td class="num">${p.reruns}</td><td class="num">${rescueText(p)}</td></tr>`,
  );
  return html`<div class="scroll"><table><thead><tr><th>Pattern</th><th>Layer</th><th>Class</th><th class="num">Hits</th><th>Last hit</th><th>Repositories</th><th class="num">Re-runs</th><th class="num">Rescue rate</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function searchSection(s: { action: string; token: string | null }): Html {
  return html`<section class="panel" id="search"><h2>Search the stored failures</h2>${searchForm(s.action, "", s.token)}</section>`;
}

export function searchForm(action: string, q: string, token: string | null): Html {
  return html`<form class="search-form" method="get" action="${action}"><input type="text" name="q" value="${q}" placeholder="RE2 regular expression, e.g. ECONNRESET|socket hang up" aria-label="Regular expression" maxlength="4096">${token ? html`<input type="hidden" name="token" value="${token}">` : ""}<button type="submit">Search</button></form>`;
}

function suggestionsSection(s: NonNullable<PatternsPageContext["suggestions"]>): Html {
  const items = s.items.map(
    (x) => html`<div class="patterns-suggestion"><p><code>${x.example ?? x.signature}</code></p>
<p>Genuine on ${x.jobs} jobs across ${x.prs.length} pull requests (${x.prs.map((n, i) => html`${i ? ", " : ""}#${n}`)}); ${x.passedOnRerun} passed when re-run at the same commit. Backtest: the pattern matches ${x.backtest.matched} stored failure${x.backtest.matched === 1 ? "" : "s"} of ${x.backtest.scanned}, ${x.backtest.genuine} of them genuine today${x.backtest.cut ? ` (${x.backtest.cut})` : ""}.</p>
<pre>${x.yaml}</pre>
<p class="links"><a href="${s.editUrl}" rel="noopener noreferrer">Edit .github/sift.yml on GitHub</a><a href="${s.issueUrl(x)}" rel="noopener noreferrer">Propose it in an issue</a><a href="${s.searchUrl(x.regex)}">Search for it</a></p></div>`,
  );
  return html`<section class="panel" id="suggestions"><h2>Suggested patterns</h2><p class="note">Failures called genuine that recur across pull requests and often pass on a re-run at the same commit: likely flaky causes no pattern names yet. Each is proposed in observe mode, so it is counted here before it decides anything.</p>${items.length ? items : html`<p class="empty">No recurring genuine failure passes often enough on re-run to suggest a pattern.</p>`}</section>`;
}
