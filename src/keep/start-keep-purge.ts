// Runs purgeFailureTexts soon after start and then every interval until stopped; errors are logged, never fatal.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { purgeFailureTexts } from "./purge-failure-texts.js";
import { repeatChore } from "./repeat-chore.js";

export interface KeepPurgeDeps {
  prisma: PrismaClient;
  now: () => Date;
  log: Logger;
  keepDays: number;
  intervalMs?: number;
  firstDelayMs?: number;
}

export function startKeepPurge(deps: KeepPurgeDeps): () => Promise<void> {
  const timing = { firstDelayMs: deps.firstDelayMs ?? 60_000, intervalMs: deps.intervalMs ?? 3600_000 };
  return repeatChore("failure text purge", timing, deps.log, async () => {
    const purged = await purgeFailureTexts(deps.prisma, { now: deps.now(), keepDays: deps.keepDays });
    if (purged > 0) deps.log.info(`purged the kept text of ${purged} failures older than ${deps.keepDays} days (their verdicts stay)`);
  });
}
