// The causes rollup is kept as verdicts are written: one count per failed job, moved (not added) when
// the job is classified again, unchanged when the same verdict is written twice, and the same when
// rebuilt from the stored verdicts.
import { describe, expect, it } from "vitest";
import { saveClassifications } from "../../src/analyse/save-classifications.js";
import type { PrismaClient } from "../../src/db/index.js";
import { failClosed, type JobInfo, type JobReport, type VerdictClass } from "../../src/model/index.js";
import { backfillCauses, rebuildCauses } from "../../src/rollup/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const db = useTestDatabase(async ({ prisma }) => {
  await prisma.installation.create({ data: { id: 1n, accountLogin: "octo" } });
  await prisma.repository.create({ data: { id: 7n, installationId: 1n, owner: "octo", name: "app" } });
});

const AT = new Date("2026-11-20T10:00:00Z");
let ext = 0;

async function job(prisma: PrismaClient, o: { name?: string; attempt?: number; runId?: bigint; minutes?: number; sha?: string; conclusion?: string } = {}): Promise<JobInfo> {
  const completedAt = new Date(AT.getTime() + (o.attempt ?? 1) * 3600_000);
  const row = await prisma.job.create({
    data: {
      repositoryId: 7n, provider: "actions", externalId: String(++ext), headSha: o.sha ?? "a".repeat(40), name: o.name ?? "test", runId: o.runId ?? 99n, runAttempt: o.attempt ?? 1,
      status: "completed", conclusion: o.conclusion ?? "failure", startedAt: new Date(completedAt.getTime() - (o.minutes ?? 10) * 60_000), completedAt,
    },
  });
  return { ...row, runId: row.runId?.toString() ?? null, provider: "actions", steps: null };
}

function report(j: JobInfo, cls: VerdictClass, f: { patternId?: string; category?: string; signature?: string; tests?: string[] }): JobReport {
  const failure = { ...failClosed("seeded"), class: cls, patternId: f.patternId ?? null, category: f.category ?? null, signature: f.signature ?? null, tests: (f.tests ?? []).map((id) => ({ id })) };
  return { job: j, failure, finalClass: cls, knownProblem: null, retry: null, attempts: [] };
}

const save = (prisma: PrismaClient, jobs: JobReport[]) => prisma.$transaction((tx) => saveClassifications(tx, jobs, 7));

async function daily(prisma: PrismaClient) {
  const rows = await prisma.dailyCause.findMany({ orderBy: [{ keyType: "asc" }, { causeKey: "asc" }] });
  return rows.map((r) => ({ day: r.day.toISOString().slice(0, 10), verdict: r.verdict, type: r.keyType, key: r.causeKey, kind: r.kind, count: r.count, seconds: r.seconds, latestJobId: r.latestJobId }));
}

