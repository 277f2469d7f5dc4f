// A failed job makes its head SHA due: cool-off after the latest failure, capped from the first.
// Pending work lives in HeadCommit rows, not timers, so a restart loses nothing.
import { SqlParams, noGuard, type SqlGuard, type SqlSession } from "../db/index.js";
import type { Timing } from "./timing.js";

export interface FailureAt {
  repositoryId: number;
  sha: string;
  branch: string | null;
  now: Date;
}

// idle/done → a new burst starts; pending → push dueAt out, up to the cap (a SHA only waiting for a
// later recheck, without a burst, is due after the cool-off at the latest); running → the worker
// sees lastFailureAt > its claim time when it finishes and schedules a re-analysis.
/** The upsert, its values added to `p`; `guard` is appended to its SELECT (ingest composes it). */
export function failureUpsert(p: SqlParams, at: FailureAt, timing: Timing, guard: SqlGuard = noGuard): string {
  const now = p.add(at.now.toISOString(), "timestamp");
  const maxWait = p.add(timing.maxWaitSeconds, "float8");
  return `
insert into "HeadCommit" ("repositoryId", sha, branch, state, "firstFailureAt", "lastFailureAt", "dueAt", "updatedAt")
select ${p.add(String(at.repositoryId), "bigint")}, ${p.add(at.sha, "text")}, ${p.add(at.branch, "text")}, 'pending', ${now}, ${now},
  ${now} + make_interval(secs => ${p.add(timing.coolOffSeconds, "float8")}), ${now} ${guard(p)}
on conflict ("repositoryId", sha) do update set
  branch = coalesce("HeadCommit".branch, excluded.branch),
  "lastFailureAt" = greatest("HeadCommit"."lastFailureAt", excluded."lastFailureAt"),
  "firstFailureAt" = case when "HeadCommit".state in ('idle', 'done') or "HeadCommit"."firstFailureAt" is null
    then excluded."firstFailureAt" else "HeadCommit"."firstFailureAt" end,
  "dueAt" = case
    when "HeadCommit".state in ('idle', 'done') or "HeadCommit"."dueAt" is null then excluded."dueAt"
    when "HeadCommit".state = 'pending' and "HeadCommit"."firstFailureAt" is null then least("HeadCommit"."dueAt", excluded."dueAt")
    when "HeadCommit".state = 'running' then "HeadCommit"."dueAt"
    else least(greatest("HeadCommit"."dueAt", excluded."dueAt"), "HeadCommit"."firstFailureAt" + make_interval(secs => ${maxWait})) end,
  state = case when "HeadCommit".state = 'running' then 'running'::"CommitState" else 'pending'::"CommitState" end,
  "updatedAt" = excluded."updatedAt"`;
}

export async function scheduleFailure(sql: SqlSession, at: FailureAt, timing: Timing): Promise<void> {
  const p = new SqlParams();
  await sql.query(failureUpsert(p, at, timing), p.values);
}
