// Successful Actions jobs whose logs a `successful: true` statistic may want, waiting for the
// statistics worker. Enqueued by the workflow_job handler (one insert, whatever the configuration:
// the worker decides with the repository's config), claimed with SKIP LOCKED so replicas share the
// queue, and kept a day after with their outcome, which is what the hourly budget counts.
import type { PrismaClient } from "../generated/prisma/client.js";

export type StatisticLogOutcome = "read" | "none" | "skipped" | "failed";

export interface ClaimedStatisticLog {
  id: number;
  repositoryId: bigint;
  installationId: bigint;
  jobId: number;
}

/** A claim older than this is taken again (its process died reading the log). */
const CLAIM_SECONDS = 600;
/** Finished rows are kept this long (the budget needs the last hour), then deleted. */
const KEEP_HOURS = 24;

export interface SucceededJob {
  repositoryId: number;
  installationId: number;
  /** The Actions job id (the Job row's externalId). */
  externalId: string;
}

export async function enqueueStatisticLog(prisma: PrismaClient, job: SucceededJob, now: Date): Promise<void> {
  await prisma.$executeRawUnsafe(
    `insert into "StatisticLog" ("repositoryId", "installationId", "jobId", "notBefore", "createdAt")
     select j."repositoryId", $2::bigint, j.id, $4::timestamp, $4::timestamp from "Job" j
     where j."repositoryId" = $1::bigint and j.provider = 'actions' and j."externalId" = $3 and j.conclusion = 'success'
     on conflict ("jobId") do nothing`,
    String(job.repositoryId), String(job.installationId), job.externalId, now.toISOString(),
  );
}

export async function claimStatisticLogs(prisma: PrismaClient, now: Date, limit: number): Promise<ClaimedStatisticLog[]> {
  const rows = await prisma.$queryRawUnsafe<{ id: number; repositoryId: bigint; installationId: bigint; jobId: number }[]>(
    `update "StatisticLog" set state = 'reading', "doneAt" = $1::timestamp
     where id in (select id from "StatisticLog"
                  where (state = 'pending' and "notBefore" <= $1::timestamp) or (state = 'reading' and "doneAt" < $2::timestamp)
                  order by id limit $3 for update skip locked)
     returning id, "repositoryId", "installationId", "jobId"`,
    now.toISOString(), new Date(now.getTime() - CLAIM_SECONDS * 1000).toISOString(), limit,
  );
  return rows.map((r) => ({ id: Number(r.id), repositoryId: BigInt(r.repositoryId), installationId: BigInt(r.installationId), jobId: Number(r.jobId) }));
}

export async function finishStatisticLog(prisma: PrismaClient, id: number, outcome: StatisticLogOutcome, reason: string | null, now: Date): Promise<void> {
  await prisma.statisticLog.update({ where: { id }, data: { state: outcome, reason, doneAt: now } });
}

/** Back to the queue (the log was not stored yet: GitHub answers 404 for a while after the job). */
export async function deferStatisticLog(prisma: PrismaClient, id: number, notBefore: Date): Promise<void> {
  await prisma.statisticLog.update({ where: { id }, data: { state: "pending", notBefore, doneAt: null } });
}

/** Logs of the repository downloaded (read or failed) in the hour before `now`: what the budget counts. */
export async function logsReadLastHour(prisma: PrismaClient, repositoryId: bigint, now: Date): Promise<number> {
  return prisma.statisticLog.count({ where: { repositoryId, state: { in: ["read", "failed"] }, doneAt: { gt: new Date(now.getTime() - 3600_000) } } });
}

export async function purgeStatisticLogs(prisma: PrismaClient, now: Date): Promise<number> {
  const { count } = await prisma.statisticLog.deleteMany({ where: { state: { notIn: ["pending", "reading"] }, doneAt: { lt: new Date(now.getTime() - KEEP_HOURS * 3600_000) } } });
  return count;
}
