// SIFT_HISTORY_DAYS: a seeded history of 40 days purged at 20. Rows older go (jobs with their verdicts,
// head commits left without jobs, the rollups' days), newer stay untouched, a SHA under analysis keeps its
// jobs, and what is left of the causes rollup is what a rebuild from the remaining verdicts sums.
import { describe, expect, it } from "vitest";
import { historyCutoff, purgeHistory } from "../../src/keep/index.js";
import { rebuildCauses, settleDurations } from "../../src/rollup/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { NOW, seedCauses } from "../web/seed-causes.js";

const DAY = 24 * 3600 * 1000;
const CUTOFF = historyCutoff(NOW, 20); // 2026-10-31
const CUT_DAY = new Date("2026-10-31T00:00:00Z");

const db = useTestDatabase(async ({ prisma }) => {
  await seedCauses(prisma);
  // every job's commit (analysed), successful jobs on both sides of the cut-off (the durations rollup), a
  // commit with no job left, and a SHA under analysis whose failed job is old
  const jobs = await prisma.job.findMany({ select: { repositoryId: true, headSha: true, completedAt: true } });
  await prisma.headCommit.createMany({ data: jobs.map((j) => ({ repositoryId: j.repositoryId, sha: j.headSha, state: "done" as const, createdAt: j.completedAt! })), skipDuplicates: true });
  await prisma.headCommit.create({ data: { repositoryId: 1n, sha: "e".repeat(40), state: "done", createdAt: new Date(NOW.getTime() - 30 * DAY) } });
  await prisma.headCommit.create({ data: { repositoryId: 1n, sha: "f".repeat(40), state: "running", leaseOwner: "other", leaseUntil: new Date(NOW.getTime() + 60_000), createdAt: new Date(NOW.getTime() - 30 * DAY) } });
  for (const [i, daysAgo] of [[1, 30], [2, 25], [3, 10], [4, 2]] as const) {
    const completedAt = new Date(NOW.getTime() - daysAgo * DAY);
    await prisma.job.create({ data: { repositoryId: 1n, provider: "actions", externalId: `ok-${i}`, headSha: "a".repeat(40), name: "build", status: "completed", conclusion: "success", startedAt: new Date(completedAt.getTime() - 90_000), completedAt } });
  }
  const old = new Date(NOW.getTime() - 30 * DAY);
  await prisma.job.create({ data: { repositoryId: 1n, provider: "actions", externalId: "in-flight", headSha: "f".repeat(40), name: "test", status: "completed", conclusion: "failure", startedAt: old, completedAt: old } });
  for (const day of ["2026-10-20", "2026-11-10"]) await prisma.mainBranchDay.create({ data: { repositoryId: 1n, day: new Date(day), branch: "main", commits: 3, broken: 1, points: [] } });
  await settleDurations(prisma, NOW);
});

