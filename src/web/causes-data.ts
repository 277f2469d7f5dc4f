// What the causes pages show for some repositories (one, or an organisation's readable ones), read
// from the daily rollup (src/rollup/) and never from the Job table: the most frequent causes of the
// window with new ones first, each with its daily counts, jobs and repositories hit, job-minutes
// lost, first sighting and the error of its latest failure.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { VerdictClass } from "../model/index.js";
import type { RepoRef } from "./reader.js";

const DAY = 24 * 3600 * 1000;
export const CAUSE_WINDOWS = [7, 30, 90] as const;
export const NEW_DAYS = 7;
const LIMIT = 50;

export type CauseType = "pattern" | "signature" | "test";

export interface CauseRow {
  type: CauseType;
  key: string;
  verdict: VerdictClass;
  kind: string;
  category: string | null;
  count: number;
  /** Distinct jobs (repository and job name) that failed with it in the window. */
  jobs: number;
  repositories: number;
  minutesLost: number;
  /** First failure with this cause in these repositories, at any time. */
  firstSeen: Date;
  lastSeen: Date;
  isNew: boolean;
  /** Failures per UTC day of the window, oldest first. */
  daily: number[];
  latest: { repo: RepoRef; sha: string; jobName: string; line: string | null; excerpt: string | null; reason: string } | null;
}

export interface CausesData {
  days: number;
  /** The window's first UTC day. */
  from: Date;
  generatedAt: Date;
  newDays: number;
  /** Failures by pattern or failure line (each failed job counts once). */
  causes: CauseRow[];
  /** Failing tests of genuine failures. */
  tests: CauseRow[];
  /** Failed jobs in the window (each once) and their minutes lost. */
  failures: number;
  minutesLost: number;
}

export function causeWindow(value: string | null): number {
  const n = Number(value);
  return (CAUSE_WINDOWS as readonly number[]).includes(n) ? n : 30;
}

const REPOS = `"repositoryId" = any($1::text[]::bigint[])`;

// One pass over the rollup of these repositories: per cause the window's sums and the first sighting
// at any time; new ones first, then the most frequent. What needs a distinct count or the latest row
// (jobs, repositories, the latest failure) is asked for the chosen causes only.
const TOP = `
with a as (
  select "keyType" as t, "causeKey" as k, verdict::text as v, min(kind) as kind, min(category) as category,
    sum(count) filter (where day >= $2::date)::int as n, sum(seconds) filter (where day >= $2::date)::float8 / 60 as minutes,
    max("lastSeen") as last, min("firstSeen") as first
  from "DailyCause" where ${REPOS} group by 1, 2, 3
), ranked as (
  select a.*, row_number() over (partition by (t = 'test') order by (first >= $3) desc, n desc, last desc, k) as rank,
    sum(n) filter (where t <> 'test') over () as total, sum(minutes) filter (where t <> 'test') over () as total_minutes
  from a where n > 0
)
select * from ranked where rank <= $4 order by (t = 'test'), rank`;

const PICKED = `select * from unnest($3::text[], $4::text[], $5::text[]) as p(t, k, v)`;
const DAILY = `
select d."keyType" as t, d."causeKey" as k, d.verdict::text as v, d.day, sum(d.count)::int as n
from "DailyCause" d join (${PICKED}) p on d."keyType" = p.t and d."causeKey" = p.k and d.verdict::text = p.v
where d.${REPOS} and d.day >= $2::date group by 1, 2, 3, 4`;
// The latest failure of each chosen cause: one index probe each, newest day first.
const LATEST = `
select p.t, p.k, p.v, l."latestJobId" as latest from (${PICKED}) p cross join lateral (
  select d."latestJobId" from "DailyCause" d where d."keyType" = p.t and d."causeKey" = p.k and d.verdict::text = p.v and d.${REPOS} and d.day >= $2::date
  order by d.day desc, d."lastSeen" desc limit 1) l`;

