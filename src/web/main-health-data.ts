// Main-branch health of repositories: per UTC day the share of settled default-branch commits that
// are broken, the broken periods (open, and closed with their time to fix) and the median time to
// fix. Days are counted in SQL; only the commits where the state changes reach Node.
import type { PrismaClient } from "../generated/prisma/client.js";
import { brokenPeriods, medianTimeToFix, type BranchCommit, type BrokenPeriod } from "../decide/index.js";
import type { RepoRef } from "./reader.js";
import { RED_JOBS, SETTLED_COMMITS } from "./settled-commits-sql.js";
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

const DAILY = `with settled as (${SETTLED_COMMITS})
select repo::text as repo, to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, count(*)::int as commits, (count(*) filter (where red))::int as broken
from settled group by 1, 2`;

// A commit whose state differs from the one before or after it, and the latest: enough for the periods.
const CHANGES = `with settled as (${SETTLED_COMMITS}),
ordered as (
  select s.*, row_number() over w as n, lag(red) over w as prev, lead(red) over w as next,
    row_number() over (partition by repo order by at desc, id desc) as back
  from settled s window w as (partition by repo order by at, id))
select o.repo::text as repo, o.sha, o.at, o.red, o.n::int as n, case when o.red then ${RED_JOBS} else '{}'::text[] end as jobs
from ordered o where o.prev is distinct from o.red or o.next is distinct from o.red or o.back = 1
order by o.repo, o.n`;

export async function loadMainHealth(prisma: PrismaClient, repos: readonly HealthRepo[], now: Date, days = HEALTH_DAYS): Promise<MainHealth[]> {
  if (repos.length === 0) return [];
  const window = windowDays(now, days);
  const params = [repos.map((r) => String(r.id)), window.from.toISOString(), now.toISOString()];
  const [dailyRows, changeRows] = await Promise.all([
    prisma.$queryRawUnsafe<{ repo: string; day: string; commits: number; broken: number }[]>(DAILY, ...params),
    prisma.$queryRawUnsafe<{ repo: string; sha: string; at: Date; red: boolean; n: number; jobs: string[] }[]>(CHANGES, ...params),
  ]);
  return repos.map((repo) => {
    const id = String(repo.id);
    const counts = new Map(dailyRows.filter((r) => r.repo === id).map((r) => [r.day, r]));
    const daily = window.days.map((day) => {
      const c = counts.get(day);
      const commits = Number(c?.commits ?? 0);
      const broken = Number(c?.broken ?? 0);
      return { day, commits, broken, share: commits ? broken / commits : null };
    });
    const commits: BranchCommit[] = changeRows.filter((r) => r.repo === id).map((r) => ({ sha: r.sha, at: new Date(r.at), red: r.red, n: Number(r.n), redJobs: r.jobs ?? [] }));
    const periods = brokenPeriods(commits, now).reverse();
    const total = daily.reduce((n, d) => n + d.commits, 0);
    const broken = daily.reduce((n, d) => n + d.broken, 0);
    return { repo, days, commits: total, broken, share: total ? broken / total : null, daily, periods, medianTimeToFix: medianTimeToFix(periods) };
  });
}
