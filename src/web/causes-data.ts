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

// Per cause in the window; first sighting over all history; new ones first, then the most frequent.
const TOP = `
with w as (
  select "keyType" as t, "causeKey" as k, verdict::text as v, min(kind) as kind, min(category) as category, sum(count)::int as n,
    sum(seconds)::float8 / 60 as minutes, count(distinct "repositoryId")::int as repos, max("lastSeen") as last,
    (array_agg("latestJobId" order by "lastSeen" desc))[1] as latest
  from "DailyCause" where ${REPOS} and day >= $2::date group by 1, 2, 3
), f as (
  select d."keyType" as t, d."causeKey" as k, d.verdict::text as v, min(d."firstSeen") as first
  from "DailyCause" d join w on d."keyType" = w.t and d."causeKey" = w.k and d.verdict::text = w.v
  where d.${REPOS} group by 1, 2, 3
), ranked as (
  select w.*, f.first, row_number() over (partition by (w.t = 'test') order by (f.first >= $3) desc, w.n desc, w.last desc, w.k) as rank
  from w join f using (t, k, v)
)
select * from ranked where rank <= $4 order by (t = 'test'), rank`;

const TOTALS = `select coalesce(sum(count), 0)::int as n, coalesce(sum(seconds), 0)::float8 / 60 as minutes from "DailyCause" where ${REPOS} and day >= $2::date and "keyType" <> 'test'`;

const PICKED = `select * from unnest($3::text[], $4::text[], $5::text[]) as p(t, k, v)`;
const DAILY = `
select d."keyType" as t, d."causeKey" as k, d.verdict::text as v, d.day, sum(d.count)::int as n
from "DailyCause" d join (${PICKED}) p on d."keyType" = p.t and d."causeKey" = p.k and d.verdict::text = p.v
where d.${REPOS} and d.day >= $2::date group by 1, 2, 3, 4`;
const JOBS = `
select j."keyType" as t, j."causeKey" as k, j.verdict::text as v, count(distinct (j."repositoryId", j."jobName"))::int as n
from "JobCause" j join (${PICKED}) p on j."keyType" = p.t and j."causeKey" = p.k and j.verdict::text = p.v
where j.${REPOS} and j.day >= $2::date group by 1, 2, 3`;

type Top = { t: CauseType; k: string; v: string; kind: string; category: string | null; n: number; minutes: number; repos: number; last: Date; latest: number; first: Date };

export async function loadCauses(prisma: PrismaClient, repos: readonly RepoRef[], now: Date, days: number): Promise<CausesData> {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY);
  const newSince = new Date(now.getTime() - NEW_DAYS * DAY);
  const ids = repos.map((r) => r.id.toString());
  const fromDay = from.toISOString().slice(0, 10);
  const [top, totals] = await Promise.all([
    prisma.$queryRawUnsafe<Top[]>(TOP, ids, fromDay, newSince, LIMIT),
    prisma.$queryRawUnsafe<{ n: number; minutes: number }[]>(TOTALS, ids, fromDay),
  ]);
  const picked = [top.map((r) => r.t), top.map((r) => r.k), top.map((r) => r.v)];
  const [daily, jobs, latest] = await Promise.all([
    top.length ? prisma.$queryRawUnsafe<{ t: string; k: string; v: string; day: Date; n: number }[]>(DAILY, ids, fromDay, ...picked) : [],
    top.length ? prisma.$queryRawUnsafe<{ t: string; k: string; v: string; n: number }[]>(JOBS, ids, fromDay, ...picked) : [],
    prisma.job.findMany({
      where: { id: { in: [...new Set(top.map((r) => r.latest))] } },
      select: { id: true, repositoryId: true, headSha: true, name: true, classification: { select: { matchedText: true, excerpt: true, reason: true } } },
    }),
  ]);
  const id = (t: string, k: string, v: string) => JSON.stringify([t, k, v]);
  const series = new Map<string, number[]>();
  for (const d of daily) {
    const key = id(d.t, d.k, d.v);
    const values = series.get(key) ?? new Array<number>(days).fill(0);
    const i = Math.round((utcMidnight(d.day) - from.getTime()) / DAY);
    if (i >= 0 && i < days) values[i] = (values[i] ?? 0) + d.n;
    series.set(key, values);
  }
  const jobCount = new Map(jobs.map((j) => [id(j.t, j.k, j.v), j.n]));
  const byId = new Map(repos.map((r) => [r.id.toString(), r]));
  const latestOf = new Map(latest.map((j) => [j.id, j]));
  const rows = top.map((r): CauseRow => {
    const j = latestOf.get(r.latest);
    const repo = j ? byId.get(j.repositoryId.toString()) : undefined;
    return {
      type: r.t, key: r.k, verdict: r.v === "known_problem" ? "known-problem" : (r.v as VerdictClass), kind: r.kind, category: r.category,
      count: r.n, jobs: jobCount.get(id(r.t, r.k, r.v)) ?? 0, repositories: r.repos, minutesLost: r.minutes,
      firstSeen: r.first, lastSeen: r.last, isNew: r.first >= newSince, daily: series.get(id(r.t, r.k, r.v)) ?? new Array<number>(days).fill(0),
      latest: j && repo ? { repo, sha: j.headSha, jobName: j.name, line: j.classification?.matchedText ?? null, excerpt: j.classification?.excerpt ?? null, reason: j.classification?.reason ?? "" } : null,
    };
  });
  return {
    days, from, generatedAt: now, newDays: NEW_DAYS,
    causes: rows.filter((r) => r.type !== "test"), tests: rows.filter((r) => r.type === "test"),
    failures: totals[0]?.n ?? 0, minutesLost: totals[0]?.minutes ?? 0,
  };
}

function utcMidnight(d: Date | string): number {
  const at = new Date(d);
  return Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate());
}
