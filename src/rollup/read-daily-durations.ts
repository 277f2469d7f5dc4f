// The read side of the durations rollup: per repository and UTC day of a window ending today, the
// runs and median seconds of successful jobs. Days that are over come from DailyDuration; today, and
// any day the Job trigger marked stale since it was summed, are computed live from Job (an index-only
// scan per repository-day). One statement, one snapshot: a mark and its job commit together, so every
// day is exactly what Job holds.
import type { PrismaClient } from "../generated/prisma/client.js";
import { finishedOn, JOB_SECONDS, SUCCESSFUL_WITH_DURATION } from "./duration-sql.js";

export interface DayDuration {
  repo: string;
  /** Days since 1970 (UTC). */
  day: number;
  runs: number;
  median: number;
}

// No generate_series and no set-returning guesses: the planner must see a few hundred live days, not
// a million rows, or it spends longer compiling the query (JIT) than running it.
const READ = `with live as (
  select r, $3::date as d from unnest($1::text[]::bigint[]) as r
  union
  select s."repositoryId", s.day from "StaleDurationDay" s where s."repositoryId" = any($1::text[]::bigint[]) and s.day >= $2::date and s.day < $3::date
)
select l.r::text as repo, (l.d - date '1970-01-01') as day, x.runs, x.median
from live l cross join lateral (
  select count(*)::int as runs, percentile_cont(0.5) within group (order by s) as median
  from (select ${JOB_SECONDS} as s from "Job" j where ${finishedOn("l.r", "l.d")} and ${SUCCESSFUL_WITH_DURATION}) y
) x
where x.runs > 0
union all
select d."repositoryId"::text, (d.day - date '1970-01-01'), d.runs, d.median
from "DailyDuration" d
where d."repositoryId" = any($1::text[]::bigint[]) and d.day >= $2::date and d.day < $3::date
  and not exists (select 1 from "StaleDurationDay" s where s."repositoryId" = d."repositoryId" and s.day = d.day)`;

/** The days from `from`'s to `now`'s (UTC), today included and read live. */
export async function readDailyDurations(prisma: PrismaClient, w: { repoIds: readonly bigint[]; from: Date; now: Date }): Promise<DayDuration[]> {
  if (w.repoIds.length === 0) return [];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const rows = await prisma.$queryRawUnsafe<{ repo: string; day: number | bigint; runs: number; median: number | string }[]>(READ, w.repoIds.map(String), day(w.from), day(w.now));
  return rows.map((r) => ({ repo: r.repo, day: Number(r.day), runs: Number(r.runs), median: Number(r.median) }));
}
