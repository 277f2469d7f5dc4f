// The durations page as HTML: every busy job's figures over the window with its slowdown verdict,
// or one job's days and steps. Job and step names come from payloads: all through html`` (escaped).
import type { Slowdown, SlowdownPolicy } from "../../decide/index.js";
import type { DurationStats } from "./duration-stats-sql.js";
import type { Durations, StepDurations } from "./durations-data.js";
import { formatTime } from "../format.js";
import { Html, html } from "../html.js";
import type { RepoLinks } from "./insight-links.js";
import { sparkline } from "../sparkline.js";
import type { Views } from "../views.js";

const sec = (v: number | null) => (v === null ? "–" : v >= 100 ? String(Math.round(v)) : v.toFixed(1));
const STAT_HEADS = html`<th class="num">Runs</th><th class="num">Mean</th><th class="num">Median</th><th class="num">p90</th><th class="num">Min</th><th class="num">Max</th><th class="num">SD</th>`;
const statCells = (s: DurationStats) => html`<td class="num">${s.runs}</td><td class="num">${sec(s.mean)}</td><td class="num">${sec(s.median)}</td><td class="num">${sec(s.p90)}</td><td class="num">${sec(s.min)}</td><td class="num">${sec(s.max)}</td><td class="num">${sec(s.stddev)}</td>`;

export function policyText(p: SlowdownPolicy): string {
  return `A job is flagged slower when its successful runs of the last ${p.recentDays} days (at least ${p.minRecent}) have a median at least ${Math.round(p.minIncrease * 100)} % above that of the ${p.baselineDays} days before (at least ${p.minBaseline} runs), and a one-sided Mann–Whitney U test finds the recent runs longer with p ≤ ${p.alpha}.`;
}

export function slowdownBadge(s: Slowdown): Html {
  return s.flagged
    ? html`<span class="badge badge-failure">slower</span> <span class="dur-reason">${s.reason}</span>`
    : html`<span class="note">${s.reason}</span>`;
}

function daily(d: Durations, stats: readonly DurationStats[], name: string): Html {
  const byDay = new Map(stats.map((s) => [s.day, s.median]));
  const values = d.dayList.map((day) => byDay.get(day) ?? null);
  return sparkline(values, `${name}: median seconds per day from ${d.dayList[0]}: ${values.map((v) => (v === null ? "no runs" : sec(v))).join(", ")}`);
}

export function renderDurationsPage(views: Views, d: Durations, links: RepoLinks, now: Date, job?: { name: string; steps: StepDurations[] }): string {
  const name = `${d.repo.owner}/${d.repo.name}`;
  const one = job ? d.jobs.find((j) => j.name === job.name) : undefined;
  const flagged = d.jobs.filter((j) => j.slowdown.flagged).length;
  let table: Html;
  if (job && one) {
    const rows = [...one.daily].reverse().map((s) => html`<tr><td class="nowrap">${s.day}</td>${statCells(s)}</tr>`);
    table = html`<p>${slowdownBadge(one.slowdown)}</p><div class="scroll"><table><thead><tr><th>Day</th>${STAT_HEADS}</tr></thead><tbody><tr class="dur-total"><td>All ${d.days} days</td>${statCells(one.window)}</tr>${rows}</tbody></table></div>`;
  } else if (job) {
    table = html`<p class="empty">No successful run of this job in the last ${d.days} days (or it is not among the ${d.jobs.length} busiest).</p>`;
  } else if (d.jobs.length === 0) {
    table = html`<p class="empty">No successful job run with start and end times in the last ${d.days} days.</p>`;
  } else {
    const rows = d.jobs.map((j) => html`<tr class="${j.slowdown.flagged ? "dur-slower" : ""}"><td><a href="${links.page("durations", { job: j.name })}">${j.name}</a></td>${statCells(j.window)}<td>${daily(d, j.daily, j.name)}</td><td>${slowdownBadge(j.slowdown)}</td></tr>`);
    table = html`<div class="scroll"><table><thead><tr><th>Job</th>${STAT_HEADS}<th>Median per day</th><th>Slowdown</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  }
  const body = views.render("durations", {
    repoUrl: links.githubUrl,
    repoName: name,
    jobCrumb: job ? html` · <a href="${links.page("durations")}">all jobs</a>` : "",
    heading: job ? `${name}: ${job.name}` : `${name}: how long jobs take`,
    summary: job ? `Per day and per step, last ${d.days} days.` : `${d.jobs.length} busiest jobs; ${flagged} flagged slower.`,
    nav: links.nav("durations", job ? { job: job.name } : {}),
    tableTitle: job ? "Per day" : "Per job",
    days: String(d.days),
    table,
    steps: job ? stepSection(d, job.steps) : "",
    policy: policyText(d.policy),
  });
  return views.render("layout", { title: `Sift · ${name} durations`, css: new Html(views.css), body, footer: `Rendered ${formatTime(now)}.` }).value;
}

function stepSection(d: Durations, steps: readonly StepDurations[]): Html {
  const content = steps.length
    ? html`<div class="scroll"><table><thead><tr><th>Step</th>${STAT_HEADS}<th>Median per day</th></tr></thead><tbody>${steps.map((s) => html`<tr><td>${s.name}</td>${statCells(s.window)}<td>${daily(d, s.daily, s.name)}</td></tr>`)}</tbody></table></div>`
    : html`<p class="empty">No step times: GitHub Actions reports them with each job; other CI systems do not.</p>`;
  return html`<section class="panel" id="steps"><h2>Per step</h2>${content}<p class="note">Successful steps of successful runs, from the step times GitHub Actions sends with each job.</p></section>`;
}
