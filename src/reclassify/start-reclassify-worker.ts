// The re-classification worker: at start, checks the built-ins version; then claims one repository
// at a time (lease), re-classifies it, and looks for the next, every interval or when kicked.
// A repository whose config cannot be read goes back to pending and is tried again after a delay.
import { randomUUID } from "node:crypto";
import type { SqlSession } from "../db/index.js";
import { builtinsHash, noteBuiltinsVersion } from "./builtins-version.js";
import { claimReclassification } from "./claim-reclassification.js";
import { reclassifyRepository, type ReclassifyDeps } from "./reclassify-repository.js";

export interface ReclassifyWorkerDeps extends Omit<ReclassifyDeps, "owner" | "leaseSeconds"> {
  sql: SqlSession;
  windowDays: number;
  owner?: string;
  leaseSeconds?: number;
  intervalMs?: number;
  retryDelaySeconds?: number;
}

export interface ReclassifyWorker {
  /** Looks for work now (after a push asked for it). */
  kick(): void;
  /** Runs until nothing is left to claim; resolves with how many repositories were done. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

export function startReclassifyWorker(deps: ReclassifyWorkerDeps, opts: { checkBuiltins?: boolean; timer?: boolean } = {}): ReclassifyWorker {
  const run: ReclassifyDeps = { ...deps, owner: deps.owner ?? `reclassify-${randomUUID()}`, leaseSeconds: deps.leaseSeconds ?? 120 };
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  let again = false;

  const one = async (): Promise<boolean> => {
    const claim = await claimReclassification(deps.sql, { owner: run.owner, now: deps.now(), leaseSeconds: run.leaseSeconds });
    if (!claim) return false;
    try {
      await reclassifyRepository(run, claim);
    } catch (err) {
      deps.log.warn({ err }, `${claim.owner}/${claim.repo}: re-classification stopped; trying again in ${deps.retryDelaySeconds ?? 60} s`);
      const later = new Date(deps.now().getTime() + (deps.retryDelaySeconds ?? 60) * 1000);
      await deps.prisma.reclassification.updateMany({ where: { repositoryId: BigInt(claim.repositoryId), leaseOwner: run.owner }, data: { state: "pending", leaseOwner: null, leaseUntil: later } });
    }
    return true;
  };
  const loop = async (): Promise<number> => {
    let done = 0;
    do {
      again = false;
      while (!stopped && (await one())) done++;
    } while (again && !stopped);
    return done;
  };
  const tick = () => {
    again = true;
    running = running.then(() => (stopped ? 0 : loop())).catch((err: unknown) => {
      deps.log.error({ err }, "re-classification worker failed; trying again next interval");
      return 0;
    });
    return running;
  };
  if (opts.checkBuiltins !== false) {
    running = noteBuiltinsVersion(deps.prisma, { hash: builtinsHash(), now: deps.now(), windowDays: deps.windowDays })
      .then((n) => {
        if (n > 0) deps.log.info(`built-in patterns changed: re-classifying the stored failures of ${n} repositories`);
        return 0;
      })
      .catch((err: unknown) => {
        deps.log.error({ err }, "could not compare the built-in patterns with the stored verdicts'");
        return 0;
      });
  }
  const timer = opts.timer === false ? undefined : setInterval(() => void tick(), deps.intervalMs ?? 30_000);
  timer?.unref();
  void tick();
  return {
    kick: () => void tick(),
    drain: () => tick(),
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
