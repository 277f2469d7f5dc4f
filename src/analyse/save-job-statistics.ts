// The statistics each failed job's log gave while it was classified (same worker, same text), stored
// as one value per job run, statistic and group.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { JobReport, Statistic } from "../model/index.js";
import { saveStatisticValues } from "../statistics/index.js";

export async function saveJobStatistics(
  prisma: PrismaClient,
  jobs: readonly JobReport[],
  at: { repositoryId: number; now: Date; statistics: readonly Statistic[] | undefined },
): Promise<void> {
  const units = new Map((at.statistics ?? []).map((s) => [s.id, s.unit]));
  for (const { job, failure } of jobs) {
    if (!failure.statistics?.length) continue;
    await saveStatisticValues(prisma, { jobId: job.id, repositoryId: at.repositoryId, at: job.completedAt ?? at.now, readings: failure.statistics, units });
  }
}
