// Runs purgeHistory soon after start and then every interval until stopped; errors are logged, never
// fatal. SIFT_HISTORY_DAYS 0 keeps everything: nothing is started.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { purgeHistory } from "./purge-history.js";
import { repeatChore } from "./repeat-chore.js";

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
  const timing = { firstDelayMs: deps.firstDelayMs ?? 90_000, intervalMs: deps.intervalMs ?? 3600_000 };
  return repeatChore("history purge", timing, deps.log, async (signal) => {
    const p = await purgeHistory(deps.prisma, { now: deps.now(), historyDays: deps.historyDays, signal });
    if (p.jobs + p.commits + p.rollupRows > 0) {
      deps.log.info(`history older than ${deps.historyDays} days purged: ${p.jobs} jobs, ${p.commits} head commits, ${p.rollupRows} rollup rows`);
    }
  });
}
