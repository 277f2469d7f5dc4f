// A job finishing on an already analysed SHA (a re-run passed, pending jobs completed) changes its
// report: analyse again after the cool-off, updating the same check run. SHAs never analysed and
// without failures stay idle: Sift writes nothing for green commits.
import { SqlParams, noGuard, type SqlGuard, type SqlSession } from "../db/index.js";
import type { Timing } from "./timing.js";

export interface RefreshAt {
  repositoryId: number;
  sha: string;
  now: Date;
}

// A pending SHA due later (a recheck at the required-check deadline, or for a log) is pulled in to
// the cool-off. A running SHA stays running; lastFailureAt doubles as its "last change", which finishAnalysis
// compares with the claim time to re-queue it.
/** The update, its values added to `p`; `guard` is ANDed to its WHERE clause (ingest composes it). */
export function refreshUpdate(p: SqlParams, at: RefreshAt, timing: Timing, guard: SqlGuard = noGuard): string {
  const now = p.add(at.now.toISOString(), "timestamp");
  const cool = p.add(timing.coolOffSeconds, "float8");
  return `
update "HeadCommit" set
  state = case when state = 'running' then 'running'::"CommitState" else 'pending'::"CommitState" end,
  "firstFailureAt" = case when state = 'done' then ${now} else "firstFailureAt" end,
  "dueAt" = case when state = 'done' then ${now} + make_interval(secs => ${cool})
    when state = 'pending' then least("dueAt", ${now} + make_interval(secs => ${cool})) else "dueAt" end,
  "lastFailureAt" = case when state = 'running' then ${now} else "lastFailureAt" end,
  "updatedAt" = ${now}
where "repositoryId" = ${p.add(String(at.repositoryId), "bigint")} and sha = ${p.add(at.sha, "text")} and state in ('done', 'running', 'pending') ${guard(p)}`;
}

export async function scheduleRefresh(sql: SqlSession, at: RefreshAt, timing: Timing): Promise<void> {
  const p = new SqlParams();
  await sql.query(refreshUpdate(p, at, timing), p.values);
}
