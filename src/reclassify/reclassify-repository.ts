// Re-classifies one claimed repository's stored failures of the window with its effective pattern
// set, a page at a time from the row's cursor: each page's verdicts and the cursor move in one
// transaction that also checks the lease is still ours (a replica that lost it writes nothing), so
// a crash resumes at the last page and nothing is done twice. The kept text is used, no log is
// downloaded. Failures of an open pull request's head SHA are left to `reanalyse` (the same
// analysis path as a fresh one: verdicts and check run together), and only when a verdict changes.
import type { Logger } from "pino";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { reclassify } from "../backtest/index.js";
import type { LoadedConfig } from "../config/index.js";
import { failureTextFromRow } from "../keep/index.js";
import { refreshMainDaysOfJobs, syncJobCauses } from "../rollup/index.js";
import type { ClaimedReclassification } from "./claim-reclassification.js";
import { openPullRequestHeads } from "./open-pr-heads.js";
import { reclassifiedRow } from "./reclassified-row.js";

export interface ReclassifyDeps {
  prisma: PrismaClient;
  log: Logger;
  now: () => Date;
  /** This worker's lease owner id, and how long a lease lasts (renewed each page). */
  owner: string;
  leaseSeconds: number;
  pageSize?: number;
  /** The repository's effective configuration now (from GitHub); throws when it cannot be read. */
  loadConfig(claim: ClaimedReclassification): Promise<LoadedConfig>;
  /** Analyses a head SHA again from the kept text and rewrites its report (analyse/reanalyse-commit.ts). */
  reanalyse(claim: ClaimedReclassification, sha: string, config: LoadedConfig): Promise<void>;
  /** Stops the run between two failures, as a crash would (tests). */
  signal?: AbortSignal;
  /** Called for each failure re-classified (tests and metrics). */
  onReclassified?: (jobId: number) => void;
}

export interface ReclassifyOutcome {
  state: "done" | "lost";
  examined: number;
  changed: number;
  reanalysed: string[];
}

export class LeaseLost extends Error {}

