// The statistics page as HTML: per statistic and group its figures over the window, a chart per day
// and the days as a table. Ids and groups come from a repository's config: all through html``.
import type { RepoStatistics, StatisticSeries } from "../../statistics/index.js";
import { formatTime } from "../format.js";
import { Html, html } from "../html.js";
import { formatValue, statisticChart } from "./statistic-chart.js";
import type { Views } from "../views.js";

export interface StatisticsPageContext {
  githubWebUrl: string;
  /** The repository's history page (tokenised for a private repository). */
  historyUrl: string;
  /** This page with another window (`days`), keeping its token. */
  windowUrl(days: number): string;
  jsonUrl: string;
  windows: readonly number[];
}

export function renderStatisticsPage(views: Views, repo: { owner: string; name: string }, data: RepoStatistics, page: StatisticsPageContext): string {
  const name = `${repo.owner}/${repo.name}`;
  const runs = data.series.reduce((n, s) => Math.max(n, s.count), 0);
  const summary = data.series.length
    ? `${data.series.length} series from up to ${runs} job run${runs === 1 ? "" : "s"} in the last ${data.days} days${data.truncated ? " (only the first ones are shown)" : ""}.`
    : `No statistic recorded a value in the last ${data.days} days.`;
  const windows = page.windows.map((d, i) => html`${i ? " · " : ""}${d === data.days ? html`<strong>${d} days</strong>` : html`<a href="${page.windowUrl(d)}">${d} days</a>`}`);
  const body = views.render("statistics", {
    repoUrl: `${page.githubWebUrl}/${encodeURIComponent(repo.owner)}/${encodeURIComponent(repo.name)}`,
    repoName: name,
    historyUrl: page.historyUrl,
    summary,
    windows,
    jsonUrl: page.jsonUrl,
    series: data.series.length ? data.series.map((s) => seriesSection(s, data)) : html`<p class="empty">Add <code>statistics:</code> to <code>.github/sift.yml</code> to chart numbers your jobs print.</p>`,
  });
  return views.render("layout", { title: `Sift · ${name} statistics`, css: new Html(views.css), body, footer: `Rendered ${formatTime(data.to)}.` }).value;
}

function seriesSection(s: StatisticSeries, data: RepoStatistics): Html {
  const unit = s.unit ? ` ${s.unit}` : "";
  const v = (n: number) => `${formatValue(n)}${unit}`;
  const label = `${s.statisticId} ${s.group} per day, mean with min–max band, ${data.days} days: ${s.daily.map((d) => `${d.day} mean ${formatValue(d.mean)}`).join(", ")}`;
  const days = s.daily.map((d) => html`<tr><td class="nowrap">${d.day}</td><td class="num">${d.count}</td><td class="num">${v(d.mean)}</td><td class="num">${v(d.min)}</td><td class="num">${v(d.max)}</td></tr>`);
  return html`<section class="panel stats-series" id="${`stat-${s.statisticId}-${s.group}`}">
<h2><code>${s.statisticId}</code> · ${s.group}${s.unit ? html` <span class="note">(${s.unit})</span>` : ""}</h2>
<dl class="stats-facts"><div><dt>mean</dt><dd>${v(s.mean)}</dd></div><div><dt>stddev</dt><dd>${v(s.stddev)}</dd></div><div><dt>min</dt><dd>${v(s.min)}</dd></div><div><dt>max</dt><dd>${v(s.max)}</dd></div><div><dt>job runs</dt><dd>${s.count}</dd></div><div><dt>last</dt><dd>${v(s.last.value)} <span class="note">${formatTime(s.last.at)}</span></dd></div></dl>
${statisticChart(s.daily, data, label, s.unit)}
<details class="stats-days"><summary>Per day</summary><div class="scroll"><table><thead><tr><th>Day (UTC)</th><th class="num">Runs</th><th class="num">Mean</th><th class="num">Min</th><th class="num">Max</th></tr></thead><tbody>${days}</tbody></table></div></details>
</section>`;
}
