// Reads the logs of successful jobs for `successful: true` statistics, one at a time every interval,
// beside (never in front of) analyses: its own loop, its own queue, the hourly budget per repository.
// Each repository's configuration is loaded at most once per CONFIG_TTL_MS (config-cache.ts), and not
// at all while analyses of it load theirs.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import { loadConfig, type LoadedConfig } from "../config/index.js";
import { claimStatisticLogs, purgeStatisticLogs } from "../statistics/index.js";
import { createConfigCache, type ConfigCache } from "./config-cache.js";
import { readJobStatistics, type ReadJobStatisticsDeps } from "./read-job-statistics.js";

/** Rows claimed per round: small, so replicas share the queue and a round stays short. */
const BATCH = 5;

export type StatisticsWorkerDeps = Omit<ReadJobStatisticsDeps, "configOf"> & {
  log: Logger;
  intervalMs?: number | undefined;
  /** The config loader (tests pass their own); config/'s loadConfig by default. */
  loadConfig?: (octokit: ProbotOctokit, owner: string, repo: string) => Promise<Pick<LoadedConfig, "settings">>;
  /** Configurations analyses loaded (shared with the analysis stages); a private one when absent. */
  configs?: ConfigCache | undefined;
};

/** One round: claim a few queued jobs and read them. Returns how many were handled. */
export function statisticsRound(deps: StatisticsWorkerDeps): () => Promise<number> {
  const cache = deps.configs ?? createConfigCache(deps.now);
  const load = deps.loadConfig ?? loadConfig;
  const configOf: ReadJobStatisticsDeps["configOf"] = async (octokit, owner, repo, repositoryId) => {
    const hit = cache.get(repositoryId);
    if (hit) return hit;
    const config = await load(octokit, owner, repo);
    cache.remember(repositoryId, config);
    return config;
  };
  let rounds = 0;
  return async () => {
    if (rounds++ % 600 === 0) await purgeStatisticLogs(deps.prisma, deps.now());
    const rows = await claimStatisticLogs(deps.prisma, deps.now(), BATCH);
    for (const row of rows) {
      try {
        await readJobStatistics({ ...deps, configOf }, row);
      } catch (err) {
        // The claim lapses and the row is tried again later (a database or GitHub error).
        deps.log.warn({ err, job: row.jobId }, "statistics: reading a successful job's log failed; it will be tried again");
      }
    }
    return rows.length;
  };
}

export function startStatisticsWorker(deps: StatisticsWorkerDeps): () => Promise<void> {
  const round = statisticsRound(deps);
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = round()
      .catch((err: unknown) => deps.log.error({ err }, "statistics round failed; trying again next interval"))
      .finally(() => {
        busy = false;
      });
  }, deps.intervalMs ?? 2_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
