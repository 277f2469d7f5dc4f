// Keeps JobCause, DailyCause, CauseFirstSeen and OrgDailyCause in step with the verdicts of some jobs, inside the
// caller's transaction: a job's cause rows are replaced, every daily row they touch is summed again from
// JobCause (with its series' latest days), and every owner's row those touch from DailyCause, so writing
// the same verdict twice changes nothing and a new verdict moves the count.
import type { Prisma } from "../generated/prisma/client.js";
import { jobCauseRows, type ClassifiedJob, type JobCauseRow } from "./job-cause-rows.js";
import { refreshCauseSeries, type CauseSeries, type ChangedDay } from "./refresh-cause-series.js";
import { refreshDailyCauses, type DailyGroup } from "./refresh-daily-causes.js";
import { refreshFirstSeen } from "./refresh-first-seen.js";
import { refreshOrgCauses, type OrgGroup } from "./refresh-org-causes.js";

type Tx = Prisma.TransactionClient;

/** Replaces the cause rows of `jobIds` from their stored classification; returns how many jobs changed. */
export async function syncJobCauses(tx: Tx, jobIds: readonly number[]): Promise<number> {
  if (jobIds.length === 0) return 0;
  const jobs = await loadClassifiedJobs(tx, jobIds);
  // One writer per repository at a time: two analyses summing one day's row must not both miss the other's jobs.
  const repositoryIds = [...new Set(jobs.map((j) => j.repositoryId))].sort((a, b) => (a < b ? -1 : 1));
  for (const repositoryId of repositoryIds) {
    await tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.rollup'), ($1::bigint % 2147483647)::int)`, repositoryId.toString());
  }
  // and one per owner, after them: the owner's rows sum every repository of it
  const owners = await ownersOf(tx, repositoryIds);
  for (const owner of [...new Set(owners.values())].sort()) {
    await tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.rollup.org'), hashtext($1))`, owner);
  }
  const unjudged = await loadUnjudgedAttempts(tx, jobs);
  const next = jobs.flatMap((j) => jobCauseRows(j, unjudged));
  const before = await tx.jobCause.findMany({ where: { jobId: { in: [...jobIds] } } });
  const changed = jobIds.filter((id) => fingerprint(before, id) !== fingerprint(next, id));
  if (changed.length === 0) return 0;
  const touched = [...before, ...next].filter((r) => changed.includes(r.jobId));
  await tx.jobCause.deleteMany({ where: { jobId: { in: changed } } });
  await tx.jobCause.createMany({ data: next.filter((r) => changed.includes(r.jobId)) });
  const groups = groupsOf(touched);
  await refreshDailyCauses(tx, groups);
  await refreshFirstSeen(tx, groups);
  const moved = await refreshCauseSeries(tx, seriesOf(groups));
  await refreshOrgCauses(tx, orgGroupsOf([...groups, ...moved], owners), repositoryIds);
  return changed.length;
}

async function ownersOf(tx: Tx, repositoryIds: readonly bigint[]): Promise<Map<string, string>> {
  const rows = await tx.repository.findMany({ where: { id: { in: [...repositoryIds] } }, select: { id: true, owner: true } });
  return new Map(rows.map((r) => [r.id.toString(), r.owner.toLowerCase()]));
}

function seriesOf(groups: readonly DailyGroup[]): CauseSeries[] {
  const series = new Map<string, CauseSeries>();
  for (const g of groups) series.set(JSON.stringify([String(g.repositoryId), g.verdict, g.keyType, g.causeKey]), { repositoryId: g.repositoryId, verdict: g.verdict, keyType: g.keyType, causeKey: g.causeKey });
  return [...series.values()];
}

function orgGroupsOf(days: readonly (DailyGroup | ChangedDay)[], owners: ReadonlyMap<string, string>): OrgGroup[] {
  const groups = new Map<string, OrgGroup>();
  for (const d of days) {
    const owner = owners.get(String(d.repositoryId));
    if (owner === undefined) continue; // a repository row deleted meanwhile: its rows went with it
    const g = { owner, day: d.day, verdict: d.verdict, keyType: d.keyType, causeKey: d.causeKey };
    groups.set(JSON.stringify([g.owner, g.day, g.verdict, g.keyType, g.causeKey]), g);
  }
  return [...groups.values()];
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
