// The Probot app: wires handlers, routes and the background worker. No logic here.
import type { ApplicationFunction, Probot, ProbotOctokit } from "probot";
import type { Logger } from "pino";
import type { Database } from "./db/index.js";
import { DEFAULT_HISTORY_DAYS, type Settings } from "./settings.js";
import { Router } from "./web/router.js";
import { addHealthRoutes } from "./web/metrics/health.js";
import { addSignInRoutes, addWebRoutes, createSignIn } from "./web/index.js";
import { createMetrics, type AppMetrics } from "./web/metrics/metrics.js";
import { defaultBranchRed, failuresLastDay } from "./web/metrics/history-metrics.js";
import { cached, flaggedJobs } from "./web/insight/slowdown-metrics.js";
import { rescueByPattern } from "./web/metrics/pattern-metrics.js";
import { queueDepth } from "./web/metrics/queue-metrics.js";
import { repositoryFailures } from "./web/metrics/repository-failure-metrics.js";
import { registerHandlers } from "./handlers/index.js";
import { createIngest } from "./ingest/index.js";
import { createClassifyPool, createConfigCache, createStages, DEFAULT_STATISTICS_LOGS_PER_HOUR, reanalyseCommit, startAnalysisWorker, startStatisticsWorker } from "./analyse/index.js";
import { enqueueStatisticLog, lastStatisticValues, type SucceededJob } from "./statistics/index.js";
import { configFromFiles, configPath } from "./config/index.js";
import { configPushed, startReclassifyWorker, type ReclassifyWorker } from "./reclassify/index.js";
import type { AnalysisStages } from "./model/index.js";
import type { CompiledPatternSet } from "./classify/index.js";
import { sampleFailureLines, startHistoryPurge, startKeepPurge } from "./keep/index.js";
import { checkConfigChange, configBacktest, type PullRequestRef } from "./config-check/index.js";
import { startRetrySweep, workflowRunHook } from "./retry/index.js";
import { allProviders, createCredentialStore, createProviderRegistry, type ProviderRegistry } from "./providers/index.js";
import { stallingFetch } from "./octokit.js";
import { moveRepository, startCauseBackfill, startDurationRollup, startMainDayFill, type RepositoryMove } from "./rollup/index.js";
import { outboxCounts, startNotifySweep } from "./notify/index.js";
import { startBackfill } from "./backfill/index.js";

export interface AppDeps {
  db: Database;
  settings: Settings;
  metrics?: AppMetrics;
  log?: Logger;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Analysis stages replacing the real ones (src/analyse/create-stages.ts), for tests. */
  stages?: Partial<AnalysisStages<CompiledPatternSet>>;
  /** false: do not start the worker loop and reconcile (handler tests drive scheduling themselves). */
  worker?: boolean;
  /** How often the worker looks for due head SHAs. */
  pollMs?: number;
  /** How often the outbox sweep sends notifications (default 5 s). */
  notifyIntervalMs?: number;
  /** CI providers beside Actions, with the operator's credentials (none: statuses are read as plain text only). */
  providers?: ProviderRegistry;
}

export interface SiftApp {
  appFn: ApplicationFunction;
  /** Stops background work (worker loop, reconcile timers). */
  stop(): Promise<void>;
}

/** /metrics with its scrape-time sources read from the database. */
export function createAppMetrics(db: Database, settings: Settings, now: () => Date = () => new Date()): AppMetrics {
  return createMetrics({
    pendingCommits: () => db.prisma.headCommit.count({ where: { state: { in: ["pending", "running"] } } }),
    defaultBranchRed: () => defaultBranchRed(db.sql),
    failures24h: () => failuresLastDay(db.prisma, now()),
    queue: () => queueDepth(db.sql, now()),
    repositoryFailures24h: () => repositoryFailures(db.sql, new Date(now().getTime() - 24 * 3600_000)),
    jobSlowdowns: cached(() => flaggedJobs(db.prisma, now()), 5 * 60_000),
    patternRescue: () => rescueByPattern(db.prisma, now()),
    ...(settings.slackWebhookUrl ? { notificationOutbox: () => outboxCounts(db.sql) } : {}),
    statisticLastValues: () => lastStatisticValues(db.prisma, now()),
  }, { privateRepoNames: Boolean(settings.metricsToken) });
}

