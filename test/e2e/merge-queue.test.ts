// Merge queues and the webhook backfill, end to end: the built server against the GitHub double.
// A merge group's flaky job keeps Sift's check in progress through its re-run and ends in success;
// a genuine failure ends it in failure at once; a run whose webhooks were all lost is found by the
// backfill within one interval, and the backfill's unchanged lists come back as 304s.
import { describe, expect, it } from "vitest";
import { exampleOf } from "../helpers/webhook-examples.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { LOST_RUNNER } from "./job-logs.js";
import { useSiftWithDouble } from "./harness.js";

const BACKFILL_SECONDS = 3;
const { gh, sift } = useSiftWithDouble(undefined, { SIFT_BACKFILL_MINUTES: String(BACKFILL_SECONDS / 60), SIFT_REQUIRED_TIMEOUT_MINUTES: "30" });

const ASSERTION = [
  "2024-05-01T12:00:00.0000000Z ##[group]Run npm test",
  "2024-05-01T12:00:00.1000000Z ##[endgroup]",
  "2024-05-01T12:00:03.0000000Z FAIL src/cart.test.ts",
  "2024-05-01T12:00:03.1000000Z   ● Cart › applies a discount",
  "2024-05-01T12:00:03.2000000Z     expect(received).toBe(expected) // Object.is equality",
  "2024-05-01T12:00:03.3000000Z     Expected: 90",
  "2024-05-01T12:00:03.4000000Z     Received: 100",
  "2024-05-01T12:00:04.0000000Z ##[error]Process completed with exit code 1.",
  "",
].join("\n");

function mergeGroup(headSha: string, pr: number) {
  const p = exampleOf("merge_group", "checks_requested");
  p.installation = { id: INSTALLATION_ID, node_id: "x" };
  Object.assign(p.repository, { id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...p.repository.owner, login: REPO.owner }, private: false });
  Object.assign(p.merge_group, { head_sha: headSha, head_ref: `refs/heads/gh-readonly-queue/main/pr-${pr}-${"e".repeat(40)}`, base_ref: "refs/heads/main" });
  return p;
}

const siftRun = (s: string) => gh().state.checkRunsFor(REPO.owner, REPO.name, s).find((c) => c.name === "Sift");
async function job(o: { id: number; sha: string; name: string; runId: number; attempt?: number; status?: string; conclusion?: string | null; log?: string }) {
  const attempt = o.attempt ?? 1;
  const status = o.status ?? "completed";
  gh().state.jobs.set(o.id, { id: o.id, runId: o.runId, owner: REPO.owner, repo: REPO.name, name: o.name, headSha: o.sha, status, conclusion: status === "completed" ? (o.conclusion ?? "failure") : null, runAttempt: attempt, ...(o.log ? { log: o.log } : {}) });
  const p = workflowJobPayload({ id: o.id, sha: o.sha, name: o.name, runId: o.runId, attempt, status, conclusion: o.conclusion ?? "failure" });
  expect((await sift().deliver("workflow_job", p)).status).toBe(200);
}

describe("a merge group with Sift as the required check", () => {
  it("stays in progress through the re-run of a flaky job, then succeeds", async () => {
    const S = sha(0x3e41);
    expect((await sift().deliver("merge_group", mergeGroup(S, 41))).status).toBe(200);
    await job({ id: 8101, sha: S, name: "unit", runId: 9701, conclusion: "success" });
    await job({ id: 8102, sha: S, name: "e2e", runId: 9701, log: LOST_RUNNER });
    const rerun = () => gh().state.reruns.some((r) => r.kind === "job" && r.id === 8102);
    const reRunning = await waitFor(async () => (rerun() && /^1 flaky \(re-running\)$/.test(siftRun(S)?.output?.title ?? "") ? siftRun(S) : undefined), 30_000, "the flaky report with its re-run");
    expect(reRunning).toMatchObject({ status: "in_progress", conclusion: null });

    // GitHub starts the re-run attempt: queued, then it passes
    await job({ id: 8103, sha: S, name: "e2e", runId: 9701, attempt: 2, status: "queued" });
    await job({ id: 8103, sha: S, name: "e2e", runId: 9701, attempt: 2, conclusion: "success" });
    const done = await waitFor(async () => (siftRun(S)?.status === "completed" ? siftRun(S) : undefined), 30_000, "the check run's conclusion");
    expect(done).toMatchObject({ conclusion: "success" });
    // never concluded before the re-run had passed
    const writes = done!.writes;
    expect(writes.slice(0, -1).every((w) => w.status === "in_progress" && !("conclusion" in w))).toBe(true);
    expect(writes.at(-1)).toMatchObject({ status: "completed", conclusion: "success" });
  }, 90_000);

  it("fails at once on a genuine failure, while another job still runs", async () => {
    const S = sha(0x3e42);
    await sift().deliver("merge_group", mergeGroup(S, 42));
    await job({ id: 8201, sha: S, name: "integration", runId: 9702, status: "in_progress" });
    const failedAt = Date.now();
    await job({ id: 8202, sha: S, name: "unit", runId: 9702, log: ASSERTION });
    const done = await waitFor(async () => (siftRun(S)?.status === "completed" ? siftRun(S) : undefined), 30_000, "the failure");
    expect(done).toMatchObject({ conclusion: "failure", output: { title: "Waiting for 1 job, 1 to fix" } });
    expect(Date.now() - failedAt).toBeLessThan(20_000); // the cool-off (1 s) and the analysis, not the other job
    expect(gh().state.reruns.some((r) => r.id === 8202)).toBe(false);
  }, 60_000);
});

describe("backfill", () => {
  const metric = async (status: string) => {
    const text = await (await fetch(`${sift().base}/metrics`)).text();
    return Number(new RegExp(`^sift_backfill_requests_total\\{status="${status}"\\} (\\d+)`, "m").exec(text)?.[1] ?? 0);
  };

  it("finds a workflow run whose webhooks were all lost within one interval, and counts 304s", async () => {
    const S = sha(0xbf01);
    const seededAt = Date.now();
    gh().state.jobs.set(8301, { id: 8301, runId: 9801, owner: REPO.owner, repo: REPO.name, name: "unit", headSha: S, status: "completed", conclusion: "failure", runAttempt: 1, log: ASSERTION });
    gh().state.workflowRuns.set(9801, { id: 9801, owner: REPO.owner, repo: REPO.name, headSha: S, headBranch: "feature", runAttempt: 1, status: "completed", conclusion: "failure", updatedAt: new Date().toISOString(), pullRequests: [] });
    const listed = () => gh().state.requests.find((r) => r.method === "GET" && r.path.startsWith(`/repos/${REPO.owner}/${REPO.name}/actions/runs/9801/jobs`))?.at;
    const foundAt = await waitFor(async () => listed(), 30_000, "the backfill listing the lost run's jobs");
    expect(foundAt - seededAt).toBeLessThanOrEqual(BACKFILL_SECONDS * 1000 + 2_000); // one interval, plus a round's own time
    const run = await waitFor(async () => (siftRun(S)?.status === "completed" ? siftRun(S) : undefined), 30_000, "the check run of the lost run");
    expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });

    // later rounds ask again with the ETags: nothing changed, GitHub answers 304
    const before = await metric("304");
    await waitFor(async () => ((await metric("304")) > before ? true : undefined), 20_000, "a 304 in sift_backfill_requests_total");
    expect(await metric("200")).toBeGreaterThan(0);
    expect(sift().logs().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
  }, 60_000);
});
