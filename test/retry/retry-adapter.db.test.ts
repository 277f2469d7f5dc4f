// The re-run adapter against strict nock and a real database: plan execution, "in progress" waits,
// the workflow_run completed hook, outcomes as flaky evidence, the outage sweep, declarations ending.
import { describe, expect, it } from "vitest";
import type { AnalysisReport, RetryAction } from "../../src/model/index.js";
import { executeRetryPlan, onWorkflowRunCompleted, sweepRetries } from "../../src/retry/index.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import nock from "nock";
import { API, nockGetWorkflowRun, nockRerequestCheckRun, nockRerunFailedJobs, nockRerunJob, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { SEED, seedJob, seedRepository, seedVerdict } from "../helpers/seed-jobs.js";

useStrictNock();
const { owner, repo } = SEED;
const SHA = "a".repeat(40);
const NOW = new Date("2026-11-23T12:00:00Z");
const db = useTestDatabase(seedRepository);

function reportWith(plan: RetryAction[]): AnalysisReport {
  return { repo: { id: String(SEED.repositoryId), owner, name: repo, private: false }, sha: SHA, prNumbers: [], pendingJobs: 0, jobs: [], configProblems: [], notes: [], detailsUrl: "", retryPlan: plan };
}

const action = (jobId: number, over: Partial<RetryAction> = {}): RetryAction => ({ method: "job", jobIds: [jobId], runId: "9000", externalId: "1", when: "now", notBefore: null, cause: "gha.runner-lost", reason: "flaky failure", ...over });
const deps = () => ({ prisma: db().prisma, now: () => NOW, metrics: createMetrics() });

describe("executeRetryPlan", () => {
  it("asks GitHub for each re-run now and records it, counted in /metrics", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: SHA, provider: "check_run", runId: null });
    const c = await seedJob(db(), { externalId: 3, name: "c", sha: SHA, runId: 9100 });
    nockGetWorkflowRun(owner, repo, 9000);
    nockRerunJob(owner, repo, 1);
    nockRerequestCheckRun(owner, repo, 2);
    nockGetWorkflowRun(owner, repo, 9100, "completed", 2);
    nockRerunFailedJobs(owner, repo, 9100);
    const d = deps();
    await executeRetryPlan(d, testOctokit(), reportWith([action(a), action(b, { method: "rerequest", externalId: "2", runId: null }), action(c, { method: "failed_jobs", runId: "9100", externalId: "3" })]));
    expect((await db().prisma.retry.findMany({ orderBy: { id: "asc" } })).map((r) => [r.jobId, r.method, r.status, r.trigger])).toEqual([
      [a, "job", "requested", "auto"],
      [b, "rerequest", "requested", "auto"],
      [c, "failed_jobs", "requested", "auto"],
    ]);
    // the run attempt each re-run started from: a later try compares with it (rerun-once.ts)
    expect((await db().prisma.retry.findMany({ orderBy: { id: "asc" } })).map((r) => r.runAttempt)).toEqual([1, null, 2]);
    expect(await d.metrics.registry.getSingleMetricAsString("sift_retries_total")).toContain('sift_retries_total{trigger="auto",status="requested"} 3');
  });

  it("treats 403 'in progress' as waiting for the run, and other errors as failed with GitHub's message", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: SHA, runId: 9200 });
    nockGetWorkflowRun(owner, repo, 9000, "in_progress");
    nockRerunJob(owner, repo, 1, 403, "This workflow run is still in progress");
    nockGetWorkflowRun(owner, repo, 9200);
    nockRerunJob(owner, repo, 2, 403, "Resource not accessible by integration");
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(a), action(b, { externalId: "2", runId: "9200" })]));
    const rows = await db().prisma.retry.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["waiting", "failed"]);
    expect(rows[1]?.reason).toContain("Resource not accessible");
  });

  it("records later re-runs without calling GitHub: after the run, after a backoff, after an outage", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: SHA });
    const c = await seedJob(db(), { externalId: 3, name: "c", sha: SHA });
    const at = new Date(NOW.getTime() + 120_000);
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(a, { when: "after-run" }), action(b, { when: "after-backoff", notBefore: at }), action(c, { when: "after-outage" })]));
    expect((await db().prisma.retry.findMany({ orderBy: { id: "asc" } })).map((r) => [r.status, r.notBefore])).toEqual([
      ["waiting", null],
      ["waiting", at],
      ["held", null],
    ]);
  });
});

