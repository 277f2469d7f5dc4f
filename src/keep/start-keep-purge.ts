// Runs purgeFailureTexts soon after start and then every interval until stopped; errors are logged, never fatal.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { purgeFailureTexts } from "./purge-failure-texts.js";

export interface KeepPurgeDeps {
  prisma: PrismaClient;
  now: () => Date;
  log: Logger;
  keepDays: number;
  intervalMs?: number;
  firstDelayMs?: number;
}

export function startKeepPurge(deps: KeepPurgeDeps): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const round = () => {
    running = purgeFailureTexts(deps.prisma, { now: deps.now(), keepDays: deps.keepDays })
      .then((purged) => {
        if (purged > 0) deps.log.info(`purged the kept text of ${purged} failures older than ${deps.keepDays} days (their verdicts stay)`);
      })
      .catch((err: unknown) => deps.log.error({ err }, "failure text purge failed; trying again next interval"));
  };
  const first = setTimeout(round, deps.firstDelayMs ?? 60_000);
  const timer = setInterval(round, deps.intervalMs ?? 3600_000);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
