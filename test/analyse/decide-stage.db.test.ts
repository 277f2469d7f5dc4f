// The decide stage with its history from a real database: broken trunk, declarations, known-problem
// issues with `Fixes #N` (strict nock for the PR body), the hourly budget, and verdicts by kind.
import { describe, expect, it } from "vitest";
import type { AnalysisReport, ClassifiedFailure } from "../../src/model/index.js";
import { createDecideStage } from "../../src/analyse/index.js";
import { configFromFiles } from "../../src/config/index.js";
import { collectJobs, countFailuresByKind } from "../../src/history/index.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { seededAnalysisContext } from "../helpers/analysis-context.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { nockGetPull, useStrictNock } from "../helpers/github-nock.js";
import { SEED, seedHeadCommit, seedJob, seedRepository, seedVerdict } from "../helpers/seed-jobs.js";

useStrictNock();
const PR_SHA = "a".repeat(40);
const BASE = "b".repeat(40);
const NOW = new Date("2026-11-23T12:00:00Z");
const db = useTestDatabase(async (db) => {
  await seedRepository(db);
  await seedHeadCommit(db, { sha: PR_SHA, prNumbers: [7], branch: "feature", baseBranch: "main", baseSha: BASE });
});

const ctx = () => seededAnalysisContext(PR_SHA, NOW);

function failure(over: Partial<ClassifiedFailure>): ClassifiedFailure {
  return { class: "genuine", patternId: null, category: null, reason: "no pattern", line: 3, excerpt: "boom", matchedText: null, signature: "sig-boom", retry: null, issue: null, step: "test", notes: [], ...over };
}

async function classified(verdicts: Record<string, ClassifiedFailure>): Promise<AnalysisReport> {
  const { failed, pendingJobs } = await collectJobs(db().prisma, SEED.repositoryId, PR_SHA);
  const jobs = failed.map(({ job, attempts }) => {
    const f = verdicts[job.name] ?? failure({});
    return { job, failure: f, finalClass: f.class, knownProblem: null, retry: null, attempts };
  });
  return { repo: { id: String(SEED.repositoryId), owner: SEED.owner, name: SEED.repo, private: false }, sha: PR_SHA, prNumbers: [7], pendingJobs, jobs, configProblems: [], notes: [], detailsUrl: "" };
}

