// Flips read from a real database (PGlite, and PostgreSQL with SIFT_TEST_DB=postgres): a job that failed
// with a test and then passed when re-run at the same commit, the runner's own re-tries, signatures,
// the window and the repository; failing tests stored with each classification; and the decide stage
// asking GitHub for the PR's files only when evidence would clear a failure (strict nock).
import { describe, expect, it } from "vitest";
import { createDecideStage } from "../../src/analyse/index.js";
import { saveClassifications } from "../../src/analyse/save-classifications.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { collectJobs, loadFlakyEvidence } from "../../src/history/index.js";
import type { AnalysisReport, ClassifiedFailure, JobReport } from "../../src/model/index.js";
import { nockListPullFiles, useStrictNock } from "../helpers/github-nock.js";
import { SEED, seedHeadCommit, seedJob, seedRepository, type SeedJob } from "../helpers/seed-jobs.js";
import { seededAnalysisContext } from "../helpers/analysis-context.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

useStrictNock();
const NOW = new Date();
const DAY = 86_400_000;
const TEST = { id: "Cart › applies a discount", file: "src/cart/cart.test.js" };
const PR_SHA = "a".repeat(40);
const db = useTestDatabase(async (db) => {
  await seedRepository(db);
  await seedHeadCommit(db, { sha: PR_SHA, prNumbers: [7], branch: "feature", baseBranch: "main", baseSha: "b".repeat(40) });
});

async function failingTest(jobId: number, t: { id: string; file?: string | null }, runnerFlaky: string | null = null, repositoryId = SEED.repositoryId): Promise<void> {
  const key = t.id.split(" › ").join(" ");
  await db().prisma.failingTest.create({ data: { repositoryId: BigInt(repositoryId), jobId, testKey: key, testId: t.id, file: t.file ?? null, runnerFlaky } });
}

/** Attempt 1 of `name` at `sha` fails with TEST; attempt 2 ends with `then`. */
async function rerun(sha: string, o: { id: number; then: string | null; name?: string; runId?: number; at?: Date; secondName?: string }): Promise<void> {
  const at = o.at ?? new Date(NOW.getTime() - DAY);
  const base: Omit<SeedJob, "externalId"> = { name: o.name ?? "test (1, 2)", sha, runId: o.runId ?? o.id, completedAt: at };
  const failed = await seedJob(db(), { ...base, externalId: o.id });
  await failingTest(failed, TEST);
  if (o.then) await seedJob(db(), { ...base, name: o.secondName ?? base.name, externalId: o.id + 1, runAttempt: 2, conclusion: o.then, completedAt: new Date(at.getTime() + 600_000) });
}

const since = new Date(NOW.getTime() - 30 * DAY);
const query = (over: Partial<Parameters<typeof loadFlakyEvidence>[1]> = {}) => loadFlakyEvidence(db().prisma, { repositoryId: SEED.repositoryId, tests: [TEST], signatures: [], since, ...over });

