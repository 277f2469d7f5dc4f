// The main-branch health pages as HTML: one repository's, and an owner's repositories side by side.
// Job names come from payloads: everything goes through html`` (escaped).
import type { BrokenPeriod } from "../../decide/index.js";
import { BROKEN_DEFINITION } from "../branch-health.js";
import { dayBars } from "./day-bars.js";
import { formatPercent, formatTime } from "../format.js";
import { formatSpan } from "./format-span.js";
import { Html, html } from "../html.js";
import type { RepoLinks } from "./insight-links.js";
import type { DayShare, MainHealth } from "./main-health-data.js";
import { sparkline } from "../sparkline.js";
import type { Views } from "../views.js";

const short = (sha: string) => sha.slice(0, 10);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function renderHealthPage(views: Views, h: MainHealth, links: RepoLinks, now: Date): string {
  const name = `${h.repo.owner}/${h.repo.name}`;
  const body = views.render("health", {
    repoUrl: links.githubUrl,
    repoName: name,
    branch: h.repo.defaultBranch,
    summary: h.share === null ? `No commit of ${h.repo.defaultBranch} settled in the last ${h.days} days.` : `${formatPercent(h.share)} of ${plural(h.commits, "settled commit")} broken in the last ${h.days} days.`,
    nav: links.nav("health"),
    now: nowSection(h, links),
    days: String(h.days),
    chart: chart(h.daily, `${name}: broken commits per day`),
    definition: BROKEN_DEFINITION,
    ttf: h.medianTimeToFix === null ? html`<p class="empty">No broken period was fixed in the window.</p>` : html`<p class="big">Median time to fix: <strong>${formatSpan(h.medianTimeToFix)}</strong> over ${plural(h.periods.filter((p) => p.fixSha && !p.startUnknown).length, "fixed period")}.</p>`,
    periods: periodTable(h.periods, links),
  });
  return views.render("layout", { title: `Sift · ${name} main-branch health`, css: new Html(views.css), body, footer: `Rendered ${formatTime(now)}.` }).value;
}

export function chart(daily: readonly DayShare[], label: string): Html {
  const text = (d: DayShare) => (d.commits ? `${d.broken} of ${plural(d.commits, "commit")} broken` : "no settled commit");
  return dayBars(
    daily.map((d) => ({ day: d.day, value: d.share, text: text(d) })),
    `${label}: ${daily.map((d) => `${d.day} ${text(d)}`).join("; ")}`,
    "health-bars",
  );
}

function nowSection(h: MainHealth, links: RepoLinks): Html {
  const open = h.periods[0] && !h.periods[0].fixSha ? h.periods[0] : null;
  if (h.share === null) return html`<p class="empty">Nothing settled yet: Sift counts a commit once its CI finished or its failures were analysed.</p>`;
  if (!open) return html`<p><span class="badge badge-success">green</span> The latest settled commit of <code>${h.repo.defaultBranch}</code> is not broken.</p>`;
  return html`<p><span class="badge badge-failure">broken</span> since <a href="${links.commit(open.sinceSha)}"><code>${short(open.sinceSha)}</code></a> (${formatTime(open.since)}), ${open.startUnknown ? "at least " : ""}${formatSpan(open.seconds)} and ${plural(open.commits, "commit")}.</p><p class="health-jobs">Broken now: ${jobList(open.lastJobs)}</p>`;
}

function jobList(jobs: readonly string[]): Html {
  return jobs.length ? html`${jobs.map((j, i) => html`${i ? ", " : ""}<code>${j}</code>`)}` : html`<span class="note">no job named</span>`;
}

function periodTable(periods: readonly BrokenPeriod[], links: RepoLinks): Html {
  if (periods.length === 0) return html`<p class="empty">No broken commit in the window.</p>`;
  const rows = periods.map(
    (p) =>
      html`<tr><td class="nowrap"><a href="${links.commit(p.sinceSha)}"><code>${short(p.sinceSha)}</code></a><br><span class="note">${formatTime(p.since)}</span></td><td>${jobList(p.firstJobs)}</td><td class="num">${p.commits}</td><td class="nowrap">${p.fixSha ? html`<a href="${links.commit(p.fixSha)}"><code>${short(p.fixSha)}</code></a>` : html`<span class="badge badge-failure">open</span>`}</td><td class="num">${p.startUnknown ? "≥ " : ""}${formatSpan(p.seconds)}</td></tr>`,
  );
  return html`<div class="scroll"><table><thead><tr><th>Broken since</th><th>Jobs</th><th class="num">Commits</th><th>Fixed by</th><th class="num">Time to fix</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export interface OrgHealthContext {
  owner: string;
  login: string;
  jsonUrl: string;
  linksOf(h: MainHealth): RepoLinks;
  now: Date;
}

export function renderOrgHealthPage(views: Views, list: readonly MainHealth[], ctx: OrgHealthContext): string {
  const daily = orgDaily(list);
  const broken = list.filter((h) => h.periods[0] && !h.periods[0].fixSha);
  const rows = list.map((h) => {
    const links = ctx.linksOf(h);
    const open = h.periods[0] && !h.periods[0].fixSha ? h.periods[0] : null;
    const label = `${h.repo.name}: share of broken commits per day: ${h.daily.map((d) => (d.share === null ? "none" : formatPercent(d.share))).join(", ")}`;
    return html`<tr><td><a href="${links.page("health")}">${h.repo.name}</a>${h.repo.private ? html` <span class="note">private</span>` : ""}</td><td class="num">${h.share === null ? "–" : formatPercent(h.share)}</td><td class="num">${h.broken} / ${h.commits}</td><td>${open ? html`<span class="badge badge-failure">broken</span> <span class="nowrap">${formatSpan(open.seconds)}</span>` : h.share === null ? html`<span class="note">no data</span>` : html`<span class="badge badge-success">green</span>`}</td><td class="num">${h.medianTimeToFix === null ? "–" : formatSpan(h.medianTimeToFix)}</td><td>${sparkline(h.daily.map((d) => d.share), label)}</td></tr>`;
  });
  const days = list[0]?.days ?? 0;
  const body = views.render("org-health", {
    owner: ctx.owner,
    login: ctx.login,
    jsonUrl: ctx.jsonUrl,
    summary: `${list.length} ${list.length === 1 ? "repository" : "repositories"} you can read; ${broken.length} broken now.`,
    days: String(days),
    chart: chart(daily, `${ctx.owner}: broken commits per day`),
    repos: list.length ? html`<div class="scroll"><table><thead><tr><th>Repository</th><th class="num">Broken share</th><th class="num">Broken / commits</th><th>Now</th><th class="num">Median time to fix</th><th>Per day</th></tr></thead><tbody>${rows}</tbody></table></div>` : html`<p class="empty">No repository.</p>`,
    definition: BROKEN_DEFINITION,
  });
  return views.render("layout", { title: `Sift · ${ctx.owner} main-branch health`, css: new Html(views.css), body, footer: `Rendered ${formatTime(ctx.now)}.` }).value;
}

/** Every repository's days added up. */
export function orgDaily(list: readonly MainHealth[]): DayShare[] {
  const days = list[0]?.daily.map((d) => d.day) ?? [];
  return days.map((day, i) => {
    const commits = list.reduce((n, h) => n + (h.daily[i]?.commits ?? 0), 0);
    const broken = list.reduce((n, h) => n + (h.daily[i]?.broken ?? 0), 0);
    return { day, commits, broken, share: commits ? broken / commits : null };
  });
}