// Distinct (repository, job name) pairs first (a hash aggregate), then counted: no sort of every row.
const JOBS = `
with hit as (
  select distinct j."keyType" as t, j."causeKey" as k, j.verdict::text as v, j."repositoryId" as r, j."jobName" as name
  from "JobCause" j join (${PICKED}) p on j."keyType" = p.t and j."causeKey" = p.k and j.verdict::text = p.v
  where j.${REPOS} and j.day >= $2::date
)
select t, k, v, count(*)::int as n, count(distinct r)::int as repos from hit group by 1, 2, 3`;

type Top = { t: CauseType; k: string; v: string; kind: string; category: string | null; n: number; minutes: number; last: Date; first: Date; total: bigint | number; total_minutes: number };
type Day = { t: string; k: string; v: string; day: Date; n: number };

export async function loadCauses(prisma: PrismaClient, repos: readonly RepoRef[], now: Date, days: number): Promise<CausesData> {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY);
  const newSince = new Date(now.getTime() - NEW_DAYS * DAY);
  const ids = repos.map((r) => r.id.toString());
  const fromDay = from.toISOString().slice(0, 10);
  const top = await prisma.$queryRawUnsafe<Top[]>(TOP, ids, fromDay, newSince, LIMIT);
  const picked = [top.map((r) => r.t), top.map((r) => r.k), top.map((r) => r.v)];
  const [daily, jobs, newestRows] = await Promise.all([
    top.length ? prisma.$queryRawUnsafe<Day[]>(DAILY, ids, fromDay, ...picked) : [],
    top.length ? prisma.$queryRawUnsafe<{ t: string; k: string; v: string; n: number; repos: number }[]>(JOBS, ids, fromDay, ...picked) : [],
    top.length ? prisma.$queryRawUnsafe<{ t: string; k: string; v: string; latest: number }[]>(LATEST, ids, fromDay, ...picked) : [],
  ]);
  const id = (t: string, k: string, v: string) => JSON.stringify([t, k, v]);
  const series = new Map<string, number[]>();
  const newest = new Map(newestRows.map((r) => [id(r.t, r.k, r.v), r]));
  for (const d of daily) {
    const key = id(d.t, d.k, d.v);
    const values = series.get(key) ?? new Array<number>(days).fill(0);
    const i = Math.round((utcMidnight(d.day) - from.getTime()) / DAY);
    if (i >= 0 && i < days) values[i] = (values[i] ?? 0) + d.n;
    series.set(key, values);
  }
  const latest = await prisma.job.findMany({
    where: { id: { in: [...newest.values()].map((d) => d.latest) } },
    select: { id: true, repositoryId: true, headSha: true, name: true, classification: { select: { matchedText: true, excerpt: true, reason: true } } },
  });
  const jobCount = new Map(jobs.map((j) => [id(j.t, j.k, j.v), j]));
  const byId = new Map(repos.map((r) => [r.id.toString(), r]));
  const latestOf = new Map(latest.map((j) => [j.id, j]));
  const rows = top.map((r): CauseRow => {
    const key = id(r.t, r.k, r.v);
    const j = latestOf.get(newest.get(key)?.latest ?? -1);
    const repo = j ? byId.get(j.repositoryId.toString()) : undefined;
    return {
      type: r.t, key: r.k, verdict: r.v === "known_problem" ? "known-problem" : (r.v as VerdictClass), kind: r.kind, category: r.category,
      count: r.n, jobs: jobCount.get(key)?.n ?? 0, repositories: jobCount.get(key)?.repos ?? 0, minutesLost: r.minutes,
      firstSeen: r.first, lastSeen: r.last, isNew: r.first >= newSince, daily: series.get(key) ?? new Array<number>(days).fill(0),
      latest: j && repo ? { repo, sha: j.headSha, jobName: j.name, line: j.classification?.matchedText ?? null, excerpt: j.classification?.excerpt ?? null, reason: j.classification?.reason ?? "" } : null,
    };
  });
  return {
    days, from, generatedAt: now, newDays: NEW_DAYS,
    causes: rows.filter((r) => r.type !== "test"), tests: rows.filter((r) => r.type === "test"),
    failures: Number(top[0]?.total ?? 0), minutesLost: top[0]?.total_minutes ?? 0,
  };
}

function utcMidnight(d: Date | string): number {
  const at = new Date(d);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
}
