// End to end through the spawned server and the GitHub double, on a repository without configuration:
// a jest test that fails with a plain assertion and passes when re-run at the same commit on two pull
// requests is reported flaky, with its evidence, when it fails the same way on a third (and re-run);
// the same failure on a pull request that changes the test's file stays genuine, and says why.
import { describe, expect, it } from "vitest";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { useSiftWithDouble } from "./harness.js";

const { gh, sift } = useSiftWithDouble();

const repo = { id: 5201, owner: REPO.owner, name: "cart-app" };
const TEST_FILE = "src/cart/cart.test.js";
const BASE = sha(0xba5e0);

/** A jest run in an Actions log: one test fails on a plain assertion, the others pass. */
function jestLog(at: string): string {
  const lines = [
    "##[group]Run actions/checkout@v4",
    "with:",
    "##[endgroup]",
    "Syncing repository: octo-org/cart-app",
    "##[group]Run npm test",
    "npm test",
    "##[endgroup]",
    "",
    "> cart-app@1.0.0 test",
    "> jest --ci",
    "",
    " PASS  src/money.test.js",
    ` FAIL  ${TEST_FILE}`,
    "  Cart",
    "    ✓ adds an item (3 ms)",
    "    ✕ applies a discount (12 ms)",
    "    ✓ removes an item (1 ms)",
    "",
    "  ● Cart › applies a discount",
    "",
    "    expect(received).toBe(expected) // Object.is equality",
    "",
    "    Expected: 90",
    "    Received: 100",
    "",
    "      11 |   cart.add({ price: 100 });",
    "      12 |   cart.discount(10);",
    "    > 13 |   expect(cart.total()).toBe(90);",
    "         |                        ^",
    "      14 | });",
    "",
    `      at Object.toBe (${TEST_FILE}:13:24)`,
    "",
    "Test Suites: 1 failed, 1 passed, 2 total",
    "Tests:       1 failed, 4 passed, 5 total",
    "Snapshots:   0 total",
    "Time:        1.874 s",
    "Ran all test suites.",
    "##[error]Process completed with exit code 1.",
    "Post job cleanup.",
    "Cleaning up orphan processes",
  ];
  return lines.map((l) => `${at} ${l}`).join("\n") + "\n";
}

const siftRun = (s: string) => gh().state.checkRunsFor(repo.owner, repo.name, s).find((c) => c.name === "Sift");
/** Waits for Sift's check run of `s` with a title matching `title` (completed unless `running`: a re-run on its way keeps it in progress). */
const settled = (s: string, title: RegExp, what: string, running = false) =>
  waitFor(async () => {
    const run = siftRun(s);
    return (running || run?.status === "completed") && title.test(run?.output?.title ?? "") ? run : undefined;
  }, 30_000, what).catch((err: Error) => {
    throw new Error(`${err.message}; the check run says: ${JSON.stringify(siftRun(s)?.output ?? null)}`);
  });

async function openPr(number: number, head: string): Promise<void> {
  gh().state.pulls.set(number, { number, headSha: head, headRef: `feature-${number}`, baseRef: "main", baseSha: BASE, body: null });
  const p = exampleOf("pull_request", "opened");
  p.number = number;
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  p.repository = { ...p.repository, id: repo.id, name: repo.name, full_name: `${repo.owner}/${repo.name}`, owner: { ...p.repository.owner, login: repo.owner }, default_branch: "main" };
  p.pull_request = { ...p.pull_request, number, head: { ...p.pull_request.head, sha: head, ref: `feature-${number}` }, base: { ...p.pull_request.base, sha: BASE, ref: "main" } };
  expect((await sift().deliver("pull_request", p)).status).toBe(200);
}

/** A `workflow_job` completed delivery of attempt `attempt` of the jest job, now, on the PR's branch. */
async function jestJob(o: { id: number; runId: number; sha: string; pr: number; attempt: number; conclusion: "failure" | "success" }): Promise<void> {
  const now = new Date();
  gh().state.jobs.set(o.id, { id: o.id, runId: o.runId, owner: repo.owner, repo: repo.name, name: "test", headSha: o.sha, conclusion: o.conclusion, status: "completed", runAttempt: o.attempt, log: jestLog(now.toISOString()) });
  const p = workflowJobPayload({ id: o.id, sha: o.sha, name: "test", runId: o.runId, attempt: o.attempt, conclusion: o.conclusion, repo });
  Object.assign(p.workflow_job, { head_branch: `feature-${o.pr}`, workflow_name: "CI", started_at: new Date(now.getTime() - 60_000).toISOString(), completed_at: now.toISOString() });
  p.repository.default_branch = "main";
  expect((await sift().deliver("workflow_job", p)).status).toBe(200);
}