describe("loadFlakyEvidence", () => {
  it("finds a failed attempt whose re-run at the same commit passed, with the commit's PRs and the passing job", async () => {
    await seedHeadCommit(db(), { sha: "c".repeat(40), prNumbers: [11] });
    await rerun("c".repeat(40), { id: 100, then: "success" });
    const ev = await query();
    expect(ev.tests).toEqual([
      { id: TEST.id, file: TEST.file, flip: expect.objectContaining({ sha: "c".repeat(40), prNumbers: [11], jobName: "test (1, 2)", url: null }) },
    ]);
    expect(ev.tests[0]?.flip.runnerSaid).toBeUndefined();
  });

  it("needs the same job to pass later: a second failure, another job passing, another run, are no flip", async () => {
    await rerun("d".repeat(40), { id: 200, then: "failure" });
    await rerun("e".repeat(40), { id: 300, then: "success", secondName: "lint" });
    const other = await seedJob(db(), { externalId: 400, name: "test (1, 2)", sha: "f".repeat(40), runId: 40 });
    await failingTest(other, TEST);
    await seedJob(db(), { externalId: 401, name: "test (1, 2)", sha: "f".repeat(40), runId: 41, runAttempt: 2, conclusion: "success" });
    expect((await query()).tests).toEqual([]);
  });

  it("keeps to the window and the repository", async () => {
    await rerun("1".repeat(40), { id: 500, then: "success", at: new Date(NOW.getTime() - 40 * DAY) });
    await db().prisma.repository.create({ data: { id: 9999n, installationId: BigInt(SEED.installationId), owner: SEED.owner, name: "elsewhere" } });
    const foreign = await db().prisma.job.create({ data: { repositoryId: 9999n, provider: "actions", externalId: "600", headSha: "2".repeat(40), name: "test (1, 2)", runId: 600n, status: "completed", conclusion: "failure", completedAt: NOW } });
    await failingTest(foreign.id, TEST, null, 9999);
    await db().prisma.job.create({ data: { repositoryId: 9999n, provider: "actions", externalId: "601", headSha: "2".repeat(40), name: "test (1, 2)", runId: 600n, runAttempt: 2, status: "completed", conclusion: "success", completedAt: NOW } });
    expect((await query()).tests).toEqual([]);
    expect((await query({ since: new Date(NOW.getTime() - 60 * DAY) })).tests).toHaveLength(1);
  });

  it("counts a test the runner re-tried until it passed, found by jest's other title form", async () => {
    const j = await seedJob(db(), { externalId: 700, name: "test (2, 2)", sha: "3".repeat(40), completedAt: NOW });
    await failingTest(j, { id: "Cart applies a discount" }, "jest re-ran it after a failure and it passed");
    const ev = await query();
    expect(ev.tests).toEqual([{ id: "Cart applies a discount", file: null, flip: expect.objectContaining({ sha: "3".repeat(40), runnerSaid: "jest re-ran it after a failure and it passed" }) }]);
  });

  it("finds flips by failure signature for failures without test ids", async () => {
    const failed = await seedJob(db(), { externalId: 800, name: "e2e", sha: "4".repeat(40), runId: 80, completedAt: NOW });
    await db().prisma.classification.create({ data: { jobId: failed, verdict: "genuine", signature: "genuine:Error: socket hang up", reason: "x" } });
    await seedJob(db(), { externalId: 801, name: "e2e", sha: "4".repeat(40), runId: 80, runAttempt: 2, conclusion: "success", completedAt: NOW });
    const ev = await query({ tests: [], signatures: ["genuine:Error: socket hang up", "genuine:other"] });
    expect(ev.signatures).toEqual([{ signature: "genuine:Error: socket hang up", jobName: "e2e", flip: expect.objectContaining({ sha: "4".repeat(40) }) }]);
  });
});

function failure(over: Partial<ClassifiedFailure> = {}): ClassifiedFailure {
  return { class: "genuine", patternId: "sift.genuine.test-failure", category: "test-failure", reason: "no pattern", line: 30, excerpt: "● Cart › applies a discount", matchedText: null, signature: "genuine:● Cart › applies a discount", retry: null, issue: null, step: "npm test", notes: [], tests: [TEST], ...over };
}

async function classified(f: ClassifiedFailure): Promise<AnalysisReport> {
  const { failed } = await collectJobs(db().prisma, SEED.repositoryId, PR_SHA);
  const jobs: JobReport[] = failed.map(({ job, attempts }) => ({ job, failure: f, finalClass: f.class, knownProblem: null, retry: null, attempts }));
  return { repo: { id: String(SEED.repositoryId), owner: SEED.owner, name: SEED.repo, private: false }, sha: PR_SHA, prNumbers: [7], pendingJobs: 0, jobs, configProblems: [], notes: [], detailsUrl: "" };
}

const ctx = () => seededAnalysisContext(PR_SHA, NOW);

