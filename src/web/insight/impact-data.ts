// What CI failures cost one repository over a window, counted in SQL: how often a job passes at its
// first attempt, how many workflow runs went green only after a re-run, the runner minutes re-runs
// took (by who asked: Sift, a person through a Sift command, or someone on GitHub), and how many pull
// requests each cause blocked (a head of the PR had a genuine or known-problem failure of it).
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { HealthRepo } from "./main-health-data.js";
import { windowDays } from "./window-days.js";

export const IMPACT_DAYS = 30;
const FAILED = `('failure', 'timed_out', 'startup_failure', 'error')`; // model/failed-conclusion.ts
/** top-causes.ts's cause key: the pattern id, else the signature, else "no pattern matched". */
const CAUSE = `coalesce(c."patternId", 'signature ' || c.signature, 'no pattern matched')`;

export interface Impact {
  repo: HealthRepo;
  days: number;
  firstAttempt: { jobs: number; passed: number; rate: number | null; worst: { name: string; jobs: number; passed: number; rate: number }[] };
  runs: { total: number; greenFirst: number; greenAfterRerun: number; red: number; shareGreenAfterRerun: number | null };
  rerunMinutes: { total: number; sift: number; command: number; other: number; jobs: number };
  blockedPrs: { cause: string; prs: number; failures: number }[];
}

/** Completed jobs of repository $1 that finished in [$2, $3]; `a` is the table's alias with its dot. */
const inWindow = (a = "") => `${a}"repositoryId" = $1::bigint and ${a}"completedAt" >= $2::timestamp and ${a}"completedAt" <= $3::timestamp and ${a}status = 'completed'`;
const WINDOW = inWindow();

// Cancelled, skipped and neutral first attempts count neither way.
const FIRST_ATTEMPT = `select name, count(*)::int as jobs, (count(*) filter (where conclusion = 'success'))::int as passed
from "Job" where ${WINDOW} and "runAttempt" = 1 and (conclusion = 'success' or conclusion in ${FAILED})
group by grouping sets ((name), ()) order by name nulls first`;

const RUNS = `with per_job as (
  select "runId", name, bool_or("runAttempt" < last_attempt and conclusion in ${FAILED}) as failed_before,
    bool_or("runAttempt" = last_attempt and conclusion in ${FAILED}) as failed_last
  from (select *, max("runAttempt") over (partition by "runId", name) as last_attempt from "Job"
        where ${WINDOW} and provider = 'actions' and "runId" is not null) j
  group by "runId", name),
per_run as (select "runId", bool_or(failed_before) as rerun_saved, bool_or(failed_last) as red from per_job group by "runId")
select count(*)::int as total, (count(*) filter (where red))::int as red,
  (count(*) filter (where not red and rerun_saved))::int as "greenAfterRerun", (count(*) filter (where not red and not rerun_saved))::int as "greenFirst"
from per_run`;

// A re-run attempt is Sift's (or a command's) when Sift's request on the attempt before it was taken.
const RERUN_MINUTES = `with asked as (
  select distinct rj."runId", rj."runAttempt" + 1 as attempt, r.trigger
  from "Retry" r join "Job" rj on rj.id = r."jobId"
  where r."repositoryId" = $1::bigint and r.status = 'requested' and r."createdAt" <= $3::timestamp and rj."runId" is not null),
reruns as (
  select j.id, extract(epoch from (j."completedAt" - j."startedAt"))::float8 / 60 as minutes,
    case when exists (select 1 from asked a where a."runId" = j."runId" and a.attempt = j."runAttempt" and a.trigger = 'auto') then 'sift'
         when exists (select 1 from asked a where a."runId" = j."runId" and a.attempt = j."runAttempt") then 'command' else 'other' end as who
  from "Job" j where ${inWindow("j.")} and j."runAttempt" > 1 and j."startedAt" is not null and j."startedAt" <= j."completedAt")
select who, count(*)::int as jobs, coalesce(sum(minutes), 0)::float8 as minutes from reruns group by who`;

const BLOCKED = `select ${CAUSE} as cause, count(distinct pr)::int as prs, count(distinct j.id)::int as failures
from "HeadCommit" h cross join lateral unnest(h."prNumbers") as pr
join "Job" j on j."repositoryId" = h."repositoryId" and j."headSha" = h.sha
join "Classification" c on c."jobId" = j.id and c.verdict in ('genuine', 'known_problem')
where h."repositoryId" = $1::bigint and j."completedAt" >= $2::timestamp and j."completedAt" <= $3::timestamp
group by 1 order by prs desc, failures desc, cause limit 15`;

export async function loadImpact(prisma: PrismaClient, repo: HealthRepo, now: Date, days = IMPACT_DAYS): Promise<Impact> {
  const params = [String(repo.id), windowDays(now, days).from.toISOString(), now.toISOString()];
  const [first, runRows, minutes, blocked] = await Promise.all([
    prisma.$queryRawUnsafe<{ name: string | null; jobs: number; passed: number }[]>(FIRST_ATTEMPT, ...params),
    prisma.$queryRawUnsafe<{ total: number; red: number; greenAfterRerun: number; greenFirst: number }[]>(RUNS, ...params),
    prisma.$queryRawUnsafe<{ who: "sift" | "command" | "other"; jobs: number; minutes: number }[]>(RERUN_MINUTES, ...params),
    prisma.$queryRawUnsafe<{ cause: string; prs: number; failures: number }[]>(BLOCKED, ...params),
  ]);
  const all = first.find((r) => r.name === null);
  const jobs = Number(all?.jobs ?? 0);
  const passed = Number(all?.passed ?? 0);
  const worst = first
    .filter((r): r is typeof r & { name: string } => r.name !== null && Number(r.jobs) >= 5)
    .map((r) => ({ name: r.name, jobs: Number(r.jobs), passed: Number(r.passed), rate: Number(r.passed) / Number(r.jobs) }))
    .filter((r) => r.rate < 1)
    .sort((a, b) => a.rate - b.rate || b.jobs - a.jobs || a.name.localeCompare(b.name))
    .slice(0, 10);
  const r = runRows[0];
  const total = Number(r?.total ?? 0);
  const greenAfterRerun = Number(r?.greenAfterRerun ?? 0);
  const by = (who: string) => minutes.find((m) => m.who === who);
  const mins = (who: string) => Number(by(who)?.minutes ?? 0);
  return {
    repo,
    days,
    firstAttempt: { jobs, passed, rate: jobs ? passed / jobs : null, worst },
    runs: { total, greenFirst: Number(r?.greenFirst ?? 0), greenAfterRerun, red: Number(r?.red ?? 0), shareGreenAfterRerun: total ? greenAfterRerun / total : null },
    rerunMinutes: { total: mins("sift") + mins("command") + mins("other"), sift: mins("sift"), command: mins("command"), other: mins("other"), jobs: minutes.reduce((n, m) => n + Number(m.jobs), 0) },
    blockedPrs: blocked.map((b) => ({ cause: b.cause, prs: Number(b.prs), failures: Number(b.failures) })),
  };
}
