// A job's statistic readings, replacing what an earlier read of the same job stored.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { StatisticReading } from "../model/index.js";

export interface JobReadings {
  jobId: number;
  repositoryId: number | bigint;
  /** When the job completed (or, unknown, when it was read). */
  at: Date;
  readings: readonly StatisticReading[];
  /** statistic id → unit, as the configuration says now. */
  units: ReadonlyMap<string, string>;
}

export async function saveStatisticValues(prisma: PrismaClient, job: JobReadings): Promise<void> {
  const data = job.readings.map((r) => ({
    repositoryId: BigInt(job.repositoryId),
    statisticId: r.statisticId,
    group: r.group,
    jobId: job.jobId,
    value: r.value,
    unit: job.units.get(r.statisticId) ?? "",
    at: job.at,
  }));
  await prisma.$transaction([prisma.statisticValue.deleteMany({ where: { jobId: job.jobId } }), prisma.statisticValue.createMany({ data })]);
}
