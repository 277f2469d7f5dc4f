// A failed job makes its head SHA due: cool-off after the latest failure, capped from the first.
// Pending work lives in HeadCommit rows, not timers, so a restart loses nothing.
import type { SqlSession } from "../db/index.js";
import type { Timing } from "./timing.js";

// idle/done → a new burst starts; pending → push dueAt out, up to the cap; running → the worker
// sees lastFailureAt > its claim time when it finishes and schedules a re-analysis.
// Parameters: $1 repository id, $2 sha, $3 branch, $4 now, $5 cool-off s, $6 max wait s.
export const failureUpsert = (guard = "") => `
insert into "HeadCommit" ("repositoryId", sha, branch, state, "firstFailureAt", "lastFailureAt", "dueAt", "updatedAt")
select $1::bigint, $2::text, $3::text, 'pending', $4::timestamp, $4::timestamp, $4::timestamp + make_interval(secs => $5::float8), $4::timestamp ${guard}
on conflict ("repositoryId", sha) do update set
  branch = coalesce("HeadCommit".branch, excluded.branch),
  "lastFailureAt" = greatest("HeadCommit"."lastFailureAt", excluded."lastFailureAt"),
  "firstFailureAt" = case when "HeadCommit".state in ('idle', 'done') or "HeadCommit"."firstFailureAt" is null
    then excluded."firstFailureAt" else "HeadCommit"."firstFailureAt" end,
  "dueAt" = case
    when "HeadCommit".state in ('idle', 'done') or "HeadCommit"."dueAt" is null then excluded."dueAt"
    when "HeadCommit".state = 'running' then "HeadCommit"."dueAt"
    else least(greatest("HeadCommit"."dueAt", excluded."dueAt"), "HeadCommit"."firstFailureAt" + make_interval(secs => $6::float8)) end,
  state = case when "HeadCommit".state = 'running' then 'running'::"CommitState" else 'pending'::"CommitState" end,
  "updatedAt" = excluded."updatedAt"`;

export async function scheduleFailure(
  sql: SqlSession,
  at: { repositoryId: number; sha: string; branch: string | null; now: Date },
  timing: Timing,
): Promise<void> {
  await sql.query(failureUpsert(), failureParams(at, timing));
}

export function failureParams(at: { repositoryId: number; sha: string; branch: string | null; now: Date }, timing: Timing): unknown[] {
  return [String(at.repositoryId), at.sha, at.branch, at.now.toISOString(), timing.coolOffSeconds, timing.maxWaitSeconds];
}
