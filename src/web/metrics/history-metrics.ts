// Gauges computed at scrape time from the database, for Grafana: is each repository's default branch
// red now (the same rule as the history page), and failures of the last 24 hours by kind.
// Labels are repositories and kinds only: job and cause names would make cardinality unbounded.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { SqlSession } from "../../db/index.js";
import type { FailureKind } from "../../model/index.js";
import { countFailuresByKind } from "../../history/index.js";

// The latest settled commit of each repository's default branch (analysed, or all its jobs completed),
// and whether any of its jobs was classified genuine or known problem: branch-health.ts's rule.
const DEFAULT_BRANCH_RED = `
select r.owner || '/' || r.name as repo, r.private,
  exists (select 1 from "Job" j join "Classification" c on c."jobId" = j.id
          where j."repositoryId" = r.id and j."headSha" = h.sha and c.verdict in ('genuine', 'known_problem')) as red
from "Repository" r
join lateral (
  select h.sha from "HeadCommit" h
  where h."repositoryId" = r.id and h.branch = r."defaultBranch"
    and (h.state = 'done' or (h.state = 'idle'
      and exists (select 1 from "Job" j where j."repositoryId" = r.id and j."headSha" = h.sha)
      and not exists (select 1 from "Job" j where j."repositoryId" = r.id and j."headSha" = h.sha and j.status <> 'completed')))
  order by h."createdAt" desc, h.id desc limit 1) h on true`;

export async function defaultBranchRed(sql: SqlSession): Promise<{ repo: string; red: boolean; private: boolean }[]> {
  const rows = await sql.query(DEFAULT_BRANCH_RED);
  const yes = (v: unknown) => v === true || v === "t";
  return rows.map((r) => ({ repo: String(r.repo), red: yes(r.red), private: yes(r.private) }));
}

export async function failuresLastDay(prisma: PrismaClient, now: Date): Promise<Record<FailureKind, number>> {
  return countFailuresByKind(prisma, { since: new Date(now.getTime() - 24 * 3600 * 1000) });
}
