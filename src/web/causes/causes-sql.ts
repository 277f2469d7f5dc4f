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

// Some repositories: their rows are read once into src (by the primary key's repository prefix), and
// the chosen causes' days found in it. An owner: its rows are few enough to sum directly, and the
// chosen causes' days are read by the primary key (owner, cause, verdict, day).
const SCOPES: Record<CausesScope, { src: string; from: string; days: string }> = {
  repositories: {
    src: `src as materialized (select ${COLUMNS}, "jobsLast" as jobs, "repoLast" as repos from "DailyCause" where "repositoryId" = any($1::text[]::bigint[])),`,
    from: "src",
    days: `select p.t, p.k, p.v, ${DAYS}, ${LATEST} from src s join top p on s.t = p.t and s.k = p.k and s.v = p.v where s.day >= $2::date group by 1, 2, 3`,
  },
  owner: {
    src: "",
    from: `(select ${COLUMNS}, "jobsLast" as jobs, "reposLast" as repos from "OrgDailyCause" where owner = $1::text) src`,
    days: `select p.t, p.k, p.v, d.* from top p cross join lateral (
      select ${DAYS}, ${LATEST} from "OrgDailyCause" s where s.owner = $1::text and s."keyType" = p.t and s."causeKey" = p.k and s.verdict::text = p.v and s.day >= $2::date) d`,
  },
};

// $2 the window's first day, $3 "new" since, $4 how many causes (and as many tests) to show.
export function causesSql(scope: CausesScope): string {
  const q = SCOPES[scope];
  return `
with ${q.src} a as (
  select t, k, v, min(kind) as kind, min(category) as category,
    sum(count) filter (where day >= $2::date)::int as n, sum(seconds) filter (where day >= $2::date)::float8 / 60 as minutes,
    sum(jobs) filter (where day >= $2::date)::int as jobs, sum(repos) filter (where day >= $2::date)::int as repos,
    max("lastSeen") as last, min("firstSeen") as first
  from ${q.from} group by 1, 2, 3
), ranked as (
  select a.*, row_number() over (partition by (t = 'test') order by (first >= $3) desc, n desc, last desc, k) as rank,
    sum(n) filter (where t <> 'test') over () as total, sum(minutes) filter (where t <> 'test') over () as total_minutes
  from a where n > 0
), top as materialized (select * from ranked where rank <= $4
), days as (${q.days})
select top.*, days.offsets, days.counts, days.latest from top join days on days.t = top.t and days.k = top.k and days.v = top.v
order by (top.t = 'test'), top.rank`;
}
