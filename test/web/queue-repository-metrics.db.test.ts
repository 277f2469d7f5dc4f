// sift_queue_commits, sift_repository_failures_24h (bounded), sift_retry_outcomes_total and the bounded
// category of sift_verdicts_total, from a real database.
import { describe, expect, it } from "vitest";
import { onWorkflowRunCompleted } from "../../src/retry/index.js";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { queueDepth } from "../../src/web/metrics/queue-metrics.js";
import { boundRepositories, repositoryFailures } from "../../src/web/metrics/repository-failure-metrics.js";
import { testOctokit } from "../helpers/github-nock.js";
import { SEED, seedJob, seedRepository, seedVerdict } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const NOW = new Date("2026-11-23T12:00:00Z");
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const db = useTestDatabase(seedRepository);

describe("queue depth", () => {
  it("counts due, cooling and claimed head SHAs; a lapsed lease is due again", async () => {
    const commit = (n: number, data: object) => db().prisma.headCommit.create({ data: { repositoryId: BigInt(SEED.repositoryId), sha: String(n).repeat(40), ...data } });
    await commit(1, { state: "pending", dueAt: at(-1) });
    await commit(2, { state: "pending", dueAt: at(5) });
    await commit(3, { state: "running", leaseUntil: at(1), leaseOwner: "w" });
    await commit(4, { state: "running", leaseUntil: at(-1), leaseOwner: "w" });
    await commit(5, { state: "done" });
    expect(await queueDepth(db().sql, NOW)).toEqual({ due: 2, cooling: 1, claimed: 1 });
    const metrics = createMetrics({ queue: () => queueDepth(db().sql, NOW) });
    const text = await metrics.registry.getSingleMetricAsString("sift_queue_commits");
    expect(text).toContain('sift_queue_commits{state="due"} 2');
    expect(text).toContain('sift_queue_commits{state="claimed"} 1');
  });
});

describe("failures per repository", () => {
  it("reads the last 24 hours per repository and verdict", async () => {
    const a = await seedJob(db(), { externalId: 1, name: "a", sha: "a".repeat(40) });
    const b = await seedJob(db(), { externalId: 2, name: "b", sha: "a".repeat(40) });
    const old = await seedJob(db(), { externalId: 3, name: "c", sha: "a".repeat(40) });
    await seedVerdict(db(), a, { verdict: "genuine", at: at(-60) });
    await seedVerdict(db(), b, { verdict: "flaky", patternId: "net", category: "network", at: at(-60) });
    await seedVerdict(db(), old, { verdict: "genuine", at: at(-25 * 60) });
    const rows = await repositoryFailures(db().sql, at(-24 * 60));
    expect(rows.sort((x, y) => x.verdict.localeCompare(y.verdict))).toEqual([
      { repo: "octo-org/octo-repo", private: false, verdict: "flaky", count: 1 },
      { repo: "octo-org/octo-repo", private: false, verdict: "genuine", count: 1 },
    ]);
  });

  it("keeps the top repositories by name, sums the rest under other and hides private names", () => {
    const rows = Array.from({ length: 25 }, (_, i) => ({ repo: `o/r${i}`, private: false, verdict: "genuine", count: 100 - i }));
    rows.push({ repo: "o/secret", private: true, verdict: "flaky", count: 1000 }, { repo: "o/r24", private: false, verdict: "flaky", count: 2 });
    const open = boundRepositories(rows, { privateLabel: "private", namePrivate: false });
    expect(open.size).toBe(21);
    expect(open.get("private")).toEqual(new Map([["flaky", 1000]]));
    expect(open.has("o/r18")).toBe(true);
    expect(open.has("o/r19")).toBe(false); // 19th by name once "private" took first place
    expect(open.get("other")).toEqual(new Map([["genuine", 81 + 80 + 79 + 78 + 77 + 76], ["flaky", 2]]));
    expect([...open.keys()].some((k) => k.includes("secret"))).toBe(false);
    expect(boundRepositories(rows, { privateLabel: "private", namePrivate: true }).has("o/secret")).toBe(true);
  });
});

describe("re-run outcomes", () => {
  it("counts what a requested re-run produced when its run completes", async () => {
    const sha = "b".repeat(40);
    const first = await seedJob(db(), { externalId: 1, name: "a", sha });
    await seedJob(db(), { externalId: 11, name: "a", sha, runAttempt: 2, conclusion: "success" });
    const other = await seedJob(db(), { externalId: 2, name: "b", sha });
    await seedJob(db(), { externalId: 22, name: "b", sha, runAttempt: 2, conclusion: "failure" });
    for (const [jobId, trigger] of [[first, "auto"], [other, "command"]] as const) {
      await db().prisma.retry.create({ data: { repositoryId: BigInt(SEED.repositoryId), jobId, method: "job", trigger, status: "requested", attempt: 1 } });
    }
    const metrics = createMetrics();
    await onWorkflowRunCompleted({ prisma: db().prisma, now: () => NOW, metrics }, testOctokit(), { repositoryId: SEED.repositoryId, runId: "9000", headBranch: "feature", defaultBranch: "main" });
    const text = await metrics.registry.getSingleMetricAsString("sift_retry_outcomes_total");
    expect(text).toContain('sift_retry_outcomes_total{trigger="auto",outcome="passed"} 1');
    expect(text).toContain('sift_retry_outcomes_total{trigger="command",outcome="failed_again"} 1');
  });
});

describe("verdict categories", () => {
  it("keep the first 50 distinct names, lower-cased; later ones count as other", async () => {
    const metrics = createMetrics();
    for (let i = 0; i < 60; i++) metrics.verdicts.inc({ verdict: "flaky", category: `Cat-${i}`, kind: "test" });
    const text = await metrics.registry.getSingleMetricAsString("sift_verdicts_total");
    expect(text).toContain('category="cat-0"');
    expect(text).not.toContain('category="cat-55"');
    expect(text).toContain('sift_verdicts_total{verdict="flaky",category="other",kind="test"} 10');
  });
});
