// The causes pages for machines (/api/v1/…/causes, or the page with Accept: application/json).
import type { CauseRow, CausesData } from "./causes-data.js";

export function causesJson(scope: { repository?: string; organisation?: string }, data: CausesData) {
  const row = (c: CauseRow) => ({
    type: c.type,
    cause: c.key,
    class: c.verdict,
    kind: c.kind,
    category: c.category,
    failures: c.count,
    jobs: c.jobs,
    repositories: c.repositories,
    minutesLost: Math.round(c.minutesLost * 10) / 10,
    firstSeen: c.firstSeen.toISOString(),
    lastSeen: c.lastSeen.toISOString(),
    new: c.isNew,
    daily: c.daily,
    latest: c.latest && { repository: `${c.latest.repo.owner}/${c.latest.repo.name}`, sha: c.latest.sha, job: c.latest.jobName, line: c.latest.line, excerpt: c.latest.excerpt },
  });
  return {
    ...scope,
    generatedAt: data.generatedAt.toISOString(),
    days: data.days,
    from: data.from.toISOString().slice(0, 10),
    newDays: data.newDays,
    failures: data.failures,
    minutesLost: Math.round(data.minutesLost * 10) / 10,
    causes: data.causes.map(row),
    tests: data.tests.map(row),
  };
}
