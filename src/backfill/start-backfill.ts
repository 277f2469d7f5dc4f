// Every SIFT_BACKFILL_MINUTES, each repository of an active installation whose lease this process
// gets is compared with GitHub (backfill-repository.ts); 0 turns it off. Repositories are done one
// after another, so a round's requests come in a trickle, not a burst.
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { SqlSession } from "../db/index.js";
import type { CounterOf } from "../model/index.js";
import type { Timing } from "../schedule/index.js";
import { DEFAULT_LIMITS, type BackfillLimits, type BackfillRepository } from "./backfill-context.js";
import { claimBackfill, finishBackfill } from "./backfill-lease.js";
import { backfillRepository } from "./backfill-repository.js";
import { EtagCache } from "./etag-cache.js";

export interface BackfillOptions {
  sql: SqlSession;
  octokitFor: (installationId: number) => Promise<ProbotOctokit>;
  log: Logger;
  now: () => Date;
  timing: Timing;
  intervalMinutes: number;
  appId: number | undefined;
  requests?: CounterOf<"status"> | undefined;
  limits?: Partial<BackfillLimits>;
  /** Until the first round (default: one interval; what was missed while Sift was down is redelivered at start). */
  firstDelayMs?: number;
}

const REPOSITORIES = `
select r.id::text as id, r."installationId"::text as installation, r.owner, r.name, r.private, r."defaultBranch" as branch
from "Repository" r join "Installation" i on i.id = r."installationId" where not i.suspended order by r.id`;

export function startBackfill(opts: BackfillOptions): () => Promise<void> {
  if (opts.intervalMinutes <= 0) return async () => {};
  const intervalMs = opts.intervalMinutes * 60_000;
  const owner = `backfill-${randomUUID()}`;
  const cache = new EtagCache();
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const round = async () => {
    const rows = await opts.sql.query(REPOSITORIES, []);
    for (const r of rows) {
      if (stopped) return;
      const repo: BackfillRepository = { id: Number(r.id), installationId: Number(r.installation), owner: String(r.owner), name: String(r.name), private: Boolean(r.private), defaultBranch: String(r.branch) };
      const now = opts.now();
      if (!(await claimBackfill(opts.sql, { repositoryId: repo.id, owner, now, leaseMs: Math.max(60_000, intervalMs), intervalMs }))) continue;
      let ok = false;
      try {
        const octokit = await opts.octokitFor(repo.installationId);
        await backfillRepository({ octokit, sql: opts.sql, repo, now, timing: opts.timing, limits, log: opts.log, appId: opts.appId, cache, requests: opts.requests });
        ok = true;
      } catch (err) {
        opts.log.warn({ err }, `backfill of ${repo.owner}/${repo.name} failed; the next round tries again`);
      } finally {
        await finishBackfill(opts.sql, { repositoryId: repo.id, owner, now: opts.now(), ok });
      }
    }
  };
  const tick = () => {
    running = running.then(round).catch((err: unknown) => opts.log.warn({ err }, "backfill: listing repositories failed"));
  };
  const timer = setInterval(tick, intervalMs);
  const first = opts.firstDelayMs === undefined ? undefined : setTimeout(tick, opts.firstDelayMs);
  return async () => {
    stopped = true;
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}
