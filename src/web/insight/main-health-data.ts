// Main-branch health of repositories: per UTC day the share of settled default-branch commits that
// are broken, the broken periods (open, and closed with their time to fix) and the median time to
// fix. Days are counted in SQL (stored once over, src/rollup/); only the commits where the state
// changes reach Node.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { brokenPeriods, medianTimeToFix, type SettledCommit, type BrokenPeriod } from "../../decide/index.js";
import type { RepoRef } from "../reader.js";
import { mainDayRows, type MainDayPoint } from "../../rollup/index.js";
import { PROBE_COMMITS_UP_TO, RED_JOBS } from "./settled-commits-sql.js";
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

/**
 * The days of the window that are over come from the rollup (src/rollup/, MainBranchDay) when stored
 * for the repository's current default branch; today, and a day whose commits have not all settled,
 * are counted live the same way. The days' change points, numbered across the window, give the
 * periods exactly as every commit would.
 */
export async function loadMainHealth(prisma: PrismaClient, repos: readonly HealthRepo[], now: Date, days = HEALTH_DAYS): Promise<MainHealth[]> {
  if (repos.length === 0) return [];
  const window = windowDays(now, days);
  const today = window.days.at(-1)!;
  const branchOf = new Map(repos.map((r) => [String(r.id), r.defaultBranch]));
  // today is always counted live: at the same time as the stored days are read
  const [stored, live] = await Promise.all([
    prisma.$queryRawUnsafe<{ days: string }[]>(STORED_DAYS, repos.map((r) => String(r.id)), window.days[0], today),
    mainDayRows(prisma, repos.map((r) => ({ repositoryId: BigInt(r.id), day: today })), now),
  ]);
  const found = new Map<string, DayCount>();
  for (const { days: json } of stored) {
    for (const [repo, day, branch, commits, broken, points] of JSON.parse(json) as StoredDay[]) {
      if (branch === branchOf.get(repo)) found.set(`${repo} ${day}`, { commits, broken, points });
    }
  }
  const missing = repos.flatMap((r) => window.days.slice(0, -1).filter((day) => !found.has(`${r.id} ${day}`)).map((day) => ({ repositoryId: BigInt(r.id), day })));
  for (const d of [...live, ...(await mainDayRows(prisma, missing, now))]) found.set(`${d.repositoryId} ${d.day}`, d);

  const perRepo = repos.map((repo) => {
    const daily: DayShare[] = [];
    const changes: SettledCommit[] = [];
    let before = 0;
    for (const day of window.days) {
      const d = found.get(`${repo.id} ${day}`);
      const commits = d?.commits ?? 0;
      const broken = d?.broken ?? 0;
      daily.push({ day, commits, broken, share: commits ? broken / commits : null });
      for (const [i, sha, at, red] of d?.points ?? []) changes.push({ sha, at: new Date(at), red, n: before + i, redJobs: [] });
      before += commits;
    }
    return { repo, daily, changes };
  });
  // Which jobs were red: on every period's first and last commit for a repository page; on an org
  // page, only for the open periods it shows.
  const wanted = perRepo.flatMap(({ repo, changes }) =>
    brokenPeriods(changes, now)
      .filter((p) => repos.length <= PROBE_COMMITS_UP_TO || p.fixSha === null)
      .flatMap((p) => [{ repo: String(repo.id), sha: p.sinceSha }, { repo: String(repo.id), sha: p.lastSha }]),
  );
  const jobs = await redJobs(prisma, wanted);
  return perRepo.map(({ repo, daily, changes }) => {
    for (const c of changes) c.redJobs = jobs.get(`${repo.id} ${c.sha}`) ?? [];
    const periods = brokenPeriods(changes, now).reverse();
    const total = daily.reduce((n, d) => n + d.commits, 0);
    const broken = daily.reduce((n, d) => n + d.broken, 0);
    return { repo, days, commits: total, broken, share: total ? broken / total : null, daily, periods, medianTimeToFix: medianTimeToFix(periods) };
  });
}

type DayCount = { commits: number; broken: number; points: readonly MainDayPoint[] };
type StoredDay = [repo: string, day: string, branch: string, commits: number, broken: number, points: MainDayPoint[]];

// One row of JSON text per repository: 200 repositories' month (6,000 days) read in a third of the time of a row per day.
const STORED_DAYS = `select json_agg(json_build_array("repositoryId"::text, to_char(day, 'YYYY-MM-DD'), branch, commits, broken, points))::text as days
from "MainBranchDay" where "repositoryId" = any($1::text[]::bigint[]) and day >= $2::date and day < $3::date group by "repositoryId"`;

/** At most 20 job names per commit. */
async function redJobs(prisma: PrismaClient, commits: { repo: string; sha: string }[]): Promise<Map<string, string[]>> {
  if (commits.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<{ repo: string; sha: string; jobs: string[] }[]>(RED_JOBS, commits.map((c) => c.repo), commits.map((c) => c.sha));
  return new Map(rows.map((r) => [`${r.repo} ${r.sha}`, r.jobs.slice(0, 20)]));
}
