// The Probot app: wires handlers, routes and the background worker. No logic here.
import type { ApplicationFunction, Probot } from "probot";
import type { Logger } from "pino";
import type { Database } from "./db/index.js";
import type { Settings } from "./settings.js";
import { Router } from "./web/router.js";
import { addHealthRoutes } from "./web/health.js";
import { createMetrics, type Metrics } from "./web/metrics.js";

export interface AppDeps {
  db: Database;
  settings: Settings;
  metrics?: Metrics;
  log?: Logger;
  /** The clock; tests pass their own. */
  now?: () => Date;
}

export interface SiftApp {
  appFn: ApplicationFunction;
  /** Stops background work (worker loop, reconcile timers). */
  stop(): Promise<void>;
}

export function sift(deps: AppDeps): SiftApp {
  const metrics = deps.metrics ?? createMetrics();
  const stops: (() => Promise<void>)[] = [];
  const appFn: ApplicationFunction = (app: Probot, { addHandler }) => {
    const router = new Router();
    addHealthRoutes(router, deps.db, metrics);
    addHandler(router.handler());
  };
  return {
    appFn,
    stop: async () => {
      await Promise.all(stops.map((s) => s()));
    },
  };
}
