// The real stages of an analysis, wired once by src/index.ts.
import type { CompiledPatternSet } from "../classify/index.js";
import { loadConfig } from "../config/index.js";
import type { SqlSession } from "../db/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { AnalysisStages, Metrics } from "../model/index.js";
import type { ProviderRegistry } from "../providers/index.js";
import { createNotifyStage } from "../notify/index.js";
import { writeReport } from "../report/index.js";
import { createClassifyStage } from "./classify-job.js";
import { createClassifyPool, type ClassifyPool } from "./classify-pool.js";
import type { ConfigCache } from "./config-cache.js";
import { createDecideStage } from "./decide-stage.js";
import { createRetryStage } from "./retry-stage.js";
import { savePatternSet } from "./save-pattern-set.js";

export interface StageDeps {
  prisma: PrismaClient;
  githubWebUrl: string;
  retryBackoffSeconds: number;
  metrics?: Metrics | undefined;
  /** SIFT_KEEP_BYTES: what of each failed job's log is kept for re-classification. */
  keepBytes?: number | undefined;
  /** The worker threads that classify logs (its owner closes it on shutdown); a default pool when absent. */
  classifyPool?: ClassifyPool | undefined;
  /** Where each loaded configuration is kept for the statistics worker (config-cache.ts). */
  configs?: ConfigCache | undefined;
  /** CI providers beside Actions: statuses read and re-run through them. */
  providers?: ProviderRegistry | undefined;
  /** Plain fetch for log storage and status targets (bounded by SIFT_GITHUB_TIMEOUT_SECONDS). */
  fetch?: typeof globalThis.fetch;
  /** Given when a Slack webhook is configured: the notify stage queues notifications with it. */
  notifySql?: SqlSession | undefined;
}

export function createStages(deps: StageDeps): AnalysisStages<CompiledPatternSet> {
  return {
    loadConfig: async (scope) => {
      const config = await loadConfig(scope.octokit, scope.repo.owner, scope.repo.name);
      await savePatternSet(deps.prisma, Number(scope.repo.id), config);
      if (/^\d+$/.test(scope.repo.id)) deps.configs?.remember(BigInt(scope.repo.id), config);
      return config;
    },
    classifyJob: createClassifyStage({
      pool: deps.classifyPool ?? createClassifyPool(),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      providers: deps.providers,
      keepBytes: deps.keepBytes,
    }),
    decide: createDecideStage(deps),
    retry: createRetryStage(deps),
    writeReport,
    ...(deps.notifySql ? { notify: createNotifyStage({ prisma: deps.prisma, sql: deps.notifySql, githubWebUrl: deps.githubWebUrl, metrics: deps.metrics }) } : {}),
  };
}