/** PR `pr` at `s`: the jest job fails, Sift reports it, then a re-run at the same commit passes. */
async function flipOn(pr: number, s: string, ids: { job: number; run: number }): Promise<void> {
  await openPr(pr, s);
  await jestJob({ id: ids.job, runId: ids.run, sha: s, pr, attempt: 1, conclusion: "failure" });
  const run = await settled(s, /^1 to fix$/, `the genuine report of PR #${pr}`);
  expect(run.output?.summary).toContain("Failing test: `Cart › applies a discount`");
  await jestJob({ id: ids.job + 1, runId: ids.run, sha: s, pr, attempt: 2, conclusion: "success" });
}

const detailsJson = async (s: string) => {
  const res = await fetch(`${sift().base}/r/${repo.owner}/${repo.name}/commit/${s}`, { headers: { accept: "application/json" } });
  expect(res.status).toBe(200);
  return (await res.json()) as { jobs: { name: string; class: string; pattern: string | null; tests: unknown[]; confidence: string; evidence: { text: string; links: { label: string; url: string }[] }[] }[] };
};

describe("flaky by evidence", () => {
  const S1 = sha(0xf1001);
  const S2 = sha(0xf1002);
  const S3 = sha(0xf1003);
  const S4 = sha(0xf1004);

  it("calls the test flaky on the third PR after it passed on re-run at the same commit on two, shows the evidence and re-runs it", async () => {
    await flipOn(201, S1, { job: 7101, run: 9711 });
    await flipOn(202, S2, { job: 7201, run: 9712 });
    gh().state.pullFiles.set(203, ["src/cart/cart.js", "README.md"]);
    await openPr(203, S3);
    await jestJob({ id: 7301, runId: 9713, sha: S3, pr: 203, attempt: 1, conclusion: "failure" });

    const run = await settled(S3, /^1 flaky \(re-running\)$/, "the flaky-by-evidence report", true);
    expect(run.conclusion).not.toBe("failure");
    const summary = run.output?.summary ?? "";
    expect(summary).toContain("is flaky by evidence");
    expect(summary).toContain("(pattern `sift.evidence.flaky-test`)");
    expect(summary).toContain("Failing test: `Cart › applies a discount`");
    expect(summary).toMatch(/failed and then passed on re\\-run at the same commit on 2 PRs in the last 30 days/);
    const jobUrl = (id: number) => `https://github.com/${repo.owner}/${repo.name}/actions/runs/${id === 7102 ? 9711 : 9712}/job/${id}`;
    expect(summary).toContain(`](${jobUrl(7102)})`);
    expect(summary).toContain(`](${jobUrl(7202)})`);
    // the PR's files were asked for (evidence would clear the failure), and the job is re-run like any
    // flaky job, and only that job
    expect(gh().state.requests.some((r) => r.method === "GET" && r.path.startsWith(`/repos/${repo.owner}/${repo.name}/pulls/203/files`))).toBe(true);
    expect(summary).toMatch(/`\) · re-running \(re\\-run requested/);
    await waitFor(async () => (gh().state.reruns.some((r) => r.kind === "job" && r.id === 7301) ? true : undefined), 30_000, "the re-run of the flaky job");
    expect(gh().state.requests.filter((r) => r.method === "POST" && r.path.includes("/rerun") && !r.path.includes("/jobs/7301/"))).toEqual([]);

    const job = (await detailsJson(S3)).jobs[0];
    expect(job).toMatchObject({ name: "test", class: "flaky", pattern: "sift.evidence.flaky-test", confidence: "high", tests: [{ id: "Cart › applies a discount", file: TEST_FILE }] });
    expect(job?.evidence[0]?.text).toBe('Test "Cart › applies a discount" failed and then passed on re-run at the same commit on 2 PRs in the last 30 days.');
    expect(job?.evidence[0]?.links).toEqual([
      { label: `#202 (${S2.slice(0, 7)})`, url: jobUrl(7202) },
      { label: `#201 (${S1.slice(0, 7)})`, url: jobUrl(7102) },
    ]);
  }, 120_000);

  it("keeps the same failure genuine on a PR that changes the test's file, and says why", async () => {
    gh().state.pullFiles.set(204, ["src/cart/cart.js", TEST_FILE]);
    await openPr(204, S4);
    await jestJob({ id: 7401, runId: 9714, sha: S4, pr: 204, attempt: 1, conclusion: "failure" });

    const run = await settled(S4, /^1 to fix$/, "the genuine report of the PR that changes the test");
    expect(run.conclusion).toBe("failure");
    const summary = run.output?.summary ?? "";
    expect(summary).toContain("This pull request changes src/cart/cart\\.test\\.js, the file of test");
    expect(summary).toMatch(/on 2 PRs in the last 30 days/);
    expect(gh().state.reruns.some((r) => r.id === 7401)).toBe(false);
    const job = (await detailsJson(S4)).jobs[0];
    expect(job).toMatchObject({ class: "genuine", confidence: "medium", tests: [{ id: "Cart › applies a discount", file: TEST_FILE }] });
    expect(job?.evidence.map((e) => e.text).join("\n")).toContain(`This pull request changes ${TEST_FILE}, the file of test "Cart › applies a discount"`);
  }, 60_000);
});

it("logs no error along the way", () => {
  expect(sift().logs().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
});
