// One successful job from the statistics queue: does a `successful: true` statistic of the repository
// want it; is the repository's hourly budget of logs left; then its log is fetched and read in the
// classify pool's worker thread, and the values stored. Every outcome is recorded on the queue row,
// counted, and logged when it loses data (over budget, no log).
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import { statisticsFor } from "../classify/index.js";
import type { LoadedConfig } from "../config/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { fetchLog } from "../logs/index.js";
import type { CounterOf, Statistic } from "../model/index.js";
import {
  deferStatisticLog,
  finishStatisticLog,
  logsReadLastHour,
  saveStatisticValues,
  type ClaimedStatisticLog,
  type StatisticLogOutcome,
} from "../statistics/index.js";
import type { ClassifyPool } from "./classify-pool.js";

export const DEFAULT_STATISTICS_LOGS_PER_HOUR = 60;
/** A log GitHub has not stored yet is asked for again this much later, for at most an hour. */
const RETRY_SECONDS = 60;

export interface ReadJobStatisticsDeps {
  prisma: PrismaClient;
  log: Logger;
  now: () => Date;
  octokitFor(installationId: number): Promise<ProbotOctokit>;
  /** The repository's configuration (cached by the worker). */
  configOf(octokit: ProbotOctokit, owner: string, repo: string, repositoryId: bigint): Promise<Pick<LoadedConfig, "settings">>;
  pool: Pick<ClassifyPool, "statistics">;
  /** SIFT_STATISTICS_LOGS_PER_HOUR: successful jobs' logs downloaded per repository per hour. */
  logsPerHour: number;
  fetch?: typeof globalThis.fetch | undefined;
  /** sift_statistic_logs_total{outcome}. */
  counted?: CounterOf<"outcome"> | undefined;
}

export async function readJobStatistics(deps: ReadJobStatisticsDeps, row: ClaimedStatisticLog): Promise<StatisticLogOutcome | "deferred"> {
  const { prisma, now } = deps;
  const finish = async (outcome: StatisticLogOutcome, reason: string | null) => {
    await finishStatisticLog(prisma, row.id, outcome, reason, now());
    deps.counted?.inc({ outcome });
    return outcome;
  };
  const job = await prisma.job.findUnique({ where: { id: row.jobId }, include: { repository: true } });
  if (!job) return finish("none", "the job is no longer stored");
  const { owner, name } = job.repository;
  const octokit = await deps.octokitFor(Number(row.installationId));
  const { settings } = await deps.configOf(octokit, owner, name, row.repositoryId);
  const wanted: Statistic[] = statisticsFor((settings.statistics ?? []).filter((s) => s.successful), job.name);
  if (wanted.length === 0) return finish("none", null);

  const used = await logsReadLastHour(prisma, row.repositoryId, now());
  if (used >= deps.logsPerHour) {
    deps.log.info({ repo: `${owner}/${name}`, job: job.name }, `statistics: the hourly budget of ${deps.logsPerHour} successful-job logs is spent; job ${job.externalId} is not read`);
    return finish("skipped", `hourly budget of ${deps.logsPerHour} logs spent`);
  }
  const target = { kind: "actions-job" as const, job: { owner, repo: name, jobId: Number(job.externalId), ...(job.completedAt ? { completedAt: job.completedAt } : {}) } };
  const fetched = await fetchLog(target, { octokit, maxBytes: settings.log.max_bytes, fetch: deps.fetch, now });
  if (!fetched.ok) {
    const young = now().getTime() - (job.completedAt ?? job.updatedAt).getTime() < 3600_000;
    if (fetched.retryLater && young) {
      await deferStatisticLog(prisma, row.id, new Date(now().getTime() + RETRY_SECONDS * 1000));
      return "deferred";
    }
    deps.log.info({ repo: `${owner}/${name}`, job: job.name }, `statistics: no log for job ${job.externalId}: ${fetched.reason}`);
    return finish("failed", fetched.reason);
  }
  const read = await deps.pool.statistics({ bytes: fetched.bytes, truncatedHeadBytes: fetched.truncatedHeadBytes, statistics: wanted.map(({ id, regex }) => ({ id, regex })) });
  if (!read.ok) return finish("failed", read.reason);
  const units = new Map(wanted.map((s) => [s.id, s.unit]));
  await saveStatisticValues(prisma, { jobId: job.id, repositoryId: row.repositoryId, at: job.completedAt ?? now(), readings: read.statistics, units });
  return finish("read", `${read.statistics.length} value${read.statistics.length === 1 ? "" : "s"}`);
}
