// Stores the default-branch days that are over and not stored yet (or stored for another default
// branch), for every repository: at start for the history written before the rollup existed, then
// every few minutes for the day that just ended and for days whose last commits settled since.
import type { Logger } from "pino";
import type { PrismaClient } from "../generated/prisma/client.js";
import { mainDayRows, type MainDayKey } from "./main-day-rows.js";
import { lockMainDays, writeMainDays } from "./write-main-days.js";

const DAY = 24 * 3600 * 1000;
/** Days back from yesterday that are kept stored: the health pages' 30-day window. */
export const MAIN_DAYS_KEPT = 30;
const FILL_EVERY_MS = 10 * 60 * 1000;

/** The `days` UTC days before the one `now` falls in, as YYYY-MM-DD. */
export function endedDays(now: Date, days: number): string[] {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  return Array.from({ length: days }, (_, i) => new Date(today - (days - i) * DAY).toISOString().slice(0, 10));
}

/** Days stored (or stored again); returns how many. */
export async function fillMainDays(prisma: PrismaClient, now: Date, opts: { days?: number; signal?: AbortSignal } = {}): Promise<number> {
  const days = endedDays(now, opts.days ?? MAIN_DAYS_KEPT);
  const repos = await prisma.repository.findMany({ select: { id: true, defaultBranch: true }, orderBy: { id: "asc" } });
  let stored = 0;
  for (const repo of repos) {
    if (opts.signal?.aborted) break;
    const have = await prisma.mainBranchDay.findMany({ where: { repositoryId: repo.id, day: { gte: new Date(`${days[0]}T00:00:00Z`) }, branch: repo.defaultBranch }, select: { day: true } });
    const present = new Set(have.map((d) => d.day.toISOString().slice(0, 10)));
    const keys: MainDayKey[] = days.filter((d) => !present.has(d)).map((day) => ({ repositoryId: repo.id, day }));
    if (keys.length === 0) continue;
    stored += await prisma.$transaction(async (tx) => {
      await lockMainDays(tx, [repo.id]);
      const rows = await mainDayRows(tx, keys, null);
      await writeMainDays(tx, rows);
      return rows.filter((r) => r.allSettled).length;
    }, { timeout: 60_000 });
  }
  return stored;
}

/** At start and every 10 minutes, off the request path; stops with the returned function. */
export function startMainDayFill(deps: { prisma: PrismaClient; log: Pick<Logger, "info" | "error">; now?: () => Date; intervalMs?: number }): () => Promise<void> {
  const abort = new AbortController();
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  const run = () => {
    if (busy) return;
    busy = true;
    running = fillMainDays(deps.prisma, (deps.now ?? (() => new Date()))(), { signal: abort.signal })
      .then(
        (n) => void (n > 0 && deps.log.info(`health rollup: ${n} default-branch days stored`)),
        (err: unknown) => deps.log.error({ err }, "health rollup fill failed; the health pages count the missing days live until the next fill"),
      )
      .finally(() => (busy = false));
  };
  run();
  const timer = setInterval(run, deps.intervalMs ?? FILL_EVERY_MS);
  timer.unref();
  return async () => {
    abort.abort();
    clearInterval(timer);
    await running;
  };
}
