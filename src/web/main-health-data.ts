// Main-branch health of repositories: per UTC day the share of settled default-branch commits that
// are broken, the broken periods (open, and closed with their time to fix) and the median time to
// fix. Days are counted in SQL; only the commits where the state changes reach Node.
import type { PrismaClient } from "../generated/prisma/client.js";
import { brokenPeriods, medianTimeToFix, type SettledCommit, type BrokenPeriod } from "../decide/index.js";
import type { RepoRef } from "./reader.js";
import { PROBE_COMMITS_UP_TO, RED_JOBS, settledCommits } from "./settled-commits-sql.js";
import { windowDays } from "./window-days.js";

export const HEALTH_DAYS = 30;

export interface HealthRepo extends RepoRef {
  defaultBranch: string;
}

export interface DayShare {
  /** YYYY-MM-DD (UTC). */
  day: string;
  commits: number;
  broken: number;
  /** broken / commits; null on a day without settled commits. */
  share: number | null;
}

export interface MainHealth {
  repo: HealthRepo;
  days: number;
  commits: number;
  broken: number;
  share: number | null;
  daily: DayShare[];
  /** Newest first; an open period (fixSha null) can only be the first. */
  periods: BrokenPeriod[];
  medianTimeToFix: number | null;
}

// One pass over the settled commits: the days' counts, and the commits where the state changes
// (differs from the one before or after) and the latest, which are enough for the periods.
const healthSql = (repos: number) => `with ${settledCommits(repos)},
ordered as (
  select s.*, row_number() over w as n, lag(red) over w as prev, lead(red) over w as next, count(*) over (partition by repo) as total
  from settled s window w as (partition by repo order by at, id)),
days as (
  select repo, to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, count(*)::int as commits, (count(*) filter (where red))::int as broken
  from settled group by 1, 2)
select repo::text as repo, day, commits, broken, null::text as sha, null::timestamp as at, null::boolean as red, null::int as n from days
union all
select o.repo::text, null, null, null, o.sha, o.at, o.red, o.n::int from ordered o
where o.prev is distinct from o.red or o.next is distinct from o.red or o.n = o.total`;

type Row = { repo: string; day: string | null; commits: number | null; broken: number | null; sha: string | null; at: Date | null; red: boolean | null; n: number | null };

export async function loadMainHealth(prisma: PrismaClient, repos: readonly HealthRepo[], now: Date, days = HEALTH_DAYS): Promise<MainHealth[]> {
  if (repos.length === 0) return [];
  const window = windowDays(now, days);
  const params = [repos.map((r) => String(r.id)), window.from.toISOString(), now.toISOString()];
  const rows = await prisma.$queryRawUnsafe<Row[]>(healthSql(repos.length), ...params);
  const dailyRows = rows.filter((r) => r.day !== null);
  const changes = new Map<string, SettledCommit[]>(repos.map((r) => [String(r.id), []]));
  for (const r of rows.filter((r) => r.day === null).sort((a, b) => Number(a.n) - Number(b.n))) {
    changes.get(r.repo)?.push({ sha: r.sha!, at: new Date(r.at!), red: Boolean(r.red), n: Number(r.n), redJobs: [] });
  }
  // Which jobs were red: on every period's first and last commit for a repository page; on an org
  // page, only for the open periods it shows.
  const wanted = [...changes].flatMap(([repo, commits]) =>
    brokenPeriods(commits, now)
      .filter((p) => repos.length <= PROBE_COMMITS_UP_TO || p.fixSha === null)
      .flatMap((p) => [{ repo, sha: p.sinceSha }, { repo, sha: p.lastSha }]),
  );
  const jobs = await redJobs(prisma, wanted);
  for (const [repo, commits] of changes) for (const c of commits) c.redJobs = jobs.get(`${repo} ${c.sha}`) ?? [];
  return repos.map((repo) => {
    const id = String(repo.id);
    const counts = new Map(dailyRows.filter((r) => r.repo === id).map((r) => [r.day, r]));
    const daily = window.days.map((day) => {
      const c = counts.get(day);
      const commits = Number(c?.commits ?? 0);
      const broken = Number(c?.broken ?? 0);
      return { day, commits, broken, share: commits ? broken / commits : null };
    });
    const periods = brokenPeriods(changes.get(id)!, now).reverse();
    const total = daily.reduce((n, d) => n + d.commits, 0);
    const broken = daily.reduce((n, d) => n + d.broken, 0);
    return { repo, days, commits: total, broken, share: total ? broken / total : null, daily, periods, medianTimeToFix: medianTimeToFix(periods) };
  });
}

/** At most 20 job names per commit. */
async function redJobs(prisma: PrismaClient, commits: { repo: string; sha: string }[]): Promise<Map<string, string[]>> {
  if (commits.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<{ repo: string; sha: string; jobs: string[] }[]>(RED_JOBS, commits.map((c) => c.repo), commits.map((c) => c.sha));
  return new Map(rows.map((r) => [`${r.repo} ${r.sha}`, r.jobs.slice(0, 20)]));
}
