// Keeps JobCause and DailyCause in step with the verdicts of some jobs, inside the caller's
// transaction: a job's cause rows are replaced, and every daily row they touch is summed again from
// JobCause, so writing the same verdict twice changes nothing and a new verdict moves the count.
import type { Prisma } from "../generated/prisma/client.js";
import { jobCauseRows, type ClassifiedJob, type JobCauseRow } from "./job-cause-rows.js";
import { refreshDailyCauses, type DailyGroup } from "./refresh-daily-causes.js";

type Tx = Prisma.TransactionClient;

/** Replaces the cause rows of `jobIds` from their stored classification; returns how many jobs changed. */
export async function syncJobCauses(tx: Tx, jobIds: readonly number[]): Promise<number> {
  if (jobIds.length === 0) return 0;
  const jobs = await loadClassifiedJobs(tx, jobIds);
  // One writer per repository at a time: two analyses summing one day's row must not both miss the other's jobs.
  for (const repositoryId of [...new Set(jobs.map((j) => j.repositoryId))].sort((a, b) => (a < b ? -1 : 1))) {
    await tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.rollup'), ($1::bigint % 2147483647)::int)`, repositoryId.toString());
  }
  const unjudged = await loadUnjudgedAttempts(tx, jobs);
  const next = jobs.flatMap((j) => jobCauseRows(j, unjudged));
  const before = await tx.jobCause.findMany({ where: { jobId: { in: [...jobIds] } } });
  const changed = jobIds.filter((id) => fingerprint(before, id) !== fingerprint(next, id));
  if (changed.length === 0) return 0;
  const touched = [...before, ...next].filter((r) => changed.includes(r.jobId));
  await tx.jobCause.deleteMany({ where: { jobId: { in: changed } } });
  await tx.jobCause.createMany({ data: next.filter((r) => changed.includes(r.jobId)) });
  await refreshDailyCauses(tx, groupsOf(touched));
  return changed.length;
}

async function loadClassifiedJobs(tx: Tx, jobIds: readonly number[]): Promise<ClassifiedJob[]> {
  const rows = await tx.job.findMany({
    where: { id: { in: [...jobIds] }, classification: { isNot: null } },
    select: {
      id: true, repositoryId: true, provider: true, externalId: true, name: true, runId: true, appSlug: true, headSha: true, runAttempt: true, conclusion: true, startedAt: true, completedAt: true,
      classification: { select: { verdict: true, patternId: true, category: true, signature: true, updatedAt: true } },
      failingTests: { where: { runnerFlaky: null }, select: { testKey: true }, orderBy: { id: "asc" } },
    },
  });
  return rows.flatMap(({ classification, failingTests, ...j }) => (classification ? [{ ...j, classification, testKeys: failingTests.map((t) => t.testKey) }] : []));
}

/** Earlier attempts of these jobs that have no verdict of their own (their time counts for the later verdict). */
async function loadUnjudgedAttempts(tx: Tx, jobs: readonly ClassifiedJob[]) {
  const retried = jobs.filter((j) => j.runAttempt > 1);
  if (retried.length === 0) return [];
  return tx.job.findMany({
    where: { repositoryId: { in: [...new Set(retried.map((j) => j.repositoryId))] }, headSha: { in: [...new Set(retried.map((j) => j.headSha))] }, name: { in: [...new Set(retried.map((j) => j.name))] }, classification: null },
    select: { provider: true, externalId: true, name: true, runId: true, appSlug: true, runAttempt: true, conclusion: true, startedAt: true, completedAt: true },
  });
}

function fingerprint(rows: readonly JobCauseRow[], jobId: number): string {
  return rows
    .filter((r) => r.jobId === jobId)
    .map((r) => JSON.stringify([r.keyType, r.causeKey, String(r.repositoryId), r.day.toISOString(), r.verdict, r.kind, r.category, r.jobName, r.seconds, r.at.toISOString()]))
    .sort()
    .join("\n");
}

function groupsOf(rows: readonly JobCauseRow[]): DailyGroup[] {
  const groups = new Map<string, DailyGroup>();
  for (const r of rows) {
    const g = { repositoryId: r.repositoryId, day: r.day.toISOString().slice(0, 10), verdict: r.verdict, keyType: r.keyType, causeKey: r.causeKey };
    groups.set(JSON.stringify([String(g.repositoryId), g.day, g.verdict, g.keyType, g.causeKey]), g);
  }
  return [...groups.values()];
}
