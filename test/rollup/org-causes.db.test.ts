// The owner's rollup and the latest-day counts are kept as verdicts are written: a (repository, job
// name) pair counts on the day of its latest failure with a cause, a repository on its latest day, an
// owner's row sums its repositories' rows (owners compared lower-cased), a re-classified job moves all
// of it, and the incremental rows are the ones a rebuild sums from scratch.
import { describe, expect, it } from "vitest";
import { saveClassifications } from "../../src/analyse/save-classifications.js";
import type { PrismaClient } from "../../src/db/index.js";
import { failClosed, type JobInfo, type JobReport, type VerdictClass } from "../../src/model/index.js";
import { rebuildCauses } from "../../src/rollup/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const db = useTestDatabase(async ({ prisma }) => {
  await prisma.installation.create({ data: { id: 1n, accountLogin: "octo" } });
  await prisma.repository.create({ data: { id: 7n, installationId: 1n, owner: "Octo", name: "app" } });
  await prisma.repository.create({ data: { id: 8n, installationId: 1n, owner: "octo", name: "api" } });
  await prisma.repository.create({ data: { id: 9n, installationId: 1n, owner: "other", name: "x" } });
});

let ext = 0;
async function job(prisma: PrismaClient, repositoryId: bigint, name: string, day: string): Promise<JobInfo> {
  const completedAt = new Date(`${day}T10:00:00Z`);
  const row = await prisma.job.create({
    data: { repositoryId, provider: "actions", externalId: String(++ext), headSha: String(ext).padStart(40, "0"), name, runId: BigInt(ext), status: "completed", conclusion: "failure", startedAt: new Date(completedAt.getTime() - 60_000), completedAt },
  });
  return { ...row, runId: row.runId?.toString() ?? null, provider: "actions", steps: null };
}

function report(j: JobInfo, cls: VerdictClass, patternId: string, signature: string | null): JobReport {
  return { job: j, failure: { ...failClosed("seeded"), class: cls, patternId, category: null, signature }, finalClass: cls, knownProblem: null, retry: null, attempts: [] };
}

const boom = (j: JobInfo) => report(j, "genuine", "sift.genuine.test-failure", "genuine:boom");
// the repository id is for failing tests only, and these name none
const save = (prisma: PrismaClient, jobs: JobReport[]) => prisma.$transaction((tx) => saveClassifications(tx, jobs, 0));

/** The "boom" cause's days, each [repository or owner, day, count, jobsLast, repoLast or reposLast]. */
async function boomDays(prisma: PrismaClient) {
  const repos = await prisma.dailyCause.findMany({ where: { causeKey: "boom" }, orderBy: [{ repositoryId: "asc" }, { day: "asc" }] });
  const owners = await prisma.orgDailyCause.findMany({ where: { causeKey: "boom" }, orderBy: [{ owner: "asc" }, { day: "asc" }] });
  return {
    repos: repos.map((r) => [Number(r.repositoryId), r.day.toISOString().slice(0, 10), r.count, r.jobsLast, r.repoLast]),
    owners: owners.map((r) => [r.owner, r.day.toISOString().slice(0, 10), r.count, r.jobsLast, r.reposLast]),
  };
}

async function everything(prisma: PrismaClient) {
  return {
    daily: await prisma.dailyCause.findMany({ orderBy: [{ repositoryId: "asc" }, { day: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] }),
    owners: await prisma.orgDailyCause.findMany({ orderBy: [{ owner: "asc" }, { day: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] }),
    covered: await prisma.orgCauseRepository.findMany({ orderBy: [{ owner: "asc" }, { repositoryId: "asc" }] }),
  };
}

describe("owner rollup and latest days", () => {
  it("counts each job and repository on its latest day, sums an owner's repositories, and moves all of it on a new verdict", async () => {
    const { prisma } = db();
    const a = await job(prisma, 7n, "test", "2026-11-18");
    const b = await job(prisma, 7n, "test", "2026-11-20");
    const c = await job(prisma, 7n, "lint", "2026-11-19");
    const d = await job(prisma, 8n, "test", "2026-11-19");
    const e = await job(prisma, 9n, "test", "2026-11-20");
    await save(prisma, [boom(a), boom(c)]);
    await save(prisma, [boom(b)]); // a later failure of the same job: its count moves off 11-18
    await save(prisma, [boom(d)]);
    await save(prisma, [boom(e)]);
    expect(await boomDays(prisma)).toEqual({
      repos: [[7, "2026-11-18", 1, 0, 0], [7, "2026-11-19", 1, 1, 0], [7, "2026-11-20", 1, 1, 1], [8, "2026-11-19", 1, 1, 1], [9, "2026-11-20", 1, 1, 1]],
      owners: [["octo", "2026-11-18", 1, 0, 0], ["octo", "2026-11-19", 2, 2, 1], ["octo", "2026-11-20", 1, 1, 1], ["other", "2026-11-20", 1, 1, 1]],
    });
    expect((await prisma.orgDailyCause.findFirstOrThrow({ where: { owner: "octo", causeKey: "boom", day: new Date("2026-11-19") } })).latestJobId).toBe(d.id);
    expect((await prisma.orgCauseRepository.findMany({ orderBy: { repositoryId: "asc" } })).map((r) => [r.owner, Number(r.repositoryId)])).toEqual([["octo", 7], ["octo", 8], ["other", 9]]);

    await save(prisma, [report(b, "flaky", "net.reset", null)]); // 11-20 was app's only failure of "test" there
    expect(await boomDays(prisma)).toEqual({
      repos: [[7, "2026-11-18", 1, 1, 0], [7, "2026-11-19", 1, 1, 1], [8, "2026-11-19", 1, 1, 1], [9, "2026-11-20", 1, 1, 1]],
      owners: [["octo", "2026-11-18", 1, 1, 0], ["octo", "2026-11-19", 2, 2, 2], ["other", "2026-11-20", 1, 1, 1]],
    });
    expect(await prisma.orgDailyCause.findFirstOrThrow({ where: { causeKey: "net.reset" } })).toMatchObject({ owner: "octo", count: 1, jobsLast: 1, reposLast: 1, latestJobId: b.id });

    const kept = await everything(prisma);
    await prisma.orgDailyCause.updateMany({ data: { count: 999, jobsLast: 9 } });
    await prisma.dailyCause.updateMany({ data: { jobsLast: 9, repoLast: 9 } });
    await rebuildCauses(prisma);
    expect(await everything(prisma)).toEqual(kept);
  });

  it("writes the same rollup from the migration's backfill as the rebuild", async () => {
    const { readFile } = await import("node:fs/promises");
    const { REBUILD_CAUSE_SERIES, REBUILD_ORG_CAUSES } = await import("../../src/rollup/index.js");
    const migration = (await readFile(new URL("../../prisma/migrations/20261207000100_org_causes/migration.sql", import.meta.url), "utf8")).replace(/\s+/g, " ");
    for (const statement of [...REBUILD_CAUSE_SERIES.slice(1), ...REBUILD_ORG_CAUSES.slice(2)]) expect(migration).toContain(`${statement.trim().replace(/\s+/g, " ")};`);
  });
});
