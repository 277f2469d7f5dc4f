// A background chore of the keep stage: a round soon after start and then one every interval until
// stopped. A round's error is logged, never fatal (the next round tries again); stopping aborts the
// round under way through its signal and waits for it.
import type { Logger } from "pino";

export interface ChoreTiming {
  firstDelayMs: number;
  intervalMs: number;
}

export function repeatChore(name: string, timing: ChoreTiming, log: Logger, round: (signal: AbortSignal) => Promise<void>): () => Promise<void> {
  const stopping = new AbortController();
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = round(stopping.signal).catch((err: unknown) => log.error({ err }, `${name} failed; trying again next interval`));
  };
  const first = setTimeout(run, timing.firstDelayMs);
  const timer = setInterval(run, timing.intervalMs);
  first.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    stopping.abort();
    await running;
  };
}
