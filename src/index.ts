// The Probot app: wires handlers, routes and the background worker. No logic here.
import type { ApplicationFunction, Probot } from "probot";
import type { Logger } from "pino";
import type { Database } from "./db/index.js";
import type { Settings } from "./settings.js";
import { Router } from "./web/router.js";
import { addHealthRoutes } from "./web/health.js";
import { addWebRoutes } from "./web/index.js";
import { createMetrics, type Metrics } from "./web/metrics.js";
import { defaultBranchRed, failuresLastDay } from "./web/history-metrics.js";
import { registerHandlers } from "./handlers/index.js";
import { createIngest } from "./ingest/index.js";
import { startAnalysisWorker } from "./schedule/index.js";
import type { AnalysisStages } from "./analyse/index.js";
import { createClassifyStage } from "./analyse/classify-job.js";
import { loadConfig } from "./config/index.js";
import { createDecideStage } from "./history/index.js";
import { writeReport } from "./report/index.js";
import { createRetryStage, startRetrySweep, workflowRunHook } from "./retry/index.js";
import { allProviders, createCredentialStore, createProviderRegistry, type ProviderRegistry } from "./providers/index.js";

export interface AppDeps {
  db: Database;
  settings: Settings;
  metrics?: Metrics;
  log?: Logger;
  /** The clock; tests pass their own. */
  now?: () => Date;
  /** Analysis stages replacing the defaults (src/analyse/default-stages.ts). */
  stages?: Partial<AnalysisStages>;
  /** false: do not start the worker loop and reconcile (handler tests drive scheduling themselves). */
  worker?: boolean;
  /** How often the worker looks for due head SHAs. */
  pollMs?: number;
  /** CI providers beside Actions, with the operator's credentials (none: statuses are read as plain text only). */
  providers?: ProviderRegistry;
}

export interface SiftApp {
  appFn: ApplicationFunction;
  /** Stops background work (worker loop, reconcile timers). */
  stop(): Promise<void>;
}

export function sift(deps: AppDeps): SiftApp {
  const now = deps.now ?? (() => new Date());
  const metrics =
    deps.metrics ??
    createMetrics({
      pendingCommits: () => deps.db.prisma.headCommit.count({ where: { state: { in: ["pending", "running"] } } }),
      defaultBranchRed: () => defaultBranchRed(deps.db.sql),
      failures24h: () => failuresLastDay(deps.db.prisma, now()),
    }, { privateRepoNames: Boolean(deps.settings.metricsToken) });
  const providers = deps.providers ?? createProviderRegistry({ providers: allProviders, credentials: createCredentialStore({}) });
  const stops: (() => Promise<void>)[] = [];
  const appFn: ApplicationFunction = (app: Probot, { addHandler }) => {
    const router = new Router();
    addHealthRoutes(router, deps.db, metrics, { metricsToken: deps.settings.metricsToken });
    addWebRoutes(router, { prisma: deps.db.prisma, settings: deps.settings, now });
    addHandler(router.handler());
    const ingest = createIngest({ db: deps.db, timing: deps.settings, now, metrics });
    const { prisma } = deps.db;
    const log = deps.log ?? app.log;
    const commands = { prisma, now, metrics, log, providers };
    registerHandlers(app, { ingest, appId: deps.settings.appId, commands, onWorkflowRunCompleted: workflowRunHook({ prisma, now, metrics, providers }) });
    const stages: Partial<AnalysisStages> = {
      loadConfig: (ctx) => loadConfig(ctx.octokit, ctx.repo.owner, ctx.repo.name),
      classifyJob: createClassifyStage({ providers }),
      decide: createDecideStage({ prisma, githubWebUrl: deps.settings.githubWebUrl, metrics }),
      writeReport,
      retry: createRetryStage({ prisma, metrics, providers }),
      ...deps.stages,
    };
    if (deps.worker !== false) {
      stops.push(startAnalysisWorker(app, { db: deps.db, settings: deps.settings, metrics, log, now, stages, pollMs: deps.pollMs }));
      stops.push(startRetrySweep({ prisma, now, metrics, log, providers, octokitFor: (id) => app.auth(id) }));
    }
  };
  return {
    appFn,
    stop: async () => {
      await Promise.all(stops.map((s) => s()));
    },
  };
}
