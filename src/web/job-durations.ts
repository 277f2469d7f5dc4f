// How long successful jobs take, per job name and UTC day: the median of each day, and this week's
// median against the week before. Failed runs are left out: a crash after 10 s is not "faster".
import type { PrismaClient } from "../generated/prisma/client.js";
import { median } from "../decide/index.js";

export { median };

const DAY = 24 * 3600 * 1000;
const MAX_ROWS = 50_000;

export interface JobDurationTrend {
  name: string;
  runs: number;
  /** Median seconds per UTC day, oldest first; null for days without a successful run. */
  daily: (number | null)[];
  thisWeek: number | null;
  lastWeek: number | null;
  /** thisWeek / lastWeek − 1 (0.1 = 10 % slower), null when a week has no runs. */
  change: number | null;
}

export interface DurationTrends {
  days: number;
  /** The first day shown (UTC midnight). */
  from: Date;
  jobs: JobDurationTrend[];
}

export async function jobDurations(prisma: PrismaClient, repositoryId: bigint, now: Date, opts = { days: 14, jobs: 10 }): Promise<DurationTrends> {
  const from = new Date(Math.floor(now.getTime() / DAY) * DAY - (opts.days - 1) * DAY);
  const where = { repositoryId, conclusion: "success", completedAt: { gte: from, lte: now }, startedAt: { not: null } };
  const top = await prisma.job.groupBy({ by: ["name"], where, _count: { name: true }, orderBy: [{ _count: { name: "desc" } }, { name: "asc" }], take: opts.jobs });
  if (top.length === 0) return { days: opts.days, from, jobs: [] };
  const rows = await prisma.job.findMany({ where: { ...where, name: { in: top.map((t) => t.name) } }, select: { name: true, startedAt: true, completedAt: true }, take: MAX_ROWS });
  const half = Math.floor(opts.days / 2);
  const jobs = top.map((t) => {
    const days: number[][] = Array.from({ length: opts.days }, () => []);
    for (const r of rows) {
      if (r.name !== t.name || !r.startedAt || !r.completedAt) continue;
      const seconds = (r.completedAt.getTime() - r.startedAt.getTime()) / 1000;
      if (seconds < 0) continue; // clock skew between runner and GitHub: not a duration
      days[Math.floor((r.completedAt.getTime() - from.getTime()) / DAY)]?.push(seconds);
    }
    const thisWeek = median(days.slice(-half).flat());
    const lastWeek = median(days.slice(0, opts.days - half).flat());
    return {
      name: t.name,
      runs: t._count.name,
      daily: days.map(median),
      thisWeek,
      lastWeek,
      change: thisWeek !== null && lastWeek ? thisWeek / lastWeek - 1 : null,
    };
  });
  return { days: opts.days, from, jobs };
}
