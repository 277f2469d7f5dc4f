// What the causes pages show for some repositories (one, or an organisation's readable ones), read
// from the daily rollup (src/rollup/) in one query and never from the Job table: the most frequent
// causes of the window with new ones first, each with its daily counts, jobs and repositories hit,
// job-minutes lost, first sighting and the error of its latest failure.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { VerdictClass } from "../../model/index.js";
import { REPOSITORIES_WORK_MEM, causesSql } from "./causes-sql.js";
import type { RepoRef } from "../reader.js";

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

type Top = {
  t: CauseType; k: string; v: string; kind: string; category: string | null; n: number; minutes: number; jobs: number; repos: number; last: Date; first: Date;
  total: bigint | number; total_minutes: number; offsets: number[]; counts: number[]; latest: number;
};

/**
 * `owner` (lower-cased) when `repos` are every repository of that owner and its rollup sums exactly
 * them (see org-causes-scope.ts): the owner's rows are read instead of one per repository.
 */
export async function loadCauses(prisma: PrismaClient, repos: readonly RepoRef[], now: Date, days: number, owner?: string): Promise<CausesData> {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (days - 1) * DAY);
  const newSince = new Date(now.getTime() - NEW_DAYS * DAY);
  const fromDay = from.toISOString().slice(0, 10);
  const top = owner === undefined
    ? (await prisma.$transaction([prisma.$executeRawUnsafe(REPOSITORIES_WORK_MEM), prisma.$queryRawUnsafe<Top[]>(causesSql("repositories"), repos.map((r) => r.id.toString()), fromDay, newSince, LIMIT)]))[1]
    : await prisma.$queryRawUnsafe<Top[]>(causesSql("owner"), owner, fromDay, newSince, LIMIT);
  const latest = await prisma.job.findMany({
    where: { id: { in: top.map((r) => r.latest) } },
    select: { id: true, repositoryId: true, headSha: true, name: true, classification: { select: { matchedText: true, excerpt: true, reason: true } } },
  });
  const byId = new Map(repos.map((r) => [r.id.toString(), r]));
  const latestOf = new Map(latest.map((j) => [j.id, j]));
  const rows = top.map((r): CauseRow => {
    const j = latestOf.get(r.latest);
    const repo = j ? byId.get(j.repositoryId.toString()) : undefined;
    return {
      type: r.t, key: r.k, verdict: r.v === "known_problem" ? "known-problem" : (r.v as VerdictClass), kind: r.kind, category: r.category,
      count: r.n, jobs: r.jobs, repositories: r.repos, minutesLost: r.minutes,
      firstSeen: r.first, lastSeen: r.last, isNew: r.first >= newSince, daily: series(r.offsets, r.counts, days),
      latest: j && repo ? { repo, sha: j.headSha, jobName: j.name, line: j.classification?.matchedText ?? null, excerpt: j.classification?.excerpt ?? null, reason: j.classification?.reason ?? "" } : null,
    };
  });
  return {
    days, from, generatedAt: now, newDays: NEW_DAYS,
    causes: rows.filter((r) => r.type !== "test"), tests: rows.filter((r) => r.type === "test"),
    failures: Number(top[0]?.total ?? 0), minutesLost: top[0]?.total_minutes ?? 0,
  };
}

/** Failures per day of the window from (day offset, count) pairs; one day may come once per repository. */
function series(offsets: readonly number[], counts: readonly number[], days: number): number[] {
  const values = new Array<number>(days).fill(0);
  offsets.forEach((i, n) => {
    if (i >= 0 && i < days) values[i] = (values[i] ?? 0) + (counts[n] ?? 0);
  });
  return values;
}
