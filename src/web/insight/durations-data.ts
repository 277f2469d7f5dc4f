// How long jobs take, per job and UTC day, and per step of one job: mean, median, p90, min, max and
// standard deviation of successful runs (a crash after 10 s is not "faster"), aggregated in SQL; and
// each job's slowdown verdict (decide/slowdown.ts) from its last days' runs against the weeks before.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { detectSlowdown, defaultSlowdownPolicy, type Slowdown, type SlowdownPolicy } from "../../decide/index.js";
import { STATS_COLUMNS, stepTime, toStats, type DurationStats, type StatsRow } from "./duration-stats-sql.js";
import type { HealthRepo } from "./main-health-data.js";
import { windowDays } from "./window-days.js";

const DAY = 24 * 3600 * 1000;
export const DURATION_DAYS = 30;
const MAX_JOBS = 30;
const MAX_STEPS = 40;
/** Samples read for the detector: a very busy repository's 17 days, cut beyond (newest kept). */
const MAX_SAMPLES = 50_000;

export interface JobDurations {
  name: string;
  window: DurationStats;
  /** One entry per day of the window with runs, oldest first. */
  daily: DurationStats[];
  slowdown: Slowdown;
}

export interface Durations {
  repo: HealthRepo;
  days: number;
  /** The window's days, oldest first (YYYY-MM-DD). */
  dayList: string[];
  policy: SlowdownPolicy;
  jobs: JobDurations[];
}

export interface StepDurations {
  name: string;
  window: DurationStats;
  daily: DurationStats[];
}

const RUNS = `select name, "completedAt" as at, extract(epoch from ("completedAt" - "startedAt"))::float8 as s
  from "Job" where "repositoryId" = $1::bigint and conclusion = 'success' and "completedAt" >= $2::timestamp and "completedAt" <= $3::timestamp
    and "startedAt" is not null and "startedAt" <= "completedAt"`;

const JOB_STATS = `with runs as (${RUNS}),
top as (select name from runs group by name order by count(*) desc, name limit $4)
select r.name, to_char(date_trunc('day', r.at), 'YYYY-MM-DD') as day, ${STATS_COLUMNS}
from runs r join top t on t.name = r.name
group by grouping sets ((r.name, date_trunc('day', r.at)), (r.name))
order by r.name, day nulls first`;

const SAMPLES = `select name, s, at >= $5::timestamp as recent from (${RUNS}) runs where name = any($4::text[]) order by at desc limit ${MAX_SAMPLES}`;

const STEP_STATS = `with st as (
  select j."completedAt" as at, e->>'name' as step,
    case when e->>'number' ~ '^[0-9]{1,6}$' then (e->>'number')::int end as num,
    extract(epoch from (${stepTime("completed_at")} - ${stepTime("started_at")}))::float8 as s
  from "Job" j cross join lateral jsonb_array_elements(case when jsonb_typeof(j.steps) = 'array' then j.steps else '[]'::jsonb end) e
  where j."repositoryId" = $1::bigint and j.name = $4 and j.conclusion = 'success' and j."completedAt" >= $2::timestamp and j."completedAt" <= $3::timestamp
    and jsonb_typeof(e) = 'object' and e->>'conclusion' = 'success' and e->>'name' is not null)
select step, min(num) as num, to_char(date_trunc('day', at), 'YYYY-MM-DD') as day, ${STATS_COLUMNS}
from st where s >= 0
group by grouping sets ((step, date_trunc('day', at)), (step))
order by step, day nulls first`;

type Row = StatsRow & { name: string; day: string | null };

export async function loadDurations(prisma: PrismaClient, repo: HealthRepo, now: Date, policy: SlowdownPolicy = defaultSlowdownPolicy, days = DURATION_DAYS): Promise<Durations> {
  const window = windowDays(now, days);
  const rows = await prisma.$queryRawUnsafe<Row[]>(JOB_STATS, String(repo.id), window.from.toISOString(), now.toISOString(), MAX_JOBS);
  const names = [...new Set(rows.map((r) => r.name))];
  const slowdowns = await jobSlowdowns(prisma, repo.id, names, now, policy);
  const jobs = names.map((name) => {
    const mine = rows.filter((r) => r.name === name).map(toStats);
    return { name, window: mine.find((s) => s.day === null)!, daily: mine.filter((s) => s.day !== null), slowdown: slowdowns.get(name)! };
  });
  jobs.sort((a, b) => Number(b.slowdown.flagged) - Number(a.slowdown.flagged) || b.window.runs - a.window.runs || a.name.localeCompare(b.name));
  return { repo, days, dayList: window.days, policy, jobs };
}

/** The slowdown verdict of each named job of one repository. */
export async function jobSlowdowns(prisma: PrismaClient, repositoryId: bigint, names: readonly string[], now: Date, policy: SlowdownPolicy): Promise<Map<string, Slowdown>> {
  const recentFrom = new Date(now.getTime() - policy.recentDays * DAY);
  const from = new Date(recentFrom.getTime() - policy.baselineDays * DAY);
  const samples = names.length
    ? await prisma.$queryRawUnsafe<{ name: string; s: number; recent: boolean }[]>(SAMPLES, String(repositoryId), from.toISOString(), now.toISOString(), names, recentFrom.toISOString())
    : [];
  return new Map(
    names.map((name) => {
      const mine = samples.filter((r) => r.name === name);
      return [name, detectSlowdown(mine.filter((r) => r.recent).map((r) => Number(r.s)), mine.filter((r) => !r.recent).map((r) => Number(r.s)), policy)];
    }),
  );
}

export async function loadStepDurations(prisma: PrismaClient, repo: HealthRepo, job: string, now: Date, days = DURATION_DAYS): Promise<StepDurations[]> {
  const window = windowDays(now, days);
  const rows = await prisma.$queryRawUnsafe<(StatsRow & { step: string; num: number | null; day: string | null })[]>(STEP_STATS, String(repo.id), window.from.toISOString(), now.toISOString(), job);
  const order = rows.filter((r) => r.day === null).sort((a, b) => (a.num ?? 1e9) - (b.num ?? 1e9) || a.step.localeCompare(b.step));
  return order.slice(0, MAX_STEPS).map((w) => {
    const mine = rows.filter((r) => r.step === w.step);
    return { name: w.step, window: toStats(w), daily: mine.filter((r) => r.day !== null).map(toStats) };
  });
}
