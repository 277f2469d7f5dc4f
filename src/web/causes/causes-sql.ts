// The causes pages' one query, over the daily rollup of some repositories (DailyCause) or of an
// owner's every repository (OrgDailyCause): per cause the window's sums, the distinct jobs and
// repositories hit (each counted on its latest day, src/rollup/refresh-cause-series.ts), the first
// sighting at any time; new causes first, then the most frequent; and for the chosen ones their days
// and their latest failure. The scope's rows are read once.

/** Where the rows come from: $1 is the repository ids (text[]) or the lower-cased owner. */
export type CausesScope = "repositories" | "owner";

const COLUMNS = `"keyType" as t, "causeKey" as k, verdict::text as v, day, kind, category, count, seconds, "firstSeen", "lastSeen", "latestJobId"`;
const LATEST = `(array_agg(s."latestJobId" order by s."lastSeen" desc, s."latestJobId" desc))[1] as latest`;
const DAYS = `array_agg((s.day - $2::date)::int) as offsets, array_agg(s.count) as counts`;
// new causes first, then the most frequent; failing tests ranked apart
const RANKED = `
  select a.*, row_number() over (partition by (t = 'test') order by (first >= $3) desc, n desc, last desc, k) as rank,
    sum(n) filter (where t <> 'test') over () as total, sum(minutes) filter (where t <> 'test') over () as total_minutes
  from a where n > 0`;

// An owner: its rows are few enough to sum directly, and the chosen causes' days are read by the
// primary key (owner, cause, verdict, day).
const OWNER = {
  from: `(select ${COLUMNS}, "jobsLast" as jobs, "reposLast" as repos from "OrgDailyCause" where owner = $1::text) src`,
  days: `select p.t, p.k, p.v, d.* from top p cross join lateral (
      select ${DAYS}, ${LATEST} from "OrgDailyCause" s where s.owner = $1::text and s."keyType" = p.t and s."causeKey" = p.k and s.verdict::text = p.v and s.day >= $2::date) d`,
};

// Some repositories (a reader of only some of an owner's): their rows are many (half of 200
// repositories over 90 days: 62,000), so they are read once, by the primary key's repository prefix,
// into one hash aggregate that also gathers every cause's days; the chosen causes' latest failure is
// then looked up on their last day (the cause index, a few rows each). Reading the rows twice (the chosen
// causes' days sorted out of a materialised copy) took twice as long. The aggregate needs the caller's
// work_mem (REPOSITORIES_WORK_MEM): with the default 4 MB the planner sorts the rows by cause instead.
const REPOSITORIES = `
with a as (
  select "keyType" as t, "causeKey" as k, verdict::text as v, min(kind) as kind, min(category) as category,
    sum(count) filter (where day >= $2::date)::int as n, sum(seconds) filter (where day >= $2::date)::float8 / 60 as minutes,
    sum("jobsLast") filter (where day >= $2::date)::int as jobs, sum("repoLast") filter (where day >= $2::date)::int as repos,
    max("lastSeen") as last, min("firstSeen") as first, max(day) as last_day,
    array_agg((day - $2::date)::int) filter (where day >= $2::date) as offsets, array_agg(count) filter (where day >= $2::date) as counts
  from "DailyCause" where "repositoryId" = any($1::text[]::bigint[]) group by 1, 2, 3
), ranked as (${RANKED})
select t, k, v, kind, category, n, minutes, jobs, repos, last, first, rank, total, total_minutes, offsets, counts, l."latestJobId" as latest
from ranked p cross join lateral (
  select s."latestJobId" from "DailyCause" s
  where s."keyType" = p.t and s."causeKey" = p.k and s.day = p.last_day and s.verdict::text = p.v and s."repositoryId" = any($1::text[]::bigint[])
  order by s."lastSeen" desc, s."latestJobId" desc limit 1) l
where rank <= $4 order by (t = 'test'), rank`;

/** `set local` before the repositories' query, in its transaction. */
export const REPOSITORIES_WORK_MEM = `set local work_mem = '64MB'`;

// $2 the window's first day, $3 "new" since, $4 how many causes (and as many tests) to show.
export function causesSql(scope: CausesScope): string {
  if (scope === "repositories") return REPOSITORIES;
  return `
with a as (
  select t, k, v, min(kind) as kind, min(category) as category,
    sum(count) filter (where day >= $2::date)::int as n, sum(seconds) filter (where day >= $2::date)::float8 / 60 as minutes,
    sum(jobs) filter (where day >= $2::date)::int as jobs, sum(repos) filter (where day >= $2::date)::int as repos,
    max("lastSeen") as last, min("firstSeen") as first
  from ${OWNER.from} group by 1, 2, 3
), ranked as (${RANKED}), top as materialized (select * from ranked where rank <= $4
), days as (${OWNER.days})
select top.*, days.offsets, days.counts, days.latest from top join days on days.t = top.t and days.k = top.k and days.v = top.v
order by (top.t = 'test'), top.rank`;
}
