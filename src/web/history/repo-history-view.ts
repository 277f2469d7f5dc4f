// The repository history page as HTML. Cause and job names come from logs and payloads: everything
// goes through html`` (escaped); links to commits carry the private repository's token when needed.
import type { VerdictClass } from "../../model/index.js";
import { BROKEN_DEFINITION, type BranchHealth } from "../branch-health.js";
import { formatDuration, formatPercent, formatTime } from "../format.js";
import { Html, html } from "../html.js";
import type { DurationTrends } from "../job-durations.js";
import type { RepoHistory } from "./repo-history-data.js";
import { sparkline } from "../sparkline.js";
import { ejectionSection } from "./merge-queue-ejections.js";
import type { CauseCount } from "./top-causes.js";
import type { Views } from "../views.js";

export interface RepoPageContext {
  githubWebUrl: string;
  /** This page's own URL (with its token), for the JSON link. */
  pageUrl: string;
  /** The details page of a commit of this repository (tokenised for private repositories). */
  commitHref(sha: string): string;
  /** The failed jobs of one day (?day=), shown first. */
  dayPanel?: Html | undefined;
}

const CLASS_TEXT: Record<VerdictClass, string> = { genuine: "to fix", "known-problem": "known problem", flaky: "flaky" };

export function renderRepoHistoryPage(views: Views, data: RepoHistory, page: RepoPageContext): string {
  const name = `${data.repo.owner}/${data.repo.name}`;
  const { causes, failures } = data;
  const total = failures.infrastructure + failures.test;
  const body = views.render("repo", {
    repoUrl: `${page.githubWebUrl}/${encodeURIComponent(data.repo.owner)}/${encodeURIComponent(data.repo.name)}`,
    repoName: name,
    day: page.dayPanel ?? "",
    summary: `${total} failed job${total === 1 ? "" : "s"} classified in the last ${causes.days} days${causes.partial ? " (at least; the oldest were not counted)" : ""}.`,
    jsonUrl: `${page.pageUrl}${page.pageUrl.includes("?") ? "&" : "?"}format=json`,
    sections: sectionLinks(page.pageUrl),
    branch: data.branch.branch,
    branchHealth: branchSection(data.branch, page),
    definition: BROKEN_DEFINITION,
    days: String(causes.days),
    kinds: html`<p class="kinds"><span class="kind kind-infrastructure">${failures.infrastructure} infrastructure</span> <span class="kind kind-test">${failures.test} test</span> <span class="note">(infrastructure: a matched CI cause such as the network, a runner or a registry; test: the code under test, including every failure no pattern explains)</span></p>`,
    topCauses: causes.top.length ? causeTable(causes.top, page, "Last seen") : html`<p class="empty">No failures classified in the last ${causes.days} days.</p>`,
    newDays: String(causes.newDays),
    newCauses: causes.new.length ? causeTable(causes.new, page, "First seen") : html`<p class="empty">No cause appeared for the first time in the last ${causes.newDays} days.</p>`,
    durationDays: String(data.durations.days),
    durationJobs: String(data.durations.jobs.length || 10),
    durations: durationTable(data.durations),
    mergeQueue: ejectionSection(data.ejections),
  });
  return views.render("layout", { title: `Sift · ${name} history`, css: new Html(views.css), body, footer: `Rendered ${formatTime(data.generatedAt)}.` }).value;
}

function branchSection(b: BranchHealth, page: RepoPageContext): Html {
  if (b.share === null || !b.streak) return html`<p class="empty">No commit of <code>${b.branch}</code> finished CI in the last ${b.days} days.</p>`;
  const s = b.streak;
  const state = s.red
    ? html`<span class="badge badge-failure">red</span> since <a href="${page.commitHref(s.sinceSha)}"><code>${s.sinceSha.slice(0, 10)}</code></a> (${formatTime(s.since)}), ${s.commits} commit${s.commits === 1 ? "" : "s"} in a row${s.wholeWindow ? ", at least" : ""}; latest <a href="${page.commitHref(s.latestSha)}"><code>${s.latestSha.slice(0, 10)}</code></a>`
    : html`<span class="badge badge-success">green</span> for the last ${s.commits} finished commit${s.commits === 1 ? "" : "s"}${s.wholeWindow ? " (at least)" : ""}, latest <a href="${page.commitHref(s.latestSha)}"><code>${s.latestSha.slice(0, 10)}</code></a>`;
  return html`<p class="big"><strong>${formatPercent(b.share)}</strong> broken: ${b.broken} of ${b.commits} finished commit${b.commits === 1 ? "" : "s"} in the last ${b.days} days.</p><p>Now: ${state}.</p>`;
}

function causeTable(rows: CauseCount[], page: RepoPageContext, dateHead: "Last seen" | "First seen"): Html {
  const body = rows.map(
    (c) =>
      html`<tr><td><code>${c.cause}</code>${c.category ? html` <span class="note">${c.category}</span>` : ""}</td><td><span class="badge badge-${c.verdict}">${CLASS_TEXT[c.verdict]}</span></td><td class="nowrap">${c.kind}</td><td class="num">${c.count}</td><td class="num">${c.jobs}</td><td class="nowrap">${formatTime(dateHead === "Last seen" ? c.lastSeen : c.firstSeen)}</td><td><a href="${page.commitHref(c.latestSha)}">latest</a></td></tr>`,
  );
  return html`<div class="scroll"><table><thead><tr><th>Cause</th><th>Class</th><th>Kind</th><th class="num">Failures</th><th class="num">Jobs</th><th>${dateHead}</th><th>Details</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function durationTable(d: DurationTrends): Html {
  if (d.jobs.length === 0) return html`<p class="empty">No successful job runs with start and end times in the last ${d.days} days.</p>`;
  const rows = d.jobs.map((j) => {
    const label = `${j.name}: median per day from ${d.from.toISOString().slice(0, 10)}: ${j.daily.map((v) => (v === null ? "no runs" : formatDuration(v))).join(", ")}`;
    const change = j.change === null ? "–" : `${j.change > 0 ? "+" : ""}${Math.round(j.change * 100)} %`;
    const trend = j.change === null || Math.abs(j.change) < 0.05 ? "flat" : j.change > 0 ? "slower" : "faster";
    return html`<tr><td>${j.name}</td><td class="num">${j.runs}</td><td class="num">${j.thisWeek === null ? "–" : formatDuration(j.thisWeek)}</td><td class="num">${j.lastWeek === null ? "–" : formatDuration(j.lastWeek)}</td><td class="num trend-${trend}">${change}</td><td>${sparkline(j.daily, label)}</td></tr>`;
  });
  return html`<div class="scroll"><table><thead><tr><th>Job</th><th class="num">Runs</th><th class="num">This week</th><th class="num">Week before</th><th class="num">Change</th><th>Per day</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The repository's other pages, each under this page's URL (its token, for a private one, kept). */
const SECTIONS = [
  ["causes", "Causes"],
  ["health", "Main-branch health"],
  ["impact", "Impact"],
  ["durations", "Durations"],
  ["patterns", "Patterns"],
  ["statistics", "Statistics"],
] as const;

function sectionLinks(pageUrl: string) {
  return SECTIONS.map(([path, label], i) => html`${i > 0 ? " · " : ""}<a href="${pageUrl.replace(/(\?|$)/, `/${path}$1`)}">${label}</a>`);
}
