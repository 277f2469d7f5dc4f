// The org grid's SQL: failed jobs per repository and UTC day by verdict, each day's top causes with
// a sample of their error text and the day each cause was first seen in its repository, and the
// median duration of successful jobs per day. Grouped in the database (Job's index on
// repositoryId, conclusion, completedAt, startedAt: an index-only scan for durations), so a long
// history is never loaded into memory. Days come back as integers (days since 1970, UTC).
import type { PrismaClient } from "../generated/prisma/client.js";
import { FAILED_CONCLUSIONS } from "../model/index.js";

/** model/failed-conclusion.ts's set, as SQL (fixed words, no quotes inside). */
const FAILED = `(${FAILED_CONCLUSIONS.map((c) => `'${c}'`).join(", ")})`;
/** A genuine failure is its normalised signature; a flaky or known one its pattern. */
const CAUSE = `coalesce(case when c.verdict = 'genuine' then coalesce(c.signature, c."patternId") else coalesce(c."patternId", c.signature) end, 'no pattern matched')`;
/** The UTC day as an integer (days since 1970): cheaper to sort and group than text. */
const DAY = `(extract(epoch from j."completedAt")::bigint / 86400)`;
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

export async function failedByDay(prisma: PrismaClient, w: Window): Promise<{ repo: string; day: number; verdict: string; n: number }[]> {
  const rows: { repo: string; day: bigint | number; verdict: string; n: number }[] = await prisma.$queryRawUnsafe(
    `select j."repositoryId"::text as repo, ${DAY} as day, coalesce(c.verdict::text, 'pending') as verdict, count(*)::int as n
     from "Job" j left join "Classification" c on c."jobId" = j.id
     where j."repositoryId" in (${ids(w)}) and j.conclusion in ${FAILED}
       and j."completedAt" >= $1::timestamp and j."completedAt" < $2::timestamp
     group by j."repositoryId", 2, 3`,
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

export async function topCausesByDay(prisma: PrismaClient, w: Window, perCell: number): Promise<CauseRow[]> {
  const rows: (Omit<CauseRow, "day" | "firstDay"> & { day: bigint | number; firstDay: bigint | number })[] = await prisma.$queryRawUnsafe(
    `with f as (
       select j."repositoryId" as repo, ${DAY} as day, c.id, c.verdict::text as verdict, ${CAUSE} as cause, c."patternId",
         left(coalesce(c."matchedText", c.excerpt), ${TEXT_CHARS}) as text
       from "Job" j join "Classification" c on c."jobId" = j.id
       where j."repositoryId" in (${ids(w)}) and j.conclusion in ${FAILED}
         and j."completedAt" >= $1::timestamp and j."completedAt" < $2::timestamp
     ), g as (
       select repo, day, cause, verdict, max("patternId") as "patternId", count(*)::int as n,
         (array_agg(text order by (text is null), id desc))[1] as text,
         row_number() over (partition by repo, day order by count(*) desc, cause, verdict) as rank
       from f group by repo, day, cause, verdict
     ), top as (select * from g where rank <= ${Math.max(1, Math.floor(perCell))}),
     firsts as (
       select j."repositoryId" as repo, ${CAUSE} as cause, min(j."completedAt") as first
       from "Classification" c join "Job" j on j.id = c."jobId"
       where j."repositoryId" in (${ids(w)}) and j.conclusion in ${FAILED} and j."completedAt" < $2::timestamp
         and ${CAUSE} in (select cause from top)
       group by 1, 2
     )
     select top.repo::text as repo, top.day, top.cause, top.verdict, top."patternId", top.n, top.text,
       (extract(epoch from firsts.first)::bigint / 86400) as "firstDay"
     from top join firsts on firsts.repo = top.repo and firsts.cause = top.cause
     order by top.repo, top.day, top.rank`,
    ts(w.from),
    ts(w.to),
  );
  return rows.map((r) => ({ ...r, day: Number(r.day), firstDay: Number(r.firstDay) }));
}

/** Median seconds of successful jobs per repository and day (start and end known, end not before start). */
export async function successMedians(prisma: PrismaClient, w: Window): Promise<{ repo: string; day: number; median: number; n: number }[]> {
  const rows: { repo: string; day: bigint | number; median: number | string; n: number }[] = await prisma.$queryRawUnsafe(
    `select j."repositoryId"::text as repo, ${DAY} as day,
       percentile_cont(0.5) within group (order by extract(epoch from (j."completedAt" - j."startedAt"))) as median, count(*)::int as n
     from "Job" j
     where j."repositoryId" in (${ids(w)}) and j.conclusion = 'success'
       and j."completedAt" >= $1::timestamp and j."completedAt" < $2::timestamp
       and j."startedAt" is not null and j."completedAt" >= j."startedAt"
     group by j."repositoryId", 2`,
    ts(w.from),
    ts(w.to),
  );
  return rows.map((r) => ({ ...r, day: Number(r.day), median: Number(r.median) }));
}
