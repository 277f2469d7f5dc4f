// The repository history page for machines: the same URL with `Accept: application/json` (or ?format=json).
import type { RepoHistory } from "./repo-history-data.js";

export function repoHistoryJson(data: RepoHistory) {
  const { causes, branch, durations } = data;
  const cause = (c: RepoHistory["causes"]["top"][number]) => ({
    cause: c.cause,
    pattern: c.patternId,
    category: c.category,
    class: c.verdict,
    kind: c.kind,
    failures: c.count,
    jobs: c.jobs,
    firstSeen: c.firstSeen.toISOString(),
    lastSeen: c.lastSeen.toISOString(),
    latestSha: c.latestSha,
  });
  return {
    repository: `${data.repo.owner}/${data.repo.name}`,
    generatedAt: data.generatedAt.toISOString(),
    failures: { days: causes.days, ...data.failures },
    causes: { days: causes.days, partial: causes.partial, top: causes.top.map(cause) },
    newCauses: { days: causes.newDays, causes: causes.new.map(cause) },
    defaultBranch: {
      branch: branch.branch,
      days: branch.days,
      commits: branch.commits,
      broken: branch.broken,
      share: branch.share,
      streak: branch.streak && { ...branch.streak, since: branch.streak.since.toISOString() },
    },
    mergeQueueEjections: data.ejections,
    durations: { days: durations.days, from: durations.from.toISOString().slice(0, 10), unit: "seconds", jobs: durations.jobs },
  };
}
