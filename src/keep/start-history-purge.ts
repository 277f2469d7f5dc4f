// Runs purgeHistory soon after start and then every interval until stopped; errors are logged, never
// fatal. SIFT_HISTORY_DAYS 0 keeps everything: nothing is started.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { purgeHistory } from "./purge-history.js";

export interface HistoryPurgeDeps {
  prisma: PrismaClient;
  now: () => Date;
  log: Logger;
  historyDays: number;
  intervalMs?: number;
  firstDelayMs?: number;
}

export function startHistoryPurge(deps: HistoryPurgeDeps): () => Promise<void> {
  if (deps.historyDays <= 0) return async () => {};
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    running = purgeHistory(deps.prisma, { now: deps.now(), historyDays: deps.historyDays, signal: stopping.signal })
      .then((p) => {
        if (p.jobs + p.commits + p.rollupRows > 0) {
          deps.log.info(`history older than ${deps.historyDays} days purged: ${p.jobs} jobs, ${p.commits} head commits, ${p.rollupRows} rollup rows`);
        }
      })
      .catch((err: unknown) => deps.log.error({ err }, "history purge failed; trying again next interval"));
  };
  const first = setTimeout(round, deps.firstDelayMs ?? 90_000);
  const timer = setInterval(round, deps.intervalMs ?? 3600_000);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    stopping.abort();
    await running;
  };
}
