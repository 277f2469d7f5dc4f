// Starts the worker that analyses due head SHAs and the periodic reconcile; returns the stop function.
import type { Logger } from "pino";
import type { Probot } from "probot";
import type { Database } from "../db/index.js";
import type { AnalysisStages, Metrics } from "../model/index.js";
import { startReconcile, startWorker } from "../schedule/index.js";
import type { Settings } from "../settings.js";
import { analyseCommit } from "./analyse-commit.js";

export interface AnalysisWorkerDeps {
  db: Database;
  settings: Settings;
  metrics: Metrics;
  log: Logger;
  now: () => Date;
  stages: AnalysisStages;
  pollMs?: number | undefined;
}

export function startAnalysisWorker(app: Probot, deps: AnalysisWorkerDeps): () => Promise<void> {
  const { db, settings, log, now } = deps;
  const worker = startWorker({
    sql: db.sql,
    timing: settings,
    log,
    now,
    concurrency: settings.concurrency,
    concurrencyPerInstallation: settings.concurrencyPerInstallation,
    pollMs: deps.pollMs,
    leaseSeconds: settings.leaseSeconds,
    retryDelaySeconds: settings.retrySeconds,
    analyse: async (claim) => {
      const octokit = await app.auth(claim.installationId);
      const end = deps.metrics.analysisSeconds.startTimer();
      try {
        return await analyseCommit(
          { prisma: db.prisma, octokit, log, now, metrics: deps.metrics, appId: settings.appId, publicUrl: settings.publicUrl, pageSecret: settings.pageSecret, stages: deps.stages, requiredTimeoutMinutes: settings.requiredTimeoutMinutes },
          claim,
        );
      } finally {
        end();
      }
    },
  });
  const stopReconcile = startReconcile({
    appOctokit: () => app.auth(),
    sql: db.sql,
    log,
    now,
    intervalSeconds: settings.reconcileIntervalSeconds,
  });
  return async () => {
    await stopReconcile();
    await worker.stop();
  };
}