describe("onWorkflowRunCompleted", () => {
  const run = { repositoryId: SEED.repositoryId, runId: "9000", headBranch: "feature", defaultBranch: "main" };

  it("records a passing re-run as evidence and re-runs the next job waiting for the run, one at a time", async () => {
    const a1 = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    await seedJob(db(), { externalId: 11, name: "a", sha: SHA, runAttempt: 2, conclusion: "success" });
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: SHA });
    const c = await seedJob(db(), { externalId: 3, name: "c", sha: SHA });
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(b, { when: "after-run" }), action(c, { when: "after-run" })]));
    await db().prisma.retry.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobId: a1, method: "job", trigger: "auto", status: "requested", attempt: 1, cause: "gha.runner-lost" } });
    nockGetWorkflowRun(owner, repo, 9000, "completed", 2);
    nockRerunJob(owner, repo, 2);
    await onWorkflowRunCompleted(deps(), testOctokit(), run);
    const rows = await db().prisma.retry.findMany({ orderBy: { jobId: "asc" } });
    expect(rows.map((r) => [r.jobId, r.status, r.outcome])).toEqual([
      [a1, "requested", "success"],
      [b, "requested", null],
      [c, "waiting", null],
    ]);
  });

  it("does not re-run a job someone already re-run", async () => {
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: SHA });
    await seedJob(db(), { externalId: 22, name: "b", sha: SHA, runAttempt: 2, status: "in_progress", conclusion: null });
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(b, { when: "after-run" })]));
    await onWorkflowRunCompleted(deps(), testOctokit(), run);
    expect((await db().prisma.retry.findFirstOrThrow()).status).toBe("superseded");
  });

  it("ends a repo-wide declaration once its job passes on the default branch", async () => {
    await seedJob(db(), { externalId: 5, name: "build (linux)", sha: "b".repeat(40), headBranch: "main", conclusion: "success" });
    await db().prisma.knownBroken.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobGlob: "build*", reason: "r", declaredBy: "x", prNumber: null } });
    await db().prisma.knownBroken.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobGlob: "build*", reason: "r", declaredBy: "x", prNumber: 4 } });
    await onWorkflowRunCompleted(deps(), testOctokit(), { ...run, headBranch: "main" });
    const rows = await db().prisma.knownBroken.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.prNumber, r.clearedBy])).toEqual([
      [null, "sift (passed on main)"],
      [4, null],
    ]);
  });
});

describe("sweepRetries", () => {
  it("runs due backoffs and releases held re-runs once their outage has stopped, not before", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: SHA, runId: 9300 });
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(a, { when: "after-backoff", notBefore: NOW }), action(b, { when: "after-outage", externalId: "2", runId: "9300" })]));
    // The cause is still appearing (seen a minute ago): the hold stays.
    const recent = await seedJob(db(), { externalId: 3, name: "x", sha: "c".repeat(40) });
    await seedVerdict(db(), recent, { verdict: "flaky", patternId: "gha.runner-lost", category: "runner", at: new Date(NOW.getTime() - 60_000) });
    nockGetWorkflowRun(owner, repo, 9000);
    nockRerunJob(owner, repo, 1);
    const octokitFor = async () => testOctokit();
    expect(await sweepRetries({ ...deps(), octokitFor })).toBe(1);
    expect((await db().prisma.retry.findMany({ orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["requested", "held"]);
    // Twenty minutes later nothing new: the outage is over, the held job is re-run once.
    nockGetWorkflowRun(owner, repo, 9300);
    nockRerunJob(owner, repo, 2);
    const later = new Date(NOW.getTime() + 20 * 60_000);
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(1);
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(0);
    expect((await db().prisma.retry.findMany({ orderBy: { id: "asc" } })).map((r) => r.status)).toEqual(["requested", "requested"]);
  });

  it("re-runs a job still waiting for its run once GitHub says the run completed (a lost workflow_run delivery)", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA, runId: 9400 });
    nockGetWorkflowRun(owner, repo, 9400, "in_progress");
    nockRerunJob(owner, repo, 1, 403, "This workflow run is still in progress");
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(a, { runId: "9400" })]));
    await db().prisma.retry.updateMany({ data: { createdAt: new Date(NOW.getTime() - 5 * 60_000) } });
    const octokitFor = async () => testOctokit();
    // Recorded 5 minutes ago: the hook should still come; no request.
    expect(await sweepRetries({ ...deps(), octokitFor })).toBe(0);
    // 15 minutes on and the run is still running: asked, and left waiting.
    const later = new Date(NOW.getTime() + 10 * 60_000);
    nockGetWorkflowRun(owner, repo, 9400, "in_progress");
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(0);
    // Then it completed, but no delivery came: the sweep re-runs the job, once.
    nockGetWorkflowRun(owner, repo, 9400, "completed");
    nockGetWorkflowRun(owner, repo, 9400, "completed");
    nockRerunJob(owner, repo, 1);
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(1);
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(0);
    expect((await db().prisma.retry.findMany()).map((r) => r.status)).toEqual(["requested"]);
  });
});

