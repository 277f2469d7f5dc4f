// Generated successful and other jobs for the durations rollup's tests, and the oracle they are held
// to: the org grid's query from before the rollup, which sorted every successful job of the window.
// Jobs finish on whole seconds (as GitHub reports them) and start on any millisecond.
import type { PrismaClient } from "../../src/db/index.js";
import type { Prisma } from "../../src/generated/prisma/client.js";
import { mulberry32 } from "../helpers/seeded-random.js";

export const NOW = new Date("2026-11-20T15:00:00Z");
export const TODAY = "2026-11-20";
export const REPOS = [11n, 12n, 13n];
const DAY = 24 * 3600 * 1000;
let ext = 0;

export async function seedRepos(prisma: PrismaClient): Promise<void> {
  await prisma.installation.create({ data: { id: 1n, accountLogin: "acme" } });
  for (const id of REPOS) await prisma.repository.create({ data: { id, installationId: 1n, owner: "acme", name: `r${id}` } });
}

/** A job finished `daysAgo` days before today at `hour` UTC, `seconds` long (null: no start time). */
export function jobRow(repositoryId: bigint, daysAgo: number, seconds: number | null, conclusion = "success", hour = 10): Prisma.JobCreateManyInput {
  const completedAt = new Date(Date.UTC(2026, 10, 20) - daysAgo * DAY + hour * 3600_000);
  const startedAt = seconds === null ? null : new Date(completedAt.getTime() - Math.round(seconds * 1000));
  return { repositoryId, provider: "actions", externalId: String(++ext), headSha: "a".repeat(40), name: "build", status: "completed", conclusion, startedAt, completedAt };
}

/** 21 days of history in each repository: 0–7 jobs a day, mostly successful, a few without a start or with the clocks skewed. */
export async function seedHistory(prisma: PrismaClient, seed = 7): Promise<void> {
  const random = mulberry32(seed);
  const rows: Prisma.JobCreateManyInput[] = [];
  for (const repo of REPOS) {
    for (let d = 0; d <= 20; d++) {
      const n = Math.floor(random() * 8);
      for (let k = 0; k < n; k++) {
        const roll = random();
        const conclusion = roll < 0.8 ? "success" : roll < 0.9 ? "failure" : "cancelled";
        const seconds = random() < 0.05 ? null : random() < 0.05 ? -30 : 30 + random() * 900;
        rows.push(jobRow(repo, d, seconds, conclusion, Math.floor(random() * 24)));
      }
    }
  }
  await prisma.job.createMany({ data: rows });
}

/** The grid's median per repository and day as it was computed before the rollup (from Job alone). */
export async function oracle(prisma: PrismaClient, from: Date, to: Date): Promise<{ repo: string; day: number; runs: number; median: number }[]> {
  const rows = await prisma.$queryRawUnsafe<{ repo: string; day: bigint | number; median: number; n: number }[]>(
    `select j."repositoryId"::text as repo, (extract(epoch from j."completedAt")::bigint / 86400) as day,
       percentile_cont(0.5) within group (order by extract(epoch from (j."completedAt" - j."startedAt"))) as median, count(*)::int as n
     from "Job" j
     where j."repositoryId" in (${REPOS.join(", ")}) and j.conclusion = 'success'
       and j."completedAt" >= $1::timestamp and j."completedAt" < $2::timestamp
       and j."startedAt" is not null and j."completedAt" >= j."startedAt"
     group by j."repositoryId", 2`,
    from.toISOString(),
    to.toISOString(),
  );
  return sorted(rows.map((r) => ({ repo: r.repo, day: Number(r.day), runs: Number(r.n), median: Number(r.median) })));
}

export function sorted<T extends { repo: string; day: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.repo.localeCompare(b.repo) || a.day - b.day);
}

export const dayNumber = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`) / DAY;
export const daysAgo = (n: number) => new Date(Date.UTC(2026, 10, 20) - n * DAY);