describe("causes rollup", () => {
  it("counts a genuine failure by its line and its tests, a flaky one by pattern, with the minutes lost", async () => {
    const { prisma } = db();
    const a = await job(prisma, { minutes: 10 });
    const b = await job(prisma, { name: "lint", minutes: 3 });
    await save(prisma, [report(a, "genuine", { patternId: "sift.genuine.test-failure", signature: "genuine:expected <n> to be <n> in src/cart.test.ts", tests: ["cart adds", "cart removes"] }), report(b, "flaky", { patternId: "net.reset", category: "network", signature: "net.reset:x" })]);
    expect(await daily(prisma)).toEqual([
      { day: "2026-11-20", verdict: "flaky", type: "pattern", key: "net.reset", kind: "infrastructure", count: 1, seconds: 180, latestJobId: b.id },
      { day: "2026-11-20", verdict: "genuine", type: "signature", key: "expected <n> to be <n> in <path>", kind: "test", count: 1, seconds: 600, latestJobId: a.id },
      { day: "2026-11-20", verdict: "genuine", type: "test", key: "cart adds", kind: "test", count: 1, seconds: 600, latestJobId: a.id },
      { day: "2026-11-20", verdict: "genuine", type: "test", key: "cart removes", kind: "test", count: 1, seconds: 600, latestJobId: a.id },
    ]);
  });

  it("moves a job's count when it is classified again, and writing the same verdict twice changes nothing", async () => {
    const { prisma } = db();
    const a = await job(prisma);
    const b = await job(prisma, { sha: "b".repeat(40) });
    const genuine = (j: JobInfo) => report(j, "genuine", { patternId: "sift.genuine.test-failure", signature: "genuine:boom", tests: ["t1"] });
    await save(prisma, [genuine(a), genuine(b)]);
    expect((await daily(prisma)).map((r) => [r.type, r.key, r.count])).toEqual([["signature", "boom", 2], ["test", "t1", 2]]);
    await save(prisma, [report(a, "flaky", { patternId: "disk-full", category: "disk" })]);
    const moved = await daily(prisma);
    expect(moved.map((r) => [r.verdict, r.type, r.key, r.count])).toEqual([["flaky", "pattern", "disk-full", 1], ["genuine", "signature", "boom", 1], ["genuine", "test", "t1", 1]]);
    await save(prisma, [report(a, "flaky", { patternId: "disk-full", category: "disk" })]);
    await save(prisma, [report(a, "flaky", { patternId: "disk-full", category: "disk" })]);
    expect(await daily(prisma)).toEqual(moved);
    expect(await prisma.jobCause.count({ where: { jobId: a.id } })).toBe(1);
    await save(prisma, [report(b, "flaky", { patternId: "disk-full", category: "disk" })]);
    expect((await daily(prisma)).map((r) => [r.key, r.count])).toEqual([["disk-full", 2]]);
  });

  it("counts the failed attempts before a re-run that no verdict counted", async () => {
    const { prisma } = db();
    await job(prisma, { attempt: 1, minutes: 7 }); // failed, re-run before Sift judged it
    await job(prisma, { attempt: 2, minutes: 5, conclusion: "cancelled" }); // not a failure: not lost to this cause
    await job(prisma, { name: "other", attempt: 1, minutes: 30 }); // another job
    const third = await job(prisma, { attempt: 3, minutes: 4 });
    await save(prisma, [report(third, "flaky", { patternId: "net.reset", category: "network" })]);
    expect((await daily(prisma))[0]).toMatchObject({ count: 1, seconds: (7 + 4) * 60 });
  });

  it("fills verdicts written before the rollup existed, and a rebuild gives what maintenance kept", async () => {
    const { prisma } = db();
    const jobs = await Promise.all(Array.from({ length: 6 }, (_, i) => job(prisma, { name: `job ${i % 2}`, sha: String(i).repeat(40), minutes: i + 1 })));
    await save(prisma, jobs.slice(0, 3).map((j, i) => report(j, i % 2 ? "flaky" : "genuine", { patternId: i % 2 ? "net.reset" : "sift.genuine.test-failure", category: "network", signature: `genuine:err ${i}` })));
    const kept = await daily(prisma);
    // three more verdicts stored the old way: no rollup rows
    for (const [i, j] of jobs.slice(3).entries()) {
      await prisma.classification.create({ data: { jobId: j.id, verdict: "genuine", patternId: "sift.genuine.test-failure", signature: `genuine:err ${i + 10}`, reason: "old" } });
    }
    expect(await backfillCauses(prisma, { batch: 2 })).toBe(3);
    expect(await backfillCauses(prisma)).toBe(0);
    const filled = await daily(prisma);
    expect(filled.find((r) => r.key === "err <n>")).toMatchObject({ count: 5, seconds: (1 + 3 + 4 + 5 + 6) * 60 });
    expect(filled.filter((r) => r.key !== "err <n>")).toEqual(kept.filter((r) => r.key !== "err <n>"));
    await prisma.dailyCause.updateMany({ data: { count: 999 } });
    expect(await rebuildCauses(prisma)).toBe(6);
    expect(await daily(prisma)).toEqual(filled);
  });
});
