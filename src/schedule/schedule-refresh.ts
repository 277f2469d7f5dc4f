// A job finishing on an already analysed SHA (a re-run passed, pending jobs completed) changes its
// report: analyse again after the cool-off, updating the same check run. SHAs never analysed and
// without failures stay idle: Sift writes nothing for green commits.
import type { SqlSession } from "../db/index.js";
import type { Timing } from "./timing.js";

// A running SHA stays running; lastFailureAt doubles as its "last change", which finishAnalysis
// compares with the claim time to re-queue it.
// Parameters: $1 repository id, $2 sha, $3 now, $4 cool-off s; `guard` is ANDed to the WHERE clause.
export const refreshUpdate = (guard = "") => `
update "HeadCommit" set
  state = case when state = 'running' then 'running'::"CommitState" else 'pending'::"CommitState" end,
  "firstFailureAt" = case when state = 'done' then $3::timestamp else "firstFailureAt" end,
  "dueAt" = case when state = 'done' then $3::timestamp + make_interval(secs => $4::float8) else "dueAt" end,
  "lastFailureAt" = case when state = 'running' then $3::timestamp else "lastFailureAt" end,
  "updatedAt" = $3::timestamp
where "repositoryId" = $1::bigint and sha = $2::text and state in ('done', 'running') ${guard}`;

export async function scheduleRefresh(sql: SqlSession, at: { repositoryId: number; sha: string; now: Date }, timing: Timing): Promise<void> {
  await sql.query(refreshUpdate(), refreshParams(at, timing));
}

export function refreshParams(at: { repositoryId: number; sha: string; now: Date }, timing: Timing): unknown[] {
  return [String(at.repositoryId), at.sha, at.now.toISOString(), timing.coolOffSeconds];
}
