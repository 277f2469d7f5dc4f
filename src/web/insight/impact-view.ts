// The impact page as HTML. Cause and job names come from logs and payloads: all through html``.
import { formatPercent, formatTime } from "../format.js";
import { Html, html } from "../html.js";
import type { Impact } from "./impact-data.js";
import type { RepoLinks } from "./insight-links.js";
import type { Views } from "../views.js";

const minutes = (m: number) => `${m < 10 ? m.toFixed(1) : Math.round(m)} min`;

export function renderImpactPage(views: Views, i: Impact, links: RepoLinks, now: Date): string {
  const name = `${i.repo.owner}/${i.repo.name}`;
  const f = i.firstAttempt;
  const worst = f.worst.length
    ? html`<div class="scroll"><table><thead><tr><th>Job</th><th class="num">First attempts</th><th class="num">Passed</th><th class="num">Rate</th></tr></thead><tbody>${f.worst.map((w) => html`<tr><td>${w.name}</td><td class="num">${w.jobs}</td><td class="num">${w.passed}</td><td class="num">${formatPercent(w.rate)}</td></tr>`)}</tbody></table></div>`
    : "";
  const r = i.runs;
  const m = i.rerunMinutes;
  const body = views.render("impact", {
    repoUrl: links.githubUrl,
    repoName: name,
    days: String(i.days),
    nav: links.nav("impact"),
    firstAttempt: f.rate === null ? html`<p class="empty">No job finished in the window.</p>` : html`<p class="big"><strong>${formatPercent(f.rate)}</strong> of ${f.jobs} first attempts passed.</p>${worst}`,
    runs: r.total === 0
      ? html`<p class="empty">No GitHub Actions workflow run finished in the window.</p>`
      : html`<p class="big"><strong>${formatPercent(r.shareGreenAfterRerun ?? 0)}</strong> of ${r.total} workflow runs were green only after a re-run.</p><p class="impact-runs"><span class="badge badge-success">${r.greenFirst} green first time</span> <span class="badge badge-flaky">${r.greenAfterRerun} green after a re-run</span> <span class="badge badge-failure">${r.red} still red</span></p>`,
    minutes: html`<p>Runner time spent on re-runs: <strong>${minutes(m.total)}</strong> in ${m.jobs} job attempts (Sift ${minutes(m.sift)}, commands ${minutes(m.command)}, people on GitHub ${minutes(m.other)}).</p>`,
    blocked: i.blockedPrs.length
      ? html`<div class="scroll"><table><thead><tr><th>Cause</th><th class="num">Pull requests</th><th class="num">Failures</th></tr></thead><tbody>${i.blockedPrs.map((b) => html`<tr><td><code>${b.cause}</code></td><td class="num">${b.prs}</td><td class="num">${b.failures}</td></tr>`)}</tbody></table></div>`
      : html`<p class="empty">No pull request had a failure to fix or a known problem in the window.</p>`,
  });
  return views.render("layout", { title: `Sift · ${name} impact`, css: new Html(views.css), body, footer: `Rendered ${formatTime(now)}.` }).value;
}