export async function reclassifyRepository(deps: ReclassifyDeps, claim: ClaimedReclassification): Promise<ReclassifyOutcome> {
  const { prisma } = deps;
  const config = await deps.loadConfig(claim);
  const compiled = config.compiled;
  const hash = compiled.hash;
  let cursor = claim.cursorJobId;
  const outcome: ReclassifyOutcome = { state: "done", examined: 0, changed: 0, reanalysed: [] };
  try {
    if (claim.targetHash !== hash) {
      cursor = 0; // a new target: every failure is looked at again (those already at this hash cheaply)
      await guarded(deps, claim, (tx) => tx.reclassification.updateMany({ where: ours(deps, claim), data: { targetHash: hash, cursorJobId: 0, leaseUntil: lease(deps) } }));
    }
    const heads = await openPullRequestHeads(prisma, claim.repositoryId, claim.since);
    // 1. every stored failure of the window but those of open pull requests' heads
    for (;;) {
      const rows = await page(prisma, claim, cursor, deps.pageSize ?? 100);
      if (rows.length === 0) break;
      const updates: { jobId: number; data: object; changed: boolean }[] = [];
      for (const row of rows) {
        if (deps.signal?.aborted) throw deps.signal.reason;
        const stored = row.job.classification;
        if (!stored || stored.patternSetHash === hash || heads.has(row.job.headSha)) continue;
        const v = reclassify(await failureTextFromRow(row), compiled, row.job);
        deps.onReclassified?.(row.jobId);
        const { row: data, changed } = reclassifiedRow(stored, v);
        updates.push({ jobId: row.jobId, data, changed });
      }
      cursor = rows[rows.length - 1]!.jobId;
      const changed = updates.filter((u) => u.changed).length;
      await guarded(deps, claim, async (tx) => {
        for (const u of updates) await tx.classification.update({ where: { jobId: u.jobId }, data: u.data });
        await syncJobCauses(tx, updates.filter((u) => u.changed).map((u) => u.jobId)); // the causes pages' rollup
        await refreshMainDaysOfJobs(tx, updates.filter((u) => u.changed).map((u) => u.jobId)); // the health pages' stored days
        return tx.reclassification.updateMany({
          where: ours(deps, claim),
          data: { cursorJobId: cursor, leaseUntil: lease(deps), examined: { increment: updates.length }, changed: { increment: changed } },
        });
      });
      outcome.examined += updates.length;
      outcome.changed += changed;
    }
    // 2. open pull requests' heads: their report is rewritten when a verdict changes
    for (const sha of heads) {
      if (deps.signal?.aborted) throw deps.signal.reason;
      const stale = await staleOfHead(prisma, claim, sha, hash);
      if (stale.length === 0) continue;
      const updates: ({ jobId: number } & ReturnType<typeof reclassifiedRow>)[] = [];
      for (const row of stale) {
        const v = reclassify(await failureTextFromRow(row), compiled, row.job);
        deps.onReclassified?.(row.jobId);
        updates.push({ jobId: row.jobId, ...reclassifiedRow(row.job.classification!, v) });
      }
      if (updates.some((u) => u.changed)) {
        try {
          await deps.reanalyse(claim, sha, config);
          outcome.reanalysed.push(sha);
        } catch (err) {
          // One report GitHub will not take (a deleted repository, a lost permission) must not hold
          // the repository's re-classification forever: its rows are moved below all the same.
          deps.log.warn({ err }, `${claim.owner}/${claim.repo}@${sha.slice(0, 12)}: the report could not be rewritten after re-classification`);
        }
      }
      // superseded attempts, and a head whose verdicts did not change: the rows only
      const left = new Set((await staleOfHead(prisma, claim, sha, hash)).map((r) => r.jobId));
      await guarded(deps, claim, async (tx) => {
        for (const u of updates) if (left.has(u.jobId)) await tx.classification.update({ where: { jobId: u.jobId }, data: u.row });
        await syncJobCauses(tx, updates.filter((u) => u.changed && left.has(u.jobId)).map((u) => u.jobId));
        await refreshMainDaysOfJobs(tx, updates.filter((u) => u.changed && left.has(u.jobId)).map((u) => u.jobId));
        return tx.reclassification.updateMany({ where: ours(deps, claim), data: { leaseUntil: lease(deps), examined: { increment: updates.length }, changed: { increment: updates.filter((u) => u.changed).length } } });
      });
      outcome.examined += updates.length;
      outcome.changed += updates.filter((u) => u.changed).length;
    }
    await guarded(deps, claim, (tx) => tx.reclassification.updateMany({ where: ours(deps, claim), data: { state: "done", leaseOwner: null, leaseUntil: null, finishedAt: deps.now() } }));
  } catch (err) {
    if (err instanceof LeaseLost) return { ...outcome, state: "lost" };
    throw err;
  }
  deps.log.info(`${claim.owner}/${claim.repo}: re-classified ${outcome.examined} stored failures with pattern set ${hash} (${outcome.changed} changed; ${outcome.reanalysed.length} open pull request reports rewritten)`);
  return outcome;
}

function ours(deps: ReclassifyDeps, claim: ClaimedReclassification) {
  return { repositoryId: BigInt(claim.repositoryId), leaseOwner: deps.owner, state: "running" };
}

function lease(deps: ReclassifyDeps): Date {
  return new Date(deps.now().getTime() + deps.leaseSeconds * 1000);
}

/** Runs `fn` in a transaction that is undone when the lease is no longer ours (fn's last update matched no row). */
async function guarded(deps: ReclassifyDeps, claim: ClaimedReclassification, fn: (tx: Prisma.TransactionClient) => Promise<{ count: number }>): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const { count } = await fn(tx);
    if (count === 0) throw new LeaseLost(`${claim.owner}/${claim.repo}: the re-classification lease was lost (another worker, or a newer request)`);
  });
}

const withJob = { job: { include: { classification: true } } } as const;

function page(prisma: PrismaClient, claim: ClaimedReclassification, after: number, take: number) {
  return prisma.failureText.findMany({
    where: { repositoryId: BigInt(claim.repositoryId), createdAt: { gte: claim.since }, jobId: { gt: after } },
    orderBy: { jobId: "asc" },
    take,
    include: withJob,
  });
}

function staleOfHead(prisma: PrismaClient, claim: ClaimedReclassification, sha: string, hash: string) {
  return prisma.failureText.findMany({
    where: {
      repositoryId: BigInt(claim.repositoryId),
      createdAt: { gte: claim.since },
      job: { headSha: sha, classification: { OR: [{ patternSetHash: null }, { patternSetHash: { not: hash } }] } },
    },
    orderBy: { jobId: "asc" },
    include: withJob,
  });
}
