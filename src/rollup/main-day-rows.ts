// One UTC day of a repository's default branch, counted from the stored commits and verdicts: the
// health pages' rule (branch-health.ts) in SQL. Settled: Sift analysed the commit, or every job it saw
// on it completed. Broken: a failed job of it was classified genuine or known problem. The points are
// the commits where broken/green changes within the day, with the day's first and last: joined day
// after day they hold every change of the window and its latest commit, which is all broken periods need.
import type { Prisma } from "../generated/prisma/client.js";

export interface MainDayKey {
  repositoryId: bigint;
  /** YYYY-MM-DD (UTC). */
  day: string;
}

/** [index among the day's settled commits from 1, sha, first seen (epoch ms), broken]. */
export type MainDayPoint = [number, string, number, boolean];

export interface MainDayRow extends MainDayKey {
  branch: string;
  /** Every default-branch commit first seen on the day (up to `now`) settled. */
  allSettled: boolean;
  commits: number;
  broken: number;
  points: MainDayPoint[];
}

const DAY_ROWS = `with pairs as materialized (
  select repo, day, day::timestamp as lo, day::timestamp + interval '1 day' as hi from (select distinct * from unnest($1::text[]::bigint[], $2::text[]::date[]) as p(repo, day)) d),
seen as materialized (
  select p.repo, p.day, h.id, h.sha, h.at,
    (h.state = 'done' or (h.state = 'idle'
      and exists (select 1 from "Job" j where j."repositoryId" = p.repo and j."headSha" = h.sha)
      and not exists (select 1 from "Job" j where j."repositoryId" = p.repo and j."headSha" = h.sha and j.status <> 'completed'))) as settled
  from pairs p join "Repository" r on r.id = p.repo
  cross join lateral (select x.id, x.sha, x.state, x."createdAt" as at from "HeadCommit" x
    where x."repositoryId" = p.repo and x.branch = r."defaultBranch" and x."createdAt" >= p.lo and x."createdAt" < p.hi
      and ($3::timestamp is null or x."createdAt" <= $3::timestamp) offset 0) h), -- offset 0: a range probe of the index per day
settled as materialized (
  select s.*, exists (select 1 from "Job" j join "Classification" c on c."jobId" = j.id
    where j."repositoryId" = s.repo and j."headSha" = s.sha and c.verdict in ('genuine', 'known_problem')) as red
  from seen s where s.settled),
ordered as (
  select s.*, row_number() over w as i, lag(red) over w as prev, lead(red) over w as next, count(*) over (partition by repo, day) as total
  from settled s window w as (partition by repo, day order by at, id)),
counted as (
  select repo, day, count(*)::int as commits, (count(*) filter (where red))::int as broken,
    jsonb_agg(jsonb_build_array(i, sha, (extract(epoch from at) * 1000)::bigint, red) order by i)
      filter (where prev is distinct from red or next is distinct from red or i = 1 or i = total) as points
  from ordered group by 1, 2),
unsettled as (select distinct repo, day from seen where not settled)
select p.repo::text as repo, to_char(p.day, 'YYYY-MM-DD') as day, r."defaultBranch" as branch, u.repo is null as "allSettled",
  coalesce(c.commits, 0) as commits, coalesce(c.broken, 0) as broken, coalesce(c.points, '[]'::jsonb) as points
from pairs p join "Repository" r on r.id = p.repo
left join counted c on c.repo = p.repo and c.day = p.day
left join unsettled u on u.repo = p.repo and u.day = p.day`;

type Raw = { repo: string; day: string; branch: string; allSettled: boolean; commits: number; broken: number; points: MainDayPoint[] };

/** The days asked for, counted up to `now` (null: the whole day); a day of an unknown repository is left out. */
export async function mainDayRows(prisma: Prisma.TransactionClient, keys: readonly MainDayKey[], now: Date | null): Promise<MainDayRow[]> {
  if (keys.length === 0) return [];
  const rows = await prisma.$queryRawUnsafe<Raw[]>(DAY_ROWS, keys.map((k) => k.repositoryId.toString()), keys.map((k) => k.day), now?.toISOString() ?? null);
  return rows.map((r) => ({
    repositoryId: BigInt(r.repo),
    day: r.day,
    branch: r.branch,
    allSettled: Boolean(r.allSettled),
    commits: Number(r.commits),
    broken: Number(r.broken),
    points: r.points.map(([i, sha, at, red]) => [Number(i), sha, Number(at), Boolean(red)]),
  }));
}
