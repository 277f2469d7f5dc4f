// End to end through the GitHub double: signed webhooks over HTTP to Sift (in process, real worker,
// real database), every GitHub call answered by the double. The classify stage is a stand-in (verdict
// by job name) so that these tests exercise decide → report → re-run and the commands, not patterns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClassifiedFailure, JobInfo } from "../../src/model/index.js";
import { baseJobName } from "../../src/decide/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { TEST_APP_ID, startTestApp, type TestApp } from "../helpers/probot.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";

let gh: GitHubDouble;
let db: TestDatabase;
let app: TestApp;

async function classifyJob(job: JobInfo): Promise<ClassifiedFailure> {
  const flaky = job.name.startsWith("flaky");
  return {
    class: flaky ? "flaky" : "genuine",
    patternId: flaky ? "gha.runner-lost" : null,
    category: flaky ? "runner" : null,
    reason: flaky ? "The runner lost communication with the server." : "No known cause: a real failure.",
    line: 1,
    excerpt: flaky ? "lost communication with the server" : "AssertionError",
    matchedText: null,
    signature: `sig-${baseJobName(job.name)}`,
    retry: flaky ? { enabled: true } : null,
    issue: null,
    step: "Run tests",
    notes: [],
  };
}

beforeAll(async () => {
  gh = await startGitHubDouble();
  gh.state.appId = TEST_APP_ID;
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
  gh.state.permissions.set("writer", "write");
  gh.state.permissions.set("reader", "read");
  db = await createTestDatabase();
  app = await startTestApp(db, {
    settings: { githubApiUrl: `${gh.origin}/api/v3`, githubWebUrl: gh.origin, coolOffSeconds: 0, maxWaitSeconds: 0 },
    worker: true,
    pollMs: 50,
    stages: { classifyJob },
  });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await db?.destroy();
  await gh?.close();
});

const siftRun = (s: string) => gh.state.checkRunsFor(REPO.owner, REPO.name, s).find((c) => c.name === "Sift");
const rerunsOf = (ids: number[]) => gh.state.reruns.filter((r) => ids.includes(r.id)).map((r) => `${r.kind}:${r.id}`);
const analyses = async (s: string) => (await db.prisma.headCommit.findFirst({ where: { sha: s } }))?.analyses ?? 0;

/** Waits until the SHA has been analysed `n` times and is settled. */
async function analysed(s: string, n: number): Promise<void> {
  await waitFor(async () => {
    const h = await db.prisma.headCommit.findFirst({ where: { sha: s } });
    return h && h.analyses >= n && h.state === "done" ? true : undefined;
  }, 30_000, `analysis ${n} of ${s.slice(0, 7)}`);
}

async function openPr(number: number, head: string, base = sha(0xba5e)): Promise<void> {
  gh.state.pulls.set(number, { number, headSha: head, headRef: "feature", baseRef: "main", baseSha: base, body: null });
  const p = exampleOf("pull_request", "opened");
  p.number = number;
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = { ...p.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...p.repository.owner, login: REPO.owner } };
  p.pull_request = { ...p.pull_request, number, head: { ...p.pull_request.head, sha: head, ref: "feature" }, base: { ...p.pull_request.base, sha: base, ref: "main" } };
  expect((await app.deliver("pull_request", p)).status).toBe(200);
}

async function comment(pr: number, id: number, login: string, body: string): Promise<void> {
  const p = exampleOf("issue_comment", "created");
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = { ...p.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...p.repository.owner, login: REPO.owner } };
  p.issue = { ...p.issue, number: pr, pull_request: { url: "x" } };
  p.comment = { ...p.comment, id, body, user: { ...p.comment.user, login, type: "User" } };
  expect((await app.deliver("issue_comment", p)).status).toBe(200);
}

const job = (o: Parameters<typeof workflowJobPayload>[0]) => app.deliver("workflow_job", workflowJobPayload(o));