describe("a re-run whose answer was lost", () => {
  const later = new Date(NOW.getTime() + 3 * 60_000);
  const octokitFor = async () => testOctokit();

  it("GitHub acted (the run moved to a new attempt): the next try records it and asks nothing", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    nockGetWorkflowRun(owner, repo, 9000, "completed", 1);
    nock(API).post(`/repos/${owner}/${repo}/actions/jobs/1/rerun`).replyWithError("socket hang up");
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(a)]));
    const row = await db().prisma.retry.findFirstOrThrow();
    expect([row.status, row.runAttempt, row.notBefore?.getTime()]).toEqual(["waiting", 1, NOW.getTime() + 2 * 60_000]);
    expect(row.reason).toMatch(/GitHub did not answer/);
    nockGetWorkflowRun(owner, repo, 9000, "in_progress", 2); // no POST mocked: strict nock fails on one
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(1);
    expect(await db().prisma.retry.findFirstOrThrow()).toMatchObject({ status: "requested", reason: expect.stringMatching(/already started it \(run attempt 2\)/) });
  });

  it("GitHub did not act (same attempt): asked again, once", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    nockGetWorkflowRun(owner, repo, 9000);
    nockRerunJob(owner, repo, 1, 502, "Server Error");
    await executeRetryPlan(deps(), testOctokit(), reportWith([action(a)]));
    expect((await db().prisma.retry.findFirstOrThrow()).status).toBe("waiting");
    nockGetWorkflowRun(owner, repo, 9000);
    nockRerunJob(owner, repo, 1);
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(1);
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(0);
    expect((await db().prisma.retry.findMany()).map((r) => r.status)).toEqual(["requested"]);
  });

  it("a process killed while asking leaves the row 'requesting': the sweep checks GitHub two minutes on", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: SHA });
    await db().prisma.retry.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobId: a, method: "job", trigger: "auto", status: "requesting", attempt: 1, runAttempt: 1, notBefore: new Date(NOW.getTime() + 2 * 60_000) } });
    expect(await sweepRetries({ ...deps(), octokitFor })).toBe(0); // still within its request's time
    nockGetWorkflowRun(owner, repo, 9000, "queued", 2);
    expect(await sweepRetries({ ...deps(), now: () => later, octokitFor })).toBe(1);
    expect((await db().prisma.retry.findFirstOrThrow()).status).toBe("requested");
  });

  it("a check-run re-request interrupted mid-request is not sent again (it cannot be checked)", async () => {
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: SHA, provider: "check_run", runId: null });
    await db().prisma.retry.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobId: b, method: "rerequest", trigger: "auto", status: "requesting", attempt: 1, notBefore: NOW } });
    expect(await sweepRetries({ ...deps(), octokitFor })).toBe(1);
    expect(await db().prisma.retry.findFirstOrThrow()).toMatchObject({ status: "failed", reason: expect.stringMatching(/not sent twice/) });
  });
});
