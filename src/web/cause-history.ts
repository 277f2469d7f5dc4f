// How often a cause was seen lately, and on which jobs: tells "this breaks all the time" from
// "this is new". Only within the same repository, so a page never reveals another repository's jobs.
import type { PrismaClient } from "../generated/prisma/client.js";

export const HISTORY_DAYS = 30;
const MAX_ROWS = 2_000;

export interface CauseHistory {
  days: number;
  count: number;
  jobs: { name: string; count: number }[];
}

export async function causeHistory(
  prisma: PrismaClient,
  repositoryId: bigint,
  cause: { patternId: string | null; signature: string | null },
  now: Date,
): Promise<CauseHistory | null> {
  const same = cause.patternId ? { patternId: cause.patternId } : cause.signature ? { patternId: null, signature: cause.signature } : null;
  if (!same) return null; // a failure without pattern or signature has nothing to compare with
  const since = new Date(now.getTime() - HISTORY_DAYS * 24 * 3600 * 1000);
  const rows = await prisma.classification.findMany({
    where: { ...same, updatedAt: { gte: since }, job: { repositoryId } },
    select: { job: { select: { name: true } } },
    take: MAX_ROWS,
  });
  const byName = new Map<string, number>();
  for (const r of rows) byName.set(r.job.name, (byName.get(r.job.name) ?? 0) + 1);
  const jobs = [...byName].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { days: HISTORY_DAYS, count: rows.length, jobs };
}