describe("automatic re-runs", () => {
  it("re-runs a flaky job exactly once per attempt, up to retry.max_attempts, and never a genuine one", async () => {
    const S = sha(0x1001);
    await job({ id: 1101, sha: S, name: "flaky-build", runId: 9101, attempt: 1 });
    await job({ id: 1201, sha: S, name: "unit", runId: 9102 });
    await waitFor(async () => (rerunsOf([1101]).length ? true : undefined), 30_000, "the first re-run");
    // Sift's own re-run is on its way, but the genuine "unit" decides the check at once: failure.
    await waitFor(async () => (siftRun(S)?.conclusion === "failure" && /re-running/.test(siftRun(S)?.output?.title ?? "") ? true : undefined), 30_000, "the check run failed, the re-run said");

    await job({ id: 1102, sha: S, name: "flaky-build", runId: 9101, attempt: 2 });
    await waitFor(async () => (rerunsOf([1102]).length ? true : undefined), 30_000, "the second re-run");
    // Another failure re-analyses the SHA: the attempt already re-run is not asked again.
    const before = await analyses(S);
    await job({ id: 1202, sha: S, name: "lint", runId: 9103 });
    await analysed(S, before + 1);

    await job({ id: 1103, sha: S, name: "flaky-build", runId: 9101, attempt: 3 });
    await analysed(S, before + 2);
    expect(rerunsOf([1101, 1102, 1103, 1201, 1202])).toEqual(["job:1101", "job:1102"]);
    expect(siftRun(S)).toMatchObject({ status: "completed", conclusion: "failure" }); // attempts spent, "unit" genuine
    const retries = await db.prisma.retry.findMany({ where: { trigger: "auto" }, include: { job: true }, orderBy: { id: "asc" } });
    expect(retries.map((r) => [r.job.externalId, r.status])).toEqual([["1101", "requested"], ["1102", "requested"]]);
  });

  it("waits for a running workflow run instead of failing, and re-runs when workflow_run completed arrives", async () => {
    const S = sha(0x1002);
    gh.state.jobs.set(1301, { id: 1301, runId: 9301, owner: REPO.owner, repo: REPO.name, name: "flaky-e2e", headSha: S, conclusion: "failure", status: "completed", runAttempt: 1 });
    gh.state.runsInProgress.add(9301);
    await job({ id: 1301, sha: S, name: "flaky-e2e", runId: 9301 });
    await waitFor(async () => ((await db.prisma.retry.findFirst({ where: { job: { externalId: "1301" } } }))?.status === "waiting" ? true : undefined), 30_000, "a waiting re-run");
    expect(rerunsOf([1301])).toEqual([]);

    gh.state.runsInProgress.delete(9301);
    const run = exampleOf("workflow_run", "completed");
    run.installation = { id: INSTALLATION_ID, node_id: "x" };
    run.repository = { ...run.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...run.repository.owner, login: REPO.owner }, default_branch: "main" };
    run.workflow_run = { ...run.workflow_run, id: 9301, head_sha: S, head_branch: "feature", pull_requests: [] };
    expect((await app.deliver("workflow_run", run)).status).toBe(200);
    expect(rerunsOf([1301])).toEqual(["job:1301"]);
  });
});

describe("slash commands", () => {
  it("/retry by a reader is refused with a reason; by a writer it re-runs the failed jobs and reacts", async () => {
    const S = sha(0x2001);
    await openPr(31, S);
    await job({ id: 2101, sha: S, name: "unit", runId: 9201 });
    await analysed(S, 1);

    await comment(31, 501, "reader", "/retry");
    expect(gh.state.comments.find((c) => c.issue === 31)?.body).toContain("only people with write, maintain or admin permission");
    expect(rerunsOf([2101])).toEqual([]);

    await comment(31, 502, "writer", "/retry");
    expect(rerunsOf([2101])).toEqual(["job:2101"]);
    expect(gh.state.reactions).toContainEqual({ owner: REPO.owner, repo: REPO.name, commentId: 502, content: "+1" });
    expect(gh.state.reactions.find((r) => r.commentId === 501)).toBeUndefined();
  });

  it("/known-broken flips the Sift check run to success at once, and --clear flips it back", async () => {
    const S = sha(0x2002);
    await openPr(41, S);
    await job({ id: 2201, sha: S, name: "integration (1, 2)", runId: 9202 });
    await waitFor(async () => (siftRun(S)?.conclusion === "failure" ? true : undefined), 30_000, "a failing Sift run");

    await comment(41, 601, "writer", "/known-broken integration* staging is down, see https://status.example/1");
    await waitFor(async () => (siftRun(S)?.conclusion === "success" ? true : undefined), 30_000, "the flip to success");
    expect(siftRun(S)?.output?.summary).toContain("Known problems (1)");

    await comment(41, 602, "writer", "/known-broken --clear");
    await waitFor(async () => (siftRun(S)?.conclusion === "failure" ? true : undefined), 30_000, "the flip back");
    expect(gh.state.checkRunsFor(REPO.owner, REPO.name, S).filter((c) => c.name === "Sift")).toHaveLength(1);
  });
});

describe("broken trunk", () => {
  it("does not blame a PR for a failure main already has: known problem, check run green", async () => {
    const BASE = sha(0x3000);
    await job({ id: 3001, sha: BASE, name: "unit (1, 2, linux)", runId: 9300 });
    await analysed(BASE, 1);
    const S = sha(0x3001);
    await openPr(51, S, BASE);
    await job({ id: 3101, sha: S, name: "unit (2, 2, linux)", runId: 9310 });
    await waitFor(async () => (siftRun(S)?.status === "completed" ? true : undefined), 30_000, "the PR's Sift run");
    expect(siftRun(S)?.conclusion).toBe("success");
    const c = await db.prisma.classification.findFirstOrThrow({ where: { job: { externalId: "3101" } } });
    expect(c).toMatchObject({ verdict: "known_problem" });
    expect(rerunsOf([3001, 3101])).toEqual([]);
  });
});

it("logs no error along the way", () => {
  expect(app.logs.errors().map((l) => l.msg)).toEqual([]);
});