describe("createDecideStage", () => {
  it("calls a failure also on main since the first failing base commit known, and says when there is no baseline", async () => {
    await seedJob(db(), { externalId: 1, name: "test (1, 2, linux)", sha: PR_SHA });
    await seedJob(db(), { externalId: 2, name: "docs", sha: PR_SHA });
    const onBase = await seedJob(db(), { externalId: 3, name: "test (2, 2, linux)", sha: BASE, headBranch: "main", completedAt: new Date(NOW.getTime() - 7200_000) });
    await seedVerdict(db(), onBase, { verdict: "genuine", signature: "sig-boom" });
    const stage = createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" });
    const report = await stage(await classified({}), ctx());
    const byName = Object.fromEntries(report.jobs.map((j) => [j.job.name, j]));
    expect(byName["test (1, 2, linux)"]).toMatchObject({
      finalClass: "known-problem",
      knownProblem: { source: "trunk", description: `also failing on main since ${BASE.slice(0, 7)}`, url: `https://github.com/${SEED.owner}/${SEED.repo}/commit/${BASE}` },
    });
    expect(byName.docs?.finalClass).toBe("genuine");
    expect(byName.docs?.failure.notes.join()).toContain("No baseline: this job did not run on main");
  });

  it("applies /known-broken declarations of the PR and ignores other PRs'", async () => {
    await seedJob(db(), { externalId: 1, name: "e2e", sha: PR_SHA });
    await db().prisma.knownBroken.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobGlob: "e2e", reason: "staging is down", declaredBy: "alice", prNumber: 7 } });
    await db().prisma.knownBroken.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobGlob: "*", reason: "other", declaredBy: "bob", prNumber: 8 } });
    const report = await createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" })(await classified({}), ctx());
    expect(report.jobs[0]?.knownProblem).toMatchObject({ source: "declaration", description: "staging is down", declaredBy: "alice" });
  });

  it("covers failures with an open sift:known-problem issue unless the PR body says it fixes it", async () => {
    await seedJob(db(), { externalId: 1, name: "integration", sha: PR_SHA });
    await db().prisma.knownProblemIssue.create({ data: { repositoryId: BigInt(SEED.repositoryId), number: 12, title: "Redis flakes", htmlUrl: "https://github.com/octo-org/octo-repo/issues/12", jobGlobs: ["integ*"], patterns: ["/boo+m/"] } });
    const stage = createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" });
    nockGetPull(SEED.owner, SEED.repo, { number: 7, headSha: PR_SHA, body: "Some change" });
    expect((await stage(await classified({}), ctx())).jobs[0]?.knownProblem).toMatchObject({ source: "issue", url: "https://github.com/octo-org/octo-repo/issues/12" });
    nockGetPull(SEED.owner, SEED.repo, { number: 7, headSha: PR_SHA, body: "Fixes #12" });
    expect((await stage(await classified({}), ctx())).jobs[0]?.finalClass).toBe("genuine");
  });

  it("pauses re-runs when the hourly budget is spent, with the report note", async () => {
    await seedJob(db(), { externalId: 1, name: "flaky-one", sha: PR_SHA });
    for (let i = 0; i < 20; i++) {
      const j = await seedJob(db(), { externalId: 100 + i, name: `old-${i}`, sha: "c".repeat(40) });
      await db().prisma.retry.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobId: j, method: "job", trigger: "auto", status: "requested", createdAt: new Date(NOW.getTime() - 600_000) } });
      // Different causes: twenty of one cause would be an outage (held), not a spent budget.
      await seedVerdict(db(), j, { verdict: "flaky", patternId: `net.cause-${i}`, category: "network", at: new Date(NOW.getTime() - 600_000) });
    }
    const flaky = failure({ class: "flaky", patternId: "net.reset", category: "network", retry: { enabled: true } });
    const report = await createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" })(await classified({ "flaky-one": flaky }), ctx());
    expect(report.jobs[0]?.retry?.state).toBe("paused");
    expect(report.notes).toContain("retries paused: 20 flaky failures in the last hour");
    expect(report.retryPlan).toEqual([]);
  });

  it("takes the attempt cap from the repo's loaded configuration (retry.max_attempts)", async () => {
    await seedJob(db(), { externalId: 1, name: "flaky-one", sha: PR_SHA, runAttempt: 2 });
    const flaky = failure({ class: "flaky", patternId: "net.reset", category: "network", retry: { enabled: true } });
    const stage = createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" });
    // Defaults (max_attempts 3): attempt 2 may still be re-run.
    expect((await stage(await classified({ "flaky-one": flaky }), ctx())).jobs[0]?.retry?.state).not.toBe("exhausted");
    // The repo says 2: attempt 2 is the last.
    const config = configFromFiles([{ owner: SEED.owner, repo: SEED.repo, path: ".github/sift.yml", config: { retry: { max_attempts: 2 } } }], SEED.owner, SEED.repo);
    const report = await stage(await classified({ "flaky-one": flaky }), { ...ctx(), config });
    expect(report.jobs[0]?.retry?.state).toBe("exhausted");
    expect(report.retryPlan).toEqual([]);
  });

  it("takes the backoff base from retry.backoff_seconds, else from the installation's setting", async () => {
    const completedAt = new Date(NOW.getTime() - 10_000);
    await seedJob(db(), { externalId: 1, name: "flaky-one", sha: PR_SHA, runAttempt: 2, completedAt });
    const flaky = failure({ class: "flaky", patternId: "net.reset", category: "network", retry: { enabled: true } });
    const stage = createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com", retryBackoffSeconds: 5 });
    expect((await stage(await classified({ "flaky-one": flaky }), ctx())).retryPlan).toEqual([expect.objectContaining({ when: "now" })]);
    const config = configFromFiles([{ owner: SEED.owner, repo: SEED.repo, path: ".github/sift.yml", config: { retry: { backoff_seconds: 30 } } }], SEED.owner, SEED.repo);
    expect(config.problems).toEqual([]);
    const report = await stage(await classified({ "flaky-one": flaky }), { ...ctx(), config });
    expect(report.retryPlan).toEqual([expect.objectContaining({ when: "after-backoff", notBefore: new Date(completedAt.getTime() + 30_000) })]);
  });

  it("holds re-runs when one infrastructure cause hits many jobs across the installation", async () => {
    await seedJob(db(), { externalId: 1, name: "flaky-one", sha: PR_SHA });
    for (let i = 0; i < 10; i++) {
      const j = await seedJob(db(), { externalId: 100 + i, name: `other-${i}`, sha: "c".repeat(40) });
      await seedVerdict(db(), j, { verdict: "flaky", patternId: "net.reset", category: "network", at: new Date(NOW.getTime() - (10 - i) * 60_000) });
    }
    const flaky = failure({ class: "flaky", patternId: "net.reset", category: "network", retry: { enabled: true } });
    const report = await createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com" })(await classified({ "flaky-one": flaky }), ctx());
    expect(report.jobs[0]?.retry).toEqual({ state: "held", reason: "held: outage of net.reset since 2026-11-23 11:50 UTC (10 in 15 min, 0.0 expected)" });
    expect(report.notes).toContain("held: outage of net.reset since 2026-11-23 11:50 UTC (10 in 15 min, 0.0 expected)");
    expect(report.retryPlan).toEqual([expect.objectContaining({ when: "after-outage", cause: "net.reset" })]);
  });

  it("counts infrastructure and test failures apart, in /metrics (once per failure) and in the database", async () => {
    const infra = await seedJob(db(), { externalId: 1, name: "setup", sha: PR_SHA });
    await seedJob(db(), { externalId: 2, name: "unit", sha: PR_SHA });
    const jest = await seedJob(db(), { externalId: 3, name: "jest", sha: PR_SHA });
    const metrics = createMetrics();
    const stage = createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com", metrics });
    const verdicts = {
      setup: failure({ class: "flaky", patternId: "gha.runner-lost", category: "runner", retry: { enabled: false } }),
      jest: failure({ class: "genuine", patternId: "sift.genuine.test-failure", category: "test-failure" }),
    };
    await stage(await classified(verdicts), ctx());
    await seedVerdict(db(), infra, { verdict: "flaky", patternId: "gha.runner-lost", category: "runner", at: NOW });
    await seedVerdict(db(), jest, { verdict: "genuine", patternId: "sift.genuine.test-failure", category: "test-failure", at: NOW });
    await stage(await classified(verdicts), ctx()); // a re-analysis: "setup" and "jest" are not counted again
    const text = await metrics.registry.getSingleMetricAsString("sift_verdicts_total");
    expect(text).toContain('sift_verdicts_total{verdict="flaky",category="runner",kind="infrastructure"} 1');
    expect(text).toContain('sift_verdicts_total{verdict="genuine",category="test-failure",kind="test"} 1');
    expect(text).toContain('sift_verdicts_total{verdict="genuine",category="none",kind="test"} 2');
    expect(text).not.toMatch(/verdict="genuine"[^}]*kind="infrastructure"/);
    // The database rows count by the same rule: a jest assertion is a test failure, a lost runner infrastructure.
    expect(await countFailuresByKind(db().prisma, { since: new Date(0) })).toEqual({ infrastructure: 1, test: 1 });
  });
});
