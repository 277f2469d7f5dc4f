// The worker loop: claim due SHAs from the database, run each through `analyse` with bounded
// concurrency (global, and per installation so one busy org cannot take every slot), then finish or
// release the claim. Polling the database, not timers, is what makes restarts and replicas safe.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import PQueue from "p-queue";
import type { Logger } from "pino";
import type { SqlSession } from "../db/index.js";
import { claimDue, type ClaimedCommit } from "./claim.js";
import { finishAnalysis, releaseForRetry, renewLease, scheduleRecheck } from "./finish.js";
import { retryAt as retryTime } from "./retry-at.js";
import { LEASE_SECONDS, STOP_GRACE_MS, type Timing } from "./timing.js";

export interface WorkerOptions {
  sql: SqlSession;
  timing: Timing;
  log: Logger;
  now: () => Date;
  concurrency: number;
  concurrencyPerInstallation: number;
  analyse(claim: ClaimedCommit): Promise<{ conclusion: string; recheckAt?: Date | undefined }>;
  pollMs?: number;
  leaseSeconds?: number;
  /** After a failed analysis, try the SHA again this much later. */
  retryDelaySeconds?: number;
  /** Identifies this replica in leaseOwner. */
  owner?: string;
  /** How long stop() waits for running analyses before it hands their SHAs back. */
  stopTimeoutMs?: number;
}

export interface Worker {
  /** Claims and starts what is due now; resolves with how many SHAs it claimed. */
  tick(): Promise<number>;
  /** Resolves when every started analysis has finished (or the timeout passed). */
  idle(timeoutMs?: number): Promise<void>;
  /** Takes no more work, waits a grace period, then hands back (due now) every SHA it still holds. */
  stop(): Promise<void>;
}

const ms = (a: Date, b: Date) => `${Math.max(0, a.getTime() - b.getTime())} ms`;

export function startWorker(opts: WorkerOptions, autoStart = true): Worker {
  const owner = opts.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseSeconds = opts.leaseSeconds ?? LEASE_SECONDS;
  const pollMs = opts.pollMs ?? 1000;
  const global = new PQueue({ concurrency: opts.concurrency });
  const perInstallation = new Map<number, PQueue>();
  let inFlight = 0;
  /** Claimed and not yet finished or released: what stop() hands back. */
  const held = new Set<ClaimedCommit>();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const queueOf = (installationId: number): PQueue => {
    let q = perInstallation.get(installationId);
    if (!q) {
      q = new PQueue({ concurrency: opts.concurrencyPerInstallation });
      q.on("idle", () => perInstallation.delete(installationId));
      perInstallation.set(installationId, q);
    }
    return q;
  };

  async function run(claim: ClaimedCommit): Promise<void> {
    if (stopped) return; // stop() hands it back
    // A long analysis (slow log downloads) keeps its short lease; a dead process's lease lapses
    // within LEASE_SECONDS. Three renewals fit in a lease, so one failed renewal loses nothing.
    const heartbeat = setInterval(() => {
      if (!held.has(claim)) return clearInterval(heartbeat); // handed back on shutdown
      const until = new Date(opts.now().getTime() + leaseSeconds * 1000);
      renewLease(opts.sql, claim, owner, until).then(
        (kept) => kept || opts.log.warn(`${claim.owner}/${claim.repo}@${claim.sha.slice(0, 12)}: lease lost to another worker`),
        (err: unknown) => opts.log.warn({ err }, "lease renewal failed"),
      );
    }, (leaseSeconds * 1000) / 3);
    try {
      const { conclusion, recheckAt } = await opts.analyse(claim);
      const finishedAt = opts.now();
      const { state } = await finishAnalysis(opts.sql, claim, owner, { conclusion, now: finishedAt }, opts.timing);
      if (state === "done" && recheckAt) await scheduleRecheck(opts.sql, claim, recheckAt);
      const took = `claimed ${ms(claim.claimedAt, claim.dueAt)} after due, took ${ms(finishedAt, claim.claimedAt)}`;
      const note = state === "pending" ? ", changed meanwhile: queued again" : state === "lost" ? ", lease lost to another worker" : "";
      opts.log.info(`${claim.owner}/${claim.repo}@${claim.sha.slice(0, 12)} analysed: ${conclusion} (${took}${note})`);
    } catch (err) {
      const retryAt = retryTime(err, opts.now(), opts.retryDelaySeconds ?? 60);
      opts.log.error({ err }, `${claim.owner}/${claim.repo}@${claim.sha.slice(0, 12)} analysis failed; trying again at ${retryAt.toISOString()}`);
      await releaseForRetry(opts.sql, claim, owner, retryAt).catch((e: unknown) => opts.log.error({ err: e }, "release failed"));
    } finally {
      clearInterval(heartbeat);
      held.delete(claim);
    }
  }

  // Due now for the next process, instead of a lease that has to lapse first. An analysis still
  // running meanwhile is fenced: its finishAnalysis finds the lease gone ("lost").
  async function handBack(claims: ClaimedCommit[]): Promise<void> {
    claims.forEach((c) => held.delete(c));
    await Promise.all(
      claims.map((claim) =>
        releaseForRetry(opts.sql, claim, owner, opts.now()).then(
          () => opts.log.info(`${claim.owner}/${claim.repo}@${claim.sha.slice(0, 12)} handed back on shutdown`),
          (err: unknown) => opts.log.error({ err }, "handing back a lease on shutdown failed; it lapses instead"),
        ),
      ),
    );
  }

  async function tick(): Promise<number> {
    if (stopped) return 0;
    const claims = await claimDue(opts.sql, { owner, now: opts.now(), leaseSeconds, limit: opts.concurrency - inFlight });
    if (stopped) {
      await handBack(claims); // claimed while stop() ran
      return 0;
    }
    for (const claim of claims) {
      inFlight++;
      held.add(claim);
      void queueOf(claim.installationId)
        .add(() => global.add(() => run(claim)))
        .finally(() => inFlight--);
    }
    return claims.length;
  }

  async function loop(): Promise<void> {
    if (stopped) return;
    let claimed = 0;
    try {
      claimed = await tick();
    } catch (err) {
      opts.log.error({ err }, "claiming due head SHAs failed");
    }
    // More may be due when this round filled every free slot: look again soon.
    if (!stopped) timer = setTimeout(() => void loop(), claimed > 0 && inFlight < opts.concurrency ? 10 : pollMs);
  }

  const idle = async (timeoutMs = Infinity) => {
    const deadline = Date.now() + timeoutMs;
    while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  };
  if (autoStart) timer = setTimeout(() => void loop(), 0);
  return {
    tick,
    idle,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await idle(opts.stopTimeoutMs ?? STOP_GRACE_MS);
      await handBack([...held]);
    },
  };
}
