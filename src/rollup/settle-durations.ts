// Sums the durations of stale (repository, day)s into DailyDuration: the days the Job trigger marked
// (sift_stale_durations, prisma/migrations/…_daily_durations) once they are over. Today is never
// written: it changes with every job and readers compute it live. A mark is cleared only at the
// version read, in the transaction that wrote its day: a job committed meanwhile bumped the version
// (holding the mark's lock until it commits), so its day stays stale and is summed again next time.
import type { PrismaClient } from "../generated/prisma/client.js";
import { DAY_FIGURES, finishedOn, JOB_SECONDS, SUCCESSFUL_WITH_DURATION } from "./duration-sql.js";

const BATCH = 500;

const GROUPS = `unnest($1::text[]::bigint[], $2::text[]::date[]) as g(r, d)`;
const STALE = `select "repositoryId"::text as r, to_char(day, 'YYYY-MM-DD') as d, version as v from "StaleDurationDay"
  where day < $1::date and ("repositoryId", day) > ($2::bigint, $3::date) order by "repositoryId", day limit $4`;
const DELETE = `delete from "DailyDuration" x using ${GROUPS} where x."repositoryId" = g.r and x.day = g.d`;
const INSERT = `insert into "DailyDuration" ("repositoryId", day, runs, sum, "sumSquares", min, max, median, p90)
  select g.r, g.d, ${DAY_FIGURES}
  from ${GROUPS} cross join lateral (select ${JOB_SECONDS} as s from "Job" j where ${finishedOn("g.r", "g.d")} and ${SUCCESSFUL_WITH_DURATION}) x
  group by g.r, g.d`;
const CLEAR = `delete from "StaleDurationDay" x using unnest($1::text[]::bigint[], $2::text[]::date[], $3::int[]) as g(r, d, v)
  where x."repositoryId" = g.r and x.day = g.d and x.version = g.v`;

/** Days written (each stale day before `now`'s UTC day, once per call). */
export async function settleDurations(prisma: PrismaClient, now: Date, opts: { batch?: number; signal?: AbortSignal } = {}): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  let after = { r: "-1", d: "1970-01-01" };
  let done = 0;
  for (;;) {
    if (opts.signal?.aborted) return done;
    const settled = await prisma.$transaction(async (tx) => {
      const stale = await tx.$queryRawUnsafe<{ r: string; d: string; v: number }[]>(STALE, today, after.r, after.d, opts.batch ?? BATCH);
      if (stale.length === 0) return 0;
      const keys = [stale.map((s) => s.r), stale.map((s) => s.d)];
      await tx.$executeRawUnsafe(DELETE, ...keys);
      await tx.$executeRawUnsafe(INSERT, ...keys);
      await tx.$executeRawUnsafe(CLEAR, ...keys, stale.map((s) => s.v));
      after = stale.at(-1)!;
      return stale.length;
    }, { timeout: 120_000 });
    if (settled === 0) return done;
    done += settled;
  }
}