async function rollups() {
  const { prisma } = db();
  return {
    jobCauses: await prisma.jobCause.findMany({ orderBy: [{ jobId: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] }),
    daily: await prisma.dailyCause.findMany({ orderBy: [{ repositoryId: "asc" }, { day: "asc" }, { verdict: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] }),
    owners: await prisma.orgDailyCause.findMany({ orderBy: [{ owner: "asc" }, { day: "asc" }, { verdict: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] }),
    covered: await prisma.orgCauseRepository.findMany({ orderBy: [{ owner: "asc" }, { repositoryId: "asc" }] }),
    firstSeen: await prisma.causeFirstSeen.findMany({ orderBy: [{ repositoryId: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] }),
  };
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

describe("history purge", () => {
  it("deletes what is older than the cut-off, keeps what is newer and a SHA under analysis, and leaves the rollup a rebuild would sum", async () => {
    const { prisma } = db();
    expect(dayOf(CUTOFF)).toBe("2026-10-31");
    const newer = await prisma.job.findMany({ where: { completedAt: { gte: CUTOFF } }, orderBy: { id: "asc" } });
    const older = await prisma.job.count({ where: { completedAt: { lt: CUTOFF } } });
    const newDays = (await rollups()).daily.filter((r) => r.day >= CUT_DAY);
    const newDurations = await prisma.dailyDuration.findMany({ where: { day: { gte: CUT_DAY } }, orderBy: { day: "asc" } });
    expect(older).toBeGreaterThan(20);
    expect(await prisma.dailyCause.count({ where: { day: { lt: CUT_DAY } } })).toBeGreaterThan(0);
    expect(await prisma.dailyDuration.count({ where: { day: { lt: CUT_DAY } } })).toBe(2);

    const purged = await purgeHistory(prisma, { now: NOW, historyDays: 20, batch: 7 });
    expect(purged.jobs).toBe(older - 1); // all but the in-flight SHA's
    expect(purged.rollupRows).toBeGreaterThan(0);

    // newer rows untouched, older ones gone
    expect(await prisma.job.findMany({ where: { completedAt: { gte: CUTOFF } }, orderBy: { id: "asc" } })).toEqual(newer);
    expect((await prisma.job.findMany({ where: { completedAt: { lt: CUTOFF } } })).map((j) => j.externalId)).toEqual(["in-flight"]);
    expect(await prisma.classification.count({ where: { job: { completedAt: { lt: CUTOFF } } } })).toBe(0);
    expect(await prisma.classification.count()).toBe(newer.filter((j) => j.conclusion === "failure").length);
    const after = await rollups();
    expect(after.daily).toEqual(newDays);
    expect(after.owners.every((r) => r.day >= CUT_DAY)).toBe(true);
    expect(after.jobCauses.every((r) => r.day >= CUT_DAY)).toBe(true);
    expect(await prisma.dailyDuration.findMany({ orderBy: { day: "asc" } })).toEqual(newDurations);
    expect(await prisma.staleDurationDay.count({ where: { day: { lt: CUT_DAY } } })).toBe(0);
    expect((await prisma.mainBranchDay.findMany()).map((d) => dayOf(d.day))).toEqual(["2026-11-10"]);
    // commits: the old ones without jobs went, the one under analysis and every newer one stayed
    const commits = await prisma.headCommit.findMany({ where: { createdAt: { lt: CUTOFF } } });
    expect(commits.map((c) => c.sha)).toEqual(["f".repeat(40)]);
    expect(await prisma.headCommit.count({ where: { createdAt: { gte: CUTOFF } } })).toBe(new Set(newer.filter((j) => !j.externalId.startsWith("ok-")).map((j) => `${j.repositoryId}:${j.headSha}`)).size);

    // the rollup left is the live recomputation from the remaining verdicts, first sightings included
    await rebuildCauses(prisma);
    expect(await rollups()).toEqual(after);
    expect(await settleDurations(prisma, NOW)).toBe(0);

    // a second round finds nothing
    expect(await purgeHistory(prisma, { now: NOW, historyDays: 20 })).toEqual({ jobs: 0, commits: 0, rollupRows: 0 });
  });

  it("moves first sightings to the earliest day left", async () => {
    const { prisma } = db();
    const firstBefore = await prisma.causeFirstSeen.findMany();
    expect(firstBefore.some((f) => f.day < CUT_DAY)).toBe(true);
    await purgeHistory(prisma, { now: NOW, historyDays: 20 });
    const first = await prisma.causeFirstSeen.findMany();
    expect(first.every((f) => f.day >= CUT_DAY)).toBe(true);
    for (const f of first) {
      const earliest = await prisma.dailyCause.findFirstOrThrow({ where: { repositoryId: f.repositoryId, keyType: f.keyType, causeKey: f.causeKey }, orderBy: { day: "asc" } });
      expect(f.day).toEqual(earliest.day);
    }
  });

  it("keeps everything at 0 days, and stops at its job budget", async () => {
    const { prisma } = db();
    const jobs = await prisma.job.count();
    expect(await purgeHistory(prisma, { now: NOW, historyDays: 0 })).toEqual({ jobs: 0, commits: 0, rollupRows: 0 });
    expect(await prisma.job.count()).toBe(jobs);
    expect((await purgeHistory(prisma, { now: NOW, historyDays: 20, batch: 5, maxJobs: 5 })).jobs).toBe(5);
    expect(await prisma.job.count()).toBe(jobs - 5);
  });
});
