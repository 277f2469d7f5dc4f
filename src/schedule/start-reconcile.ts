// Runs redeliverFailed soon after start (deliveries missed while Sift was down) and then every
// SIFT_RECONCILE_INTERVAL_SECONDS (0 turns it off). GitHub keeps deliveries for 3 days.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { SqlSession } from "../db/index.js";
import { redeliverFailed } from "./redeliver-failed.js";

const RETENTION_MS = 3 * 24 * 3600 * 1000;

export function startReconcile(opts: {
  appOctokit: () => Promise<ProbotOctokit>;
  sql: SqlSession;
  log: Logger;
  now: () => Date;
  intervalSeconds: number;
  firstDelayMs?: number;
}): () => Promise<void> {
  if (opts.intervalSeconds <= 0) return async () => {};
  let first = true;
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    const windowMs = first ? RETENTION_MS : Math.min(RETENTION_MS, opts.intervalSeconds * 2000);
    first = false;
    running = opts
      .appOctokit()
      .then((octokit) => redeliverFailed(octokit, opts.sql, { since: new Date(opts.now().getTime() - windowMs), log: opts.log }))
      .catch((err: unknown) => opts.log.warn({ err }, "reconcile: listing or redelivering webhook deliveries failed"));
  };
  const startTimer = setTimeout(round, opts.firstDelayMs ?? 10_000);
  const interval = setInterval(round, opts.intervalSeconds * 1000);
  return async () => {
    clearTimeout(startTimer);
    clearInterval(interval);
    await running;
  };
}
