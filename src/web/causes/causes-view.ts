// The causes page (repository or organisation) as HTML. Cause keys, job names and error lines come
// from logs: everything goes through html`` (escaped); the full error opens in a <details>.
import type { VerdictClass } from "../../model/index.js";
import { CAUSE_WINDOWS, type CauseRow, type CausesData } from "./causes-data.js";
import { formatTime } from "../format.js";
import { Html, html } from "../html.js";
import type { RepoRef } from "../reader.js";
import { sparkline } from "../sparkline.js";
import type { Views } from "../views.js";

export interface CausesPageContext {
  /** "octo/app", or "octo" for an organisation. */
  scope: string;
  org: boolean;
  crumbs: Html;
  /** This page with another window (?days=), and as JSON. */
  windowHref(days: number): string;
  jsonUrl: string;
  commitHref(repo: RepoRef, sha: string): string;
}

const CLASS_TEXT: Record<VerdictClass, string> = { genuine: "to fix", "known-problem": "known problem", flaky: "flaky" };

export function renderCausesPage(views: Views, data: CausesData, page: CausesPageContext): string {
  const body = views.render("causes", {
    crumbs: page.crumbs,
    heading: `${page.scope}: causes of failed jobs`,
    summary: `${data.failures} failed job${data.failures === 1 ? "" : "s"}, ${minutes(data.minutesLost)} lost in the last ${data.days} days${page.org ? " across the repositories you can read" : ""}.`,
    windows: CAUSE_WINDOWS.map((d) => (d === data.days ? html`<strong>${d} days</strong>` : html`<a href="${page.windowHref(d)}">${d} days</a>`)),
    jsonUrl: page.jsonUrl,
    days: String(data.days),
    newDays: String(data.newDays),
    causes: data.causes.length ? table(data.causes, data, page, "Cause") : html`<p class="empty">No failures classified in the last ${data.days} days.</p>`,
    tests: data.tests.length ? table(data.tests, data, page, "Test") : html`<p class="empty">No genuine failure named a failing test in the last ${data.days} days.</p>`,
  });
  return views.render("layout", { title: `Sift · ${page.scope} causes`, css: new Html(views.css), body, footer: `Rendered ${formatTime(data.generatedAt)}.` }).value;
}

function table(rows: CauseRow[], data: CausesData, page: CausesPageContext, head: string): Html {
  const body = rows.map((c) => {
    const label = `${c.key}: failures per day from ${data.from.toISOString().slice(0, 10)}: ${c.daily.join(", ")}`;
    const repos = page.org ? html`<td class="num">${c.repositories}</td>` : "";
    return html`<tr><td class="causes-key">${details(c, page)}</td><td><span class="badge badge-${c.verdict}">${CLASS_TEXT[c.verdict]}</span></td><td class="num">${c.count}</td><td class="num">${c.jobs}</td>${repos}<td class="num">${minutes(c.minutesLost)}</td><td>${sparkline(c.daily, label)}</td><td class="nowrap">${formatTime(c.firstSeen)}</td></tr>`;
  });
  const reposHead = page.org ? html`<th class="num">Repositories</th>` : "";
  return html`<div class="scroll"><table class="causes-table"><thead><tr><th>${head}</th><th>Class</th><th class="num">Failures</th><th class="num">Jobs</th>${reposHead}<th class="num">Minutes lost</th><th>Per day</th><th>First seen</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function details(c: CauseRow, page: CausesPageContext): Html {
  const badge = c.isNew ? html` <span class="badge causes-new">new</span>` : "";
  const category = html` <span class="note">${c.category ? `${c.category} · ` : ""}${c.kind}</span>`;
  const l = c.latest;
  const latest = l
    ? html`<p class="note">Latest: ${page.org ? `${l.repo.owner}/${l.repo.name} · ` : ""}${l.jobName} at <a href="${page.commitHref(l.repo, l.sha)}"><code>${l.sha.slice(0, 10)}</code></a></p>${l.line ? html`<pre class="causes-line">${l.line}</pre>` : ""}${l.excerpt ? html`<pre class="causes-excerpt">${l.excerpt}</pre>` : ""}${!l.line && !l.excerpt ? html`<p class="note">${l.reason}</p>` : ""}`
    : html`<p class="note">The latest failure is no longer stored.</p>`;
  return html`<details><summary><code>${c.key}</code>${badge}${category}</summary>${latest}</details>`;
}

function minutes(m: number): string {
  if (m >= 600) return `${Math.round(m / 60)} h`;
  if (m >= 60) return `${(m / 60).toFixed(1)} h`;
  return `${Math.round(m)} min`;
}
