// Keeps DailyCause.jobsLast and repoLast right for some series (one repository's failures of one cause
// under one verdict): a (repository, job name) pair counts on the day of its latest failure with the
// cause, and a repository on its latest day. Summed over a window's days they give the distinct jobs and
// repositories the cause hit in it (the window always reaches today), without reading JobCause.
import type { Prisma } from "../generated/prisma/client.js";

export interface CauseSeries {
  repositoryId: bigint;
  verdict: string;
  keyType: string;
  causeKey: string;
}

/** A DailyCause row whose jobsLast or repoLast changed: the organisation rollup sums its group again. */
export interface ChangedDay {
  repositoryId: bigint;
  /** YYYY-MM-DD, UTC. */
  day: string;
  verdict: string;
  keyType: string;
  causeKey: string;
}

const SERIES = `select distinct * from unnest($1::text[]::bigint[], $2::text[]::"Verdict"[], $3::text[], $4::text[]) as s(r, v, t, k)`;

// Every DailyCause row of a series has JobCause rows on its day (refreshDailyCauses ran first), so the
// series' days come from JobCause too and each row is updated by its primary key. Window functions,
// not joins between the steps: the planner cannot size those and chose nested loops over thousands.
const REFRESH = `
with hit as (
  select j."repositoryId" as r, j.verdict as v, j."keyType" as t, j."causeKey" as k, j.day,
    max(j.day) over (partition by j."repositoryId", j.verdict, j."keyType", j."causeKey", j."jobName") as name_last,
    max(j.day) over (partition by j."repositoryId", j.verdict, j."keyType", j."causeKey") as series_last, j."jobName" as name
  from "JobCause" j join (${SERIES}) s on j."repositoryId" = s.r and j."keyType" = s.t and j."causeKey" = s.k and j.verdict = s.v
), want as (
  select r, v, t, k, day, count(distinct name) filter (where day = name_last)::int as jobs, (day = max(series_last))::int as repo from hit group by 1, 2, 3, 4, 5
)
update "DailyCause" x set "jobsLast" = w.jobs, "repoLast" = w.repo from want w
where x."repositoryId" = w.r and x.day = w.day and x.verdict = w.v and x."keyType" = w.t and x."causeKey" = w.k and (x."jobsLast" <> w.jobs or x."repoLast" <> w.repo)
returning x."repositoryId"::text as r, to_char(x.day, 'YYYY-MM-DD') as day, x.verdict::text as v, x."keyType" as t, x."causeKey" as k`;

/** jobsLast and repoLast of every DailyCause row summed again from JobCause (the rebuild and the migration). */
export const REBUILD_CAUSE_SERIES = [
  `update "DailyCause" set "jobsLast" = 0, "repoLast" = 0 where "jobsLast" <> 0 or "repoLast" <> 0`,
  `update "DailyCause" x set "jobsLast" = p.n from (
    select r, v, t, k, day, count(*)::int as n from (select "repositoryId" as r, verdict as v, "keyType" as t, "causeKey" as k, max(day) as day from "JobCause" group by 1, 2, 3, 4, "jobName") l group by 1, 2, 3, 4, 5
  ) p where x."repositoryId" = p.r and x.day = p.day and x.verdict = p.v and x."keyType" = p.t and x."causeKey" = p.k`,
  `update "DailyCause" x set "repoLast" = 1 from (
    select "repositoryId" as r, verdict as v, "keyType" as t, "causeKey" as k, max(day) as day from "JobCause" group by 1, 2, 3, 4
  ) p where x."repositoryId" = p.r and x.day = p.day and x.verdict = p.v and x."keyType" = p.t and x."causeKey" = p.k`,
];

export async function refreshCauseSeries(tx: Prisma.TransactionClient, series: readonly CauseSeries[]): Promise<ChangedDay[]> {
  if (series.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ r: string; day: string; v: string; t: string; k: string }[]>(
    REFRESH, series.map((s) => s.repositoryId.toString()), series.map((s) => s.verdict), series.map((s) => s.keyType), series.map((s) => s.causeKey),
  );
  return rows.map((r) => ({ repositoryId: BigInt(r.r), day: r.day, verdict: r.v, keyType: r.t, causeKey: r.k }));
}