describe("the decide stage with evidence", () => {
  async function twoFlips(): Promise<void> {
    await rerun("c".repeat(40), { id: 100, then: "success" });
    await rerun("d".repeat(40), { id: 200, then: "success" });
    await seedJob(db(), { externalId: 1, name: "test (1, 2)", sha: PR_SHA, completedAt: NOW });
  }

  it("reads the PR's files (two pages) when evidence would clear the failure, and makes it flaky", async () => {
    await twoFlips();
    nockListPullFiles(SEED.owner, SEED.repo, 7, [Array.from({ length: 100 }, (_, i) => `docs/page-${i}.md`), ["src/cart/cart.js"]]);
    const report = await createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" })(await classified(failure()), ctx());
    expect(report.jobs[0]).toMatchObject({ finalClass: "flaky", confidence: "high", failure: { patternId: "sift.evidence.flaky-test" }, retry: { state: expect.stringMatching(/requested|waiting/) } });
  });

  it("stays genuine, with the reason, when the PR changes the test's file or GitHub does not list the files", async () => {
    await twoFlips();
    const stage = createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" });
    nockListPullFiles(SEED.owner, SEED.repo, 7, [["web/src/cart/cart.test.js"]]);
    const changed = (await stage(await classified(failure()), ctx())).jobs[0];
    expect(changed?.finalClass).toBe("genuine");
    expect(changed?.evidence?.at(-1)?.text).toContain("This pull request changes web/src/cart/cart.test.js");
    nockListPullFiles(SEED.owner, SEED.repo, 7, 502);
    const unknown = (await stage(await classified(failure()), ctx())).jobs[0];
    expect(unknown?.finalClass).toBe("genuine");
    expect(unknown?.evidence?.at(-1)?.text).toContain("(GitHub did not list the pull request's files (HTTP 502)), so the failure counts as genuine");
  });

  it("keeps a test that fails on the default branch right now genuine (broken trunk), asking GitHub nothing", async () => {
    await twoFlips();
    const onMain = await seedJob(db(), { externalId: 900, name: "test (2, 2)", sha: "9".repeat(40), headBranch: "main", completedAt: NOW });
    await failingTest(onMain, TEST);
    const r = (await createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" })(await classified(failure()), ctx())).jobs[0];
    expect(r?.finalClass).toBe("genuine");
    expect(r?.evidence?.at(-1)?.text).toContain(`is failing on main right now (9999999): that is broken trunk`);
  });

  it("asks GitHub nothing when evidence is too thin, and stays genuine when the evidence query fails", async () => {
    await rerun("c".repeat(40), { id: 100, then: "success" });
    await seedJob(db(), { externalId: 1, name: "test (1, 2)", sha: PR_SHA, completedAt: NOW });
    const thin = (await createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" })(await classified(failure()), ctx())).jobs[0];
    expect(thin).toMatchObject({ finalClass: "genuine", confidence: "medium" });

    const broken = new Proxy(db().prisma, {
      get: (target, prop, receiver) =>
        prop === "failingTest" ? { findMany: () => Promise.reject(new Error("relation is locked")) } : Reflect.get(target, prop, receiver),
    }) as PrismaClient;
    const failed = (await createDecideStage({ prisma: broken, githubWebUrl: "https://github.com" })(await classified(failure()), ctx())).jobs[0];
    expect(failed?.finalClass).toBe("genuine");
    expect(failed?.evidence?.at(-1)?.text).toBe("Sift could not look up re-runs of these tests (the database query failed: relation is locked), so the failure counts as genuine.");
  });
});

describe("saveClassifications", () => {
  it("stores each failure's failing tests and runner reports, replacing those of an earlier analysis", async () => {
    await seedJob(db(), { externalId: 1, name: "test (1, 2)", sha: PR_SHA });
    const save = async (f: ClassifiedFailure) => {
      const report = await classified(f);
      await saveClassifications(db().prisma, report.jobs.map((j) => ({ ...j, confidence: "medium", evidence: [{ text: "flipped once", links: [{ label: "#3", url: "https://github.com/o/r/pull/3" }] }] })), SEED.repositoryId);
    };
    await save(failure({ flakyReports: [{ id: "Cart removes an item", how: "jest re-ran it after a failure and it passed" }] }));
    await save(failure({ tests: [TEST, { id: "Cart › totals" }] }));
    const rows = await db().prisma.failingTest.findMany({ orderBy: { id: "asc" }, select: { testKey: true, testId: true, file: true, runnerFlaky: true } });
    expect(rows).toEqual([
      { testKey: "Cart applies a discount", testId: TEST.id, file: TEST.file, runnerFlaky: null },
      { testKey: "Cart totals", testId: "Cart › totals", file: null, runnerFlaky: null },
    ]);
    expect(await db().prisma.classification.findFirstOrThrow()).toMatchObject({ confidence: "medium", evidence: [{ text: "flipped once", links: [{ label: "#3", url: "https://github.com/o/r/pull/3" }] }] });
  });
});
