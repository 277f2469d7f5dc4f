// A failed job makes its head SHA due: cool-off after the latest failure, capped from the first.
// Pending work lives in HeadCommit rows, not timers, so a restart loses nothing.
import type { SqlSession } from "../db/index.js";
import type { Timing } from "./timing.js";

// idle/done → a new burst starts; pending → push dueAt out, up to the cap; running → the worker
// sees lastFailureAt > its claim time when it finishes and schedules a re-analysis.
const SQL = `
insert into "HeadCommit" ("repositoryId", sha, branch, state, "firstFailureAt", "lastFailureAt", "dueAt", "updatedAt")
values ($1::bigint, $2, $3, 'pending', $4::timestamp, $4::timestamp, $4::timestamp + make_interval(secs => $5), $4::timestamp)
on conflict ("repositoryId", sha) do update set
  branch = coalesce("HeadCommit".branch, excluded.branch),
  "lastFailureAt" = greatest("HeadCommit"."lastFailureAt", excluded."lastFailureAt"),
  "firstFailureAt" = case when "HeadCommit".state in ('idle', 'done') or "HeadCommit"."firstFailureAt" is null
    then excluded."firstFailureAt" else "HeadCommit"."firstFailureAt" end,
  "dueAt" = case
    when "HeadCommit".state in ('idle', 'done') or "HeadCommit"."dueAt" is null then excluded."dueAt"
    when "HeadCommit".state = 'running' then "HeadCommit"."dueAt"
    else least(greatest("HeadCommit"."dueAt", excluded."dueAt"), "HeadCommit"."firstFailureAt" + make_interval(secs => $6)) end,
  state = case when "HeadCommit".state = 'running' then 'running'::"CommitState" else 'pending'::"CommitState" end,
  "updatedAt" = excluded."updatedAt"`;

export async function scheduleFailure(
  sql: SqlSession,
  at: { repositoryId: number; sha: string; branch: string | null; now: Date },
  timing: Timing,
): Promise<void> {
  await sql.query(SQL, [String(at.repositoryId), at.sha, at.branch, at.now.toISOString(), timing.coolOffSeconds, timing.maxWaitSeconds]);
}
