// A repository's statistics for machines: /api/v1/repos/:owner/:repo/statistics, and the page's own
// URL with `Accept: application/json` (or ?format=json). One shape for both.
import type { RepoStatistics } from "../../statistics/index.js";

export function statisticsJson(repo: { owner: string; name: string }, data: RepoStatistics) {
  return {
    repository: `${repo.owner}/${repo.name}`,
    days: data.days,
    from: data.from.toISOString(),
    to: data.to.toISOString(),
    truncated: data.truncated,
    statistics: data.series.map((s) => ({
      id: s.statisticId,
      group: s.group,
      unit: s.unit,
      count: s.count,
      mean: s.mean,
      stddev: s.stddev,
      min: s.min,
      max: s.max,
      last: { value: s.last.value, at: s.last.at.toISOString() },
      daily: s.daily,
    })),
  };
}
