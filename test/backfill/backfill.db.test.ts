// The webhook backfill against the GitHub double with a real Octokit: what no webhook brought is
// stored and scheduled; asked again, GitHub's 304s answer (free of rate limit) and nothing changes.
import { ProbotOctokit } from "probot";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { backfillRepository, claimBackfill, DEFAULT_LIMITS, EtagCache, finishBackfill, type BackfillRound } from "../../src/backfill/index.js";
import { upsertRepository } from "../../src/ingest/index.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const REPO = { id: 4242, installationId: 7, owner: "octo", name: "app", private: false, defaultBranch: "main" };
const SHA = "b".repeat(40);
const PR_SHA = "c".repeat(40);
const TOKEN = "ghs_backfill_test";

let gh: GitHubDouble;
beforeAll(async () => {
  gh = await startGitHubDouble();
  gh.state.tokens.add(TOKEN);
});
afterAll(() => gh.close());
beforeEach(() => {
  for (const m of [gh.state.workflowRuns, gh.state.jobs, gh.state.pulls, gh.state.statuses, gh.state.checkRuns, gh.state.branches]) m.clear();
});
const db = useTestDatabase(async (d) => {
  await upsertRepository(d.sql, REPO.installationId, { id: REPO.id, name: REPO.name, owner: { login: REPO.owner }, private: false, default_branch: "main" }, new Date());
});

function octokit(): InstanceType<typeof ProbotOctokit> {
  const O = ProbotOctokit.defaults((o: object) => ({ ...o, baseUrl: `${gh.origin}/api/v3`, retry: { enabled: false }, throttle: { enabled: false } }));
  return new O({ auth: { token: TOKEN } });
}

function round(cache: EtagCache, statuses: string[], now = new Date()): BackfillRound {
  return {
    octokit: octokit(),
    sql: db().sql,
    repo: REPO,
    now,
    timing: { coolOffSeconds: 60, maxWaitSeconds: 600 },
    limits: DEFAULT_LIMITS,
    log: pino({ level: "silent" }),
    appId: gh.state.appId,
    cache,
    requests: { inc: (labels) => void statuses.push(String(labels.status)) },
  };
}

describe("backfillRepository", () => {
  it("stores the jobs of a failed run no webhook brought, schedules its SHA, and costs only 304s when asked again", async () => {
    gh.state.workflowRuns.set(9001, { id: 9001, owner: "octo", repo: "app", headSha: SHA, headBranch: "feature", runAttempt: 1, status: "completed", conclusion: "failure", updatedAt: new Date().toISOString(), pullRequests: [31] });
    gh.state.jobs.set(501, { id: 501, runId: 9001, owner: "octo", repo: "app", name: "unit", headSha: SHA, conclusion: "failure", status: "completed", runAttempt: 1 });
    gh.state.jobs.set(502, { id: 502, runId: 9001, owner: "octo", repo: "app", name: "lint", headSha: SHA, conclusion: "success", status: "completed", runAttempt: 1 });
    const cache = new EtagCache();
    const statuses: string[] = [];

    expect(await backfillRepository(round(cache, statuses))).toEqual({ stored: 2 });
    const jobs = await db().prisma.job.findMany({ orderBy: { externalId: "asc" } });
    expect(jobs.map((j) => [j.externalId, j.provider, j.conclusion, j.headSha])).toEqual([["501", "actions", "failure", SHA], ["502", "actions", "success", SHA]]);
    const head = await db().prisma.headCommit.findFirstOrThrow({ where: { sha: SHA } });
    expect(head).toMatchObject({ state: "pending", prNumbers: [31], branch: "feature" });
    expect(statuses.every((s) => s === "200" || s === "404")).toBe(true); // no branch "main" in the double: 404

    statuses.length = 0;
    await db().sql.query(`delete from "Job" where "externalId" = '502'`); // a later webhook loss is found again…
    expect(await backfillRepository(round(cache, statuses))).toEqual({ stored: 0 }); // …but run 9001 is known: its failed job is there
    expect(statuses.filter((s) => s === "304").length).toBeGreaterThanOrEqual(2); // the runs and pulls lists did not change
    expect(statuses).not.toContain("200");
  });

  it("stores failed check runs of other CI apps and commit statuses of open PR heads, never Sift's own or Actions' check runs", async () => {
    gh.state.pulls.set(77, { number: 77, headSha: PR_SHA, headRef: "topic", baseRef: "main", baseSha: "d".repeat(40), body: null });
    gh.state.statuses.set(`octo/app@${PR_SHA}`, [{ context: "ci/jenkins: build", state: "failure", target_url: "https://jenkins.example/job/1/", created_at: "2026-12-06T09:00:00Z", updated_at: "2026-12-06T09:01:00Z" }]);
    const check = (id: number, app: { id: number; slug: string }) =>
      gh.state.checkRuns.set(id, { id, owner: "octo", repo: "app", name: `check ${id}`, head_sha: PR_SHA, status: "completed", conclusion: "failure", writes: [], app });
    check(61, { id: 99, slug: "buildkite" });
    check(62, { id: gh.state.appId, slug: gh.state.appSlug });
    check(63, { id: 15368, slug: "github-actions" });

    expect(await backfillRepository(round(new EtagCache(), []))).toEqual({ stored: 2 });
    const jobs = await db().prisma.job.findMany({ orderBy: { provider: "asc" } });
    expect(jobs.map((j) => [j.provider, j.externalId, j.conclusion])).toEqual([
      ["check_run", "61", "failure"],
      ["status", `${PR_SHA}/ci/jenkins: build`, "failure"],
    ]);
    expect(await db().prisma.headCommit.findFirstOrThrow({ where: { sha: PR_SHA } })).toMatchObject({ state: "pending", prNumbers: [77], baseBranch: "main" });
  });
});

describe("the backfill lease", () => {
  it("lets one replica backfill a repository at a time, once per interval", async () => {
    const t0 = new Date("2026-12-06T10:00:00Z");
    const at = (owner: string, now: Date) => ({ repositoryId: REPO.id, owner, now, leaseMs: 60_000, intervalMs: 600_000 });
    expect(await claimBackfill(db().sql, at("a", t0))).toBe(true);
    expect(await claimBackfill(db().sql, at("b", t0))).toBe(false); // a holds it
    await finishBackfill(db().sql, { repositoryId: REPO.id, owner: "a", now: t0, ok: true });
    expect(await claimBackfill(db().sql, at("b", new Date(t0.getTime() + 60_000)))).toBe(false); // done a minute ago
    expect(await claimBackfill(db().sql, at("b", new Date(t0.getTime() + 600_000)))).toBe(true);
    // a replica that died holding the lease: free again once it expired
    expect(await claimBackfill(db().sql, at("c", new Date(t0.getTime() + 630_000)))).toBe(false);
    expect(await claimBackfill(db().sql, at("c", new Date(t0.getTime() + 661_000)))).toBe(true);
  });
});
