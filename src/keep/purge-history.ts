// After SIFT_HISTORY_DAYS a repository's history goes: jobs that completed before the cut-off (with
// their verdicts, kept texts, failing tests, re-runs, cause rows and statistic values), head commits
// left without jobs, merge-queue ejections, and the rollups' days before it (DailyCause, OrgDailyCause,
// MainBranchDay, DailyDuration, StaleDurationDay; CauseFirstSeen found again from the days left), so
// what is left is what a rebuild from the remaining verdicts would sum. A batch at a time, each in its
// own transaction under the rollup's locks (src/rollup/sync-job-causes.ts: repository, then owner), so
// a verdict written meanwhile is never summed against half-purged rows, and a replica purging the same
// repository at once only deletes fewer rows. A SHA under analysis (pending or running, its lease) keeps its jobs.
import type { PrismaClient, Prisma } from "../generated/prisma/client.js";
import { refreshFirstSeen } from "../rollup/index.js";

const DAY = 24 * 3600 * 1000;
const BATCH = 1000;

export interface HistoryPurge {
  jobs: number;
  commits: number;
  /** Rollup rows of days before the cut-off (per repository and per owner). */
  rollupRows: number;
}

export interface HistoryPurgeOptions {
  now: Date;
  historyDays: number;
  batch?: number;
  /** Jobs deleted at most in one call (the rest waits for the next round). */
  maxJobs?: number;
  signal?: AbortSignal;
}

/** The first UTC day kept. */
export function historyCutoff(now: Date, historyDays: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - historyDays * DAY);
}

const lockRepository = (tx: Prisma.TransactionClient, id: bigint) =>
  tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.rollup'), ($1::bigint % 2147483647)::int)`, id.toString());
const lockOwner = (tx: Prisma.TransactionClient, owner: string) =>
  tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.rollup.org'), hashtext($1))`, owner);

const OLD_JOBS = `select j.id from "Job" j where j."repositoryId" = $1::bigint and j."completedAt" < $2::timestamp
  and not exists (select 1 from "HeadCommit" h where h."repositoryId" = j."repositoryId" and h.sha = j."headSha" and h.state in ('pending', 'running'))
  order by j."completedAt" limit $3`;
const OLD_COMMITS = `select h.id from "HeadCommit" h where h."repositoryId" = $1::bigint and h."createdAt" < $2::timestamp and h.state in ('idle', 'done')
  and not exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha) limit $3`;
const OLD_PAIRS = `select distinct "keyType" as t, "causeKey" as k from "DailyCause" where "repositoryId" = $1::bigint and day < $2::date`;
// per repository, keyed by day (or time) before the cut-off
const REPOSITORY_DAYS = [
  `delete from "JobCause" where "repositoryId" = $1::bigint and day < $2::date`, // a kept job's (its SHA in flight) rows of an old day
  `delete from "DailyCause" where "repositoryId" = $1::bigint and day < $2::date`,
  `delete from "MainBranchDay" where "repositoryId" = $1::bigint and day < $2::date`,
  `delete from "DailyDuration" where "repositoryId" = $1::bigint and day < $2::date`,
  `delete from "StaleDurationDay" where "repositoryId" = $1::bigint and day < $2::date`,
  `delete from "StatisticValue" where "repositoryId" = $1::bigint and at < $2::timestamp`,
  `delete from "MergeQueueEjection" where "repositoryId" = $1::bigint and "createdAt" < $2::timestamp`,
];
const OWNER_DAYS = `delete from "OrgDailyCause" where owner = $1 and day < $2::date`;
// a repository whose every daily row went is no longer summed under the owner (as a rebuild would list it)
const OWNER_SCOPE = `delete from "OrgCauseRepository" x where x.owner = $1 and not exists (select 1 from "DailyCause" d where d."repositoryId" = x."repositoryId")`;

export async function purgeHistory(prisma: PrismaClient, opts: HistoryPurgeOptions): Promise<HistoryPurge> {
  const out: HistoryPurge = { jobs: 0, commits: 0, rollupRows: 0 };
  if (opts.historyDays <= 0) return out;
  const cutoff = historyCutoff(opts.now, opts.historyDays);
  const at = cutoff.toISOString();
  const day = at.slice(0, 10);
  const batch = opts.batch ?? BATCH;
  let budget = opts.maxJobs ?? 100 * batch;
  const repositories = await prisma.repository.findMany({ select: { id: true, owner: true }, orderBy: { id: "asc" } });
  for (const repo of repositories) {
    for (;;) {
      if (opts.signal?.aborted || budget <= 0) return out;
      const deleted = await prisma.$transaction(async (tx) => {
        await lockRepository(tx, repo.id);
        const ids = (await tx.$queryRawUnsafe<{ id: number }[]>(OLD_JOBS, repo.id.toString(), at, Math.min(batch, budget))).map((r) => r.id);
        if (ids.length === 0) return 0;
        await tx.$executeRawUnsafe(`delete from "StatisticValue" where "jobId" = any($1::int[])`, ids);
        await tx.$executeRawUnsafe(`delete from "StatisticLog" where "jobId" = any($1::int[])`, ids);
        await tx.$executeRawUnsafe(`delete from "Job" where id = any($1::int[])`, ids); // cascades: verdict, text, tests, re-runs, cause rows
        // a successful job's deletion marks its old day stale (the durations trigger): that day is going too
        await tx.$executeRawUnsafe(`delete from "StaleDurationDay" where "repositoryId" = $1::bigint and day < $2::date`, repo.id.toString(), day);
        return ids.length;
      }, { timeout: 120_000 });
      out.jobs += deleted;
      budget -= deleted;
      if (deleted < batch) break;
    }
    for (;;) {
      const ids = (await prisma.$queryRawUnsafe<{ id: number }[]>(OLD_COMMITS, repo.id.toString(), at, batch)).map((r) => r.id);
      if (ids.length === 0) break;
      // a commit that got a job meanwhile stays
      out.commits += await prisma.$executeRawUnsafe(`delete from "HeadCommit" h where h.id = any($1::int[]) and h.state in ('idle', 'done')
        and not exists (select 1 from "Job" j where j."repositoryId" = h."repositoryId" and j."headSha" = h.sha)`, ids);
      if (ids.length < batch) break;
    }
    out.rollupRows += await prisma.$transaction(async (tx) => {
      await lockRepository(tx, repo.id);
      await lockOwner(tx, repo.owner.toLowerCase());
      const pairs = await tx.$queryRawUnsafe<{ t: string; k: string }[]>(OLD_PAIRS, repo.id.toString(), day);
      let rows = 0;
      for (const statement of REPOSITORY_DAYS) rows += await tx.$executeRawUnsafe(statement, repo.id.toString(), statement.includes("::timestamp") ? at : day);
      await refreshFirstSeen(tx, pairs.map((p) => ({ repositoryId: repo.id, keyType: p.t, causeKey: p.k })));
      return rows;
    }, { timeout: 120_000 });
  }
  for (const owner of [...new Set(repositories.map((r) => r.owner.toLowerCase()))].sort()) {
    if (opts.signal?.aborted) return out;
    out.rollupRows += await prisma.$transaction(async (tx) => {
      await lockOwner(tx, owner);
      const rows = await tx.$executeRawUnsafe(OWNER_DAYS, owner, day);
      await tx.$executeRawUnsafe(OWNER_SCOPE, owner);
      return rows;
    }, { timeout: 120_000 });
  }
  return out;
}
