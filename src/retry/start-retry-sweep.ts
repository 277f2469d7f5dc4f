// Runs sweepRetries every interval until stopped; errors are logged, never fatal.
import type { Logger } from "pino";
import { sweepRetries, type SweepDeps } from "./sweep.js";

export function startRetrySweep(deps: SweepDeps & { log: Logger; intervalMs?: number }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepRetries(deps).catch((err: unknown) => deps.log.error({ err }, "retry sweep failed; trying again next interval"));
  }, deps.intervalMs ?? 30_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
