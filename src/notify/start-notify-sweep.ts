// Runs deliverOutbox every interval until stopped; errors are logged, never fatal.
import { deliverOutbox, type DeliverDeps } from "./deliver-outbox.js";

export function startNotifySweep(deps: DeliverDeps & { intervalMs?: number }): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = deliverOutbox(deps)
      .catch((err: unknown) => deps.log.error({ err }, "notification sweep failed; trying again next interval"))
      .finally(() => (busy = false));
  }, deps.intervalMs ?? 5_000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