export function sift(deps: AppDeps): SiftApp {
  const now = deps.now ?? (() => new Date());
  const metrics = deps.metrics ?? createAppMetrics(deps.db, deps.settings, now);
  const providers = deps.providers ?? createProviderRegistry({ providers: allProviders, credentials: createCredentialStore({}) });
  const stops: (() => Promise<void>)[] = [];
  /** After the analyses stopped or were handed back: what they still use. */
  const lastStops: (() => Promise<void>)[] = [];
  const appFn: ApplicationFunction = (app: Probot, { addHandler }) => {
    const router = new Router();
    addHealthRoutes(router, deps.db, metrics, { metricsToken: deps.settings.metricsToken });
    const signIn = createSignIn({ prisma: deps.db.prisma, settings: deps.settings, now });
    addWebRoutes(router, { prisma: deps.db.prisma, settings: deps.settings, now, readerOf: signIn.readerOf });
    addSignInRoutes(router, signIn);
    addHandler(router.handler());
    const ingest = createIngest({ db: deps.db, timing: deps.settings, now, metrics, requiredCheck: deps.settings.requiredCheck });
    const { prisma } = deps.db;
    const log = deps.log ?? app.log;
    const commands = { prisma, now, metrics, log, providers };
    const backtest = configBacktest({ prisma, now, publicUrl: deps.settings.publicUrl, pageSecret: deps.settings.pageSecret });
    const checkConfig = (octokit: ProbotOctokit, pr: PullRequestRef) => checkConfigChange(octokit, pr, { log, sample: (id) => sampleFailureLines(prisma, id), backtest });
    let reclassifier: ReclassifyWorker | undefined;
    const onConfigPushed = async (push: Parameters<typeof configPushed>[1]) => {
      await configPushed(prisma, push, { now: now(), windowDays: deps.settings.keepDays });
      reclassifier?.kick();
    };
    const logsPerHour = deps.settings.statisticsLogsPerHour ?? DEFAULT_STATISTICS_LOGS_PER_HOUR;
    const onJobSucceeded = logsPerHour > 0 ? (job: SucceededJob) => enqueueStatisticLog(prisma, job, now()) : undefined;
    registerHandlers(app, { ingest, appId: deps.settings.appId, commands, onWorkflowRunCompleted: workflowRunHook({ prisma, now, metrics, providers }), checkConfig, onConfigPushed, onJobSucceeded,
      onRepositoryMoved: (move: RepositoryMove) => moveRepository(prisma, move) });
    const classifyPool = createClassifyPool({ threads: deps.settings.classifyThreads, timeoutSeconds: deps.settings.classifyTimeoutSeconds });
    const fetch = stallingFetch(deps.settings.githubTimeoutSeconds * 1000);
    const configs = createConfigCache(now);
    const real = createStages({ prisma, githubWebUrl: deps.settings.githubWebUrl, metrics, retryBackoffSeconds: deps.settings.retryBackoffSeconds,
      classifyPool, fetch, configs,
      providers,
      keepBytes: deps.settings.keepBytes,
      notifySql: deps.settings.slackWebhookUrl ? deps.db.sql : undefined,
    });
    const stages: AnalysisStages<CompiledPatternSet> = { ...real, ...deps.stages };
    if (deps.worker !== false) {
      stops.push(startAnalysisWorker(app, { db: deps.db, settings: deps.settings, metrics, log, now, stages, pollMs: deps.pollMs }));
      // Due backoffs go out within half the base (30 s at most, 1 s at least).
      const intervalMs = Math.min(30_000, Math.max(1_000, deps.settings.retryBackoffSeconds * 500));
      stops.push(startRetrySweep({ prisma, now, metrics, log, providers, octokitFor: (id) => app.auth(id), intervalMs }));
      stops.push(startKeepPurge({ prisma, now, log, keepDays: deps.settings.keepDays }));
      stops.push(startHistoryPurge({ prisma, now, log, historyDays: deps.settings.historyDays ?? DEFAULT_HISTORY_DAYS }));
      if (onJobSucceeded) stops.push(startStatisticsWorker({ prisma, now, log, pool: classifyPool, fetch, configs, logsPerHour, octokitFor: (id) => app.auth(id), counted: metrics.statisticLogs }));
      stops.push(startCauseBackfill({ prisma, log }));
      stops.push(startMainDayFill({ prisma, log, now }));
      stops.push(startDurationRollup({ prisma, now, log }));
      const { appId, publicUrl, pageSecret } = deps.settings;
      reclassifier = startReclassifyWorker({
        prisma, sql: deps.db.sql, log, now, windowDays: deps.settings.keepDays, intervalMs: deps.pollMs ? deps.pollMs * 10 : undefined,
        loadConfig: async (c) => {
          const { files } = await (await app.auth(c.installationId)).config.get({ owner: c.owner, repo: c.repo, path: configPath });
          return configFromFiles(files, c.owner, c.repo);
        },
        reanalyse: async (c, sha, config) => {
          const octokit = await app.auth(c.installationId);
          await reanalyseCommit({ prisma, octokit, log, now, metrics, appId, publicUrl, pageSecret, stages }, { ...c, sha }, config);
        },
      });
      stops.push(() => reclassifier!.stop());
      const webhookUrl = deps.settings.slackWebhookUrl;
      if (webhookUrl) stops.push(startNotifySweep({ sql: deps.db.sql, webhookUrl, now, log, metrics, intervalMs: deps.notifyIntervalMs }));
      stops.push(startBackfill({ sql: deps.db.sql, octokitFor: (id) => app.auth(id), log, now, timing: deps.settings, intervalMinutes: deps.settings.backfillMinutes, appId: deps.settings.appId, requests: metrics.backfillRequests }));
    }
    lastStops.push(() => classifyPool.close());
  };
  return {
    appFn,
    stop: async () => {
      await Promise.all(stops.map((s) => s()));
      await Promise.all(lastStops.map((s) => s()));
    },
  };
}
