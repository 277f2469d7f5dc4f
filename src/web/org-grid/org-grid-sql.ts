// The org grid's SQL. Failures come from the causes rollup (DailyCause, src/rollup/), never from
// scanning Job: per repository and UTC day by verdict (each failure counts once, under its 'pattern'
// or 'signature' key; 'test' keys are extra rows), each day's top causes with the latest failure's
// text, and the day each cause was first seen in its repository (kept by the rollup). Failed jobs without a verdict yet
// are not in the rollup: they are the day's failed jobs counted from Job's (repositoryId,
// conclusion, completedAt, startedAt) index (index-only) less the rollup's. Durations come from their
// own rollup (src/rollup/read-daily-durations.ts). Days come back as integers (days since 1970, UTC).
import type { PrismaClient } from "../../generated/prisma/client.js";
import { FAILED_CONCLUSIONS } from "../../model/index.js";

/** model/failed-conclusion.ts's set, as SQL (fixed words, no quotes inside). */
const FAILED = `(${FAILED_CONCLUSIONS.map((c) => `'${c}'`).join(", ")})`;
/** The rollup's one row per failure (classify/cause-keys.ts): a failure's tests are counted besides it. */
const ONCE = `d."keyType" in ('pattern', 'signature')`;
/** The UTC day as an integer (days since 1970): cheaper to sort and group than text. */
const DAY = `(extract(epoch from j."completedAt")::bigint / 86400)`;
const ROLLUP_DAY = `(d.day - date '1970-01-01')`;
/** Error text shown in a cell's popover: the matched line first, at most this many characters. */
export const TEXT_CHARS = 400;

export interface Window {
  /** Repository ids, from the database (bigints: safe to inline). */
  repoIds: readonly bigint[];
  from: Date;
  to: Date;
}

const ids = (w: Window) => w.repoIds.map((id) => BigInt(id).toString()).join(", ");
const ts = (d: Date) => d.toISOString();

/**
 * Failed jobs per repository, day and verdict from the rollup; "pending" is the day's failed jobs in
 * Job (an index-only count) less those the rollup holds: failures without a verdict yet, and verdicts
 * the start-up backfill has not reached.
 */
export async function failedByDay(prisma: PrismaClient, w: Window): Promise<{ repo: string; day: number; verdict: string; n: number }[]> {
  const rows: { repo: string; day: bigint | number; verdict: string; n: number }[] = await prisma.$queryRawUnsafe(
    `with v as (
       select d."repositoryId" as repo, ${ROLLUP_DAY}::bigint as day, d.verdict::text as verdict, sum(d.count)::int as n
       from "DailyCause" d
       where d."repositoryId" in (${ids(w)}) and ${ONCE} and d.day >= $1::timestamp::date and d.day < $2::timestamp::date
       group by 1, 2, 3
     ), judged as (select repo, day, sum(n) as n from v group by 1, 2),
     failed as (
       select j."repositoryId" as repo, ${DAY} as day, count(*) as n
       from "Job" j
       where j."repositoryId" in (${ids(w)}) and j.conclusion in ${FAILED}
         and j."completedAt" >= $1::timestamp and j."completedAt" < $2::timestamp
       group by 1, 2
     )
     select repo::text, day, verdict, n from v
     union all
     select f.repo::text, f.day, 'pending', (f.n - coalesce(judged.n, 0))::int
     from failed f left join judged on judged.repo = f.repo and judged.day = f.day
     where f.n > coalesce(judged.n, 0)`,
    ts(w.from),
    ts(w.to),
  );
  return rows.map((r) => ({ ...r, day: Number(r.day) }));
}

export interface CauseRow {
  repo: string;
  day: number;
  cause: string;
  verdict: string;
  patternId: string | null;
  n: number;
  text: string | null;
  firstDay: number;
}

/**
 * The first-seen day is the earliest rollup row of the cause in its repository, any verdict, as the
 * rollup keeps it (CauseFirstSeen): it is never after the shown day, so never after the window.
 */
export async function topCausesByDay(prisma: PrismaClient, w: Window, perCell: number): Promise<CauseRow[]> {
  const rows: (Omit<CauseRow, "day" | "firstDay"> & { day: bigint | number; firstDay: bigint | number })[] = await prisma.$queryRawUnsafe(
    `with g as (
       select d."repositoryId" as repo, d.day, d.verdict, d."keyType", d."causeKey", d.count, d."latestJobId",
         row_number() over (partition by d."repositoryId", d.day order by d.count desc, d."causeKey", d.verdict) as rank
       from "DailyCause" d
       where d."repositoryId" in (${ids(w)}) and ${ONCE} and d.day >= $1::timestamp::date and d.day < $2::timestamp::date
     ), top as (select * from g where rank <= ${Math.max(1, Math.floor(perCell))})
     select top.repo::text as repo, (top.day - date '1970-01-01') as day, top."causeKey" as cause, top.verdict::text as verdict,
       c."patternId", top.count as n, left(coalesce(c."matchedText", c.excerpt), ${TEXT_CHARS}) as text,
       (f.day - date '1970-01-01') as "firstDay"
     from top join "CauseFirstSeen" f on f."repositoryId" = top.repo and f."keyType" = top."keyType" and f."causeKey" = top."causeKey"
       left join "Classification" c on c."jobId" = top."latestJobId"
     order by top.repo, top.day, top.rank`,
    ts(w.from),
    ts(w.to),
  );
  return rows.map((r) => ({ ...r, day: Number(r.day), firstDay: Number(r.firstDay) }));
}
