// Settles stale duration days at start (the history before the rollup, and days that ended while
// Sift was down) and then every interval, off the request path; errors are logged, never fatal.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { settleDurations } from "./settle-durations.js";

export interface DurationRollupDeps {
  prisma: PrismaClient;
  now: () => Date;
  log: Pick<Logger, "info" | "error">;
  intervalMs?: number;
}

export function startDurationRollup(deps: DurationRollupDeps): () => Promise<void> {
  const abort = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  let first = true;
  const round = () => {
    running = running.then(() =>
      settleDurations(deps.prisma, deps.now(), { signal: abort.signal }).then(
        (n) => first && n > 0 && deps.log.info(`durations rollup: ${n} repository-days summed`),
        (err: unknown) => deps.log.error({ err }, "durations rollup failed; the org grid reads those days from Job until the next round"),
      ).finally(() => (first = false)),
    );
  };
  round();
  const timer = setInterval(round, deps.intervalMs ?? 15 * 60_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    abort.abort();
    await running;
  };
}
