// The causes pages' one query, over the daily rollup of some repositories (DailyCause) or of an
// owner's every repository (OrgDailyCause): per cause the window's sums, the distinct jobs and
// repositories hit (each counted on its latest day, src/rollup/refresh-cause-series.ts), the first
// sighting at any time; new causes first, then the most frequent; and for the chosen ones their days
// and their latest failure. The scope's rows are read once.

/** Where the rows come from: $1 is the repository ids (text[]) or the lower-cased owner. */
export type CausesScope = "repositories" | "owner";

const SOURCE: Record<CausesScope, string> = {
  repositories: `select "keyType" as t, "causeKey" as k, verdict::text as v, day, kind, category, count, seconds, "firstSeen", "lastSeen", "latestJobId", "jobsLast" as jobs, "repoLast" as repos
    from "DailyCause" where "repositoryId" = any($1::text[]::bigint[])`,
  owner: `select "keyType" as t, "causeKey" as k, verdict::text as v, day, kind, category, count, seconds, "firstSeen", "lastSeen", "latestJobId", "jobsLast" as jobs, "reposLast" as repos
    from "OrgDailyCause" where owner = $1::text`,
};

// $2 the window's first day, $3 "new" since, $4 how many causes (and as many tests) to show.
export function causesSql(scope: CausesScope): string {
  return `
with src as materialized (${SOURCE[scope]}
), a as (
  select t, k, v, min(kind) as kind, min(category) as category,
    sum(count) filter (where day >= $2::date)::int as n, sum(seconds) filter (where day >= $2::date)::float8 / 60 as minutes,
    sum(jobs) filter (where day >= $2::date)::int as jobs, sum(repos) filter (where day >= $2::date)::int as repos,
    max("lastSeen") as last, min("firstSeen") as first
  from src group by 1, 2, 3
), ranked as (
  select a.*, row_number() over (partition by (t = 'test') order by (first >= $3) desc, n desc, last desc, k) as rank,
    sum(n) filter (where t <> 'test') over () as total, sum(minutes) filter (where t <> 'test') over () as total_minutes
  from a where n > 0
), top as materialized (select * from ranked where rank <= $4
), days as (
  select s.t, s.k, s.v, array_agg((s.day - $2::date)::int order by s.day) as offsets, array_agg(s.count order by s.day) as counts,
    (array_agg(s."latestJobId" order by s."lastSeen" desc, s."latestJobId" desc))[1] as latest
  from src s join top p on s.t = p.t and s.k = p.k and s.v = p.v where s.day >= $2::date group by 1, 2, 3
)
select top.*, days.offsets, days.counts, days.latest from top join days on days.t = top.t and days.k = top.k and days.v = top.v
order by (top.t = 'test'), top.rank`;
}
