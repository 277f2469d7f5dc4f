// The org grid for machines (Grafana's JSON/Infinity datasource): GET /api/v1/orgs/:owner/grid.
import type { OrgGrid } from "./org-grid-data.js";

export function orgGridJson(grid: OrgGrid) {
  return {
    owner: grid.owner,
    days: grid.dayKeys,
    repositories: grid.rows.map((r) => ({
      owner: r.repo.owner,
      name: r.repo.name,
      private: r.repo.private,
      days: r.cells.map((c) => ({
        day: c.day,
        failed: c.failed,
        genuine: c.counts.genuine,
        known: c.counts.known,
        flaky: c.counts.flaky,
        pending: c.counts.pending,
        causes: c.causes.map((x) => ({ cause: x.cause, pattern: x.patternId, class: x.verdict, count: x.count, text: x.text, new: x.isNew })),
        medianSeconds: c.medianSeconds,
        baselineSeconds: c.baselineSeconds,
        durationChange: c.change,
      })),
    })),
    generatedAt: grid.generatedAt.toISOString(),
  };
}
