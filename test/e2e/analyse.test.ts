// End to end: the real server process, signed webhooks over HTTP, the GitHub double's check runs.
import { expect, it } from "vitest";
import { join } from "node:path";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { REPO, checkRunPayload, sha, workflowJobPayload } from "../helpers/payloads.js";
import { useSiftWithDouble } from "./harness.js";

const { gh, sift } = useSiftWithDouble((gh) => {
  // A delivery that failed while Sift was down, and one that succeeded: reconcile redelivers only the first.
  const at = new Date().toISOString();
  gh.state.hookDeliveries.push(
    { id: 71, guid: "missed", delivered_at: at, status_code: 502, event: "workflow_job", action: "completed", redelivery: false },
    { id: 72, guid: "fine", delivered_at: at, status_code: 200, event: "workflow_job", action: "completed", redelivery: false },
  );
});

// Real job logs from the corpus, served by the double through its storage redirect.
const corpusLog = (path: string) => readCorpusFile(join(corpusDir(), "logs", path));
function seedJob(id: number, name: string, headSha: string, log: string): void {
  gh().state.jobs.set(id, { id, runId: 9000, owner: REPO.owner, repo: REPO.name, name, headSha, conclusion: "failure", status: "completed", runAttempt: 1, log });
}

const siftRuns = (s: string) => gh().state.checkRunsFor(REPO.owner, REPO.name, s).filter((c) => c.name === "Sift");

it("collects a burst of failures into one Sift check run, classifies their real logs, then updates that same run", async () => {
  const A = sha(0xa1);
  seedJob(1, "lint", A, corpusLog("genuine/gha-tagstudio-ruff-format-check.raw.log"));
  seedJob(2, "unit", A, corpusLog("flaky-test/gha-apache-nifi-sftp-test-connection-reset.raw.log"));
  seedJob(4, "e2e", A, corpusLog("genuine/gha-svgo-jest-failure-ansi.raw.log"));
  for (const d of [
    workflowJobPayload({ id: 1, sha: A, name: "lint" }),
    workflowJobPayload({ id: 2, sha: A, name: "unit" }),
    workflowJobPayload({ id: 3, sha: A, name: "docs", conclusion: "success" }),
  ]) {
    expect((await sift().deliver("workflow_job", d)).status).toBe(200);
  }
  // Actions' own check_run for job 1: counted once, through workflow_job
  expect((await sift().deliver("check_run", checkRunPayload({ id: 1, sha: A, appSlug: "github-actions" }))).status).toBe(200);

  const [run] = await waitFor(async () => (siftRuns(A).length ? siftRuns(A) : undefined), 30_000, "the Sift check run");
  expect(siftRuns(A)).toHaveLength(1);
  // The flaky job is being re-run by Sift, but the genuine failure decides the check at once: failure.
  expect(gh().state.reruns).toContainEqual(expect.objectContaining({ kind: "job", id: 2 }));
  expect(run).toMatchObject({
    status: "completed",
    conclusion: "failure",
    details_url: `https://sift.e2e/r/${REPO.owner}/${REPO.name}/commit/${A}`,
  });
  // ruff's complaint is the line that matters; the SFTP connection reset is a flaky network cause
  expect(run!.output?.title).toMatch(/^1 flaky.*, 1 to fix$/);
  expect(run!.output?.summary).toContain("```text\nWould reformat: tagstudio/src/qt/widgets/thumb_renderer.py\n```");
  expect(run!.output?.summary).toMatch(/net\.connection-reset|[Cc]onnection reset/);

  // a failure after the analysis: analysed again, the same check run updated
  await sift().deliver("workflow_job", workflowJobPayload({ id: 4, sha: A, name: "e2e" }));
  await waitFor(async () => (run!.output?.title?.endsWith("2 to fix") ? true : undefined), 30_000, "the update");
  expect(siftRuns(A)).toHaveLength(1);
  expect(run!.writes.length).toBeGreaterThanOrEqual(2);
});

it("answers a badly signed delivery with 401 and acts on nothing", async () => {
  const B = sha(0xb2);
  const res = await sift().deliver("workflow_job", workflowJobPayload({ id: 20, sha: B }), { signature: `sha256=${"0".repeat(64)}` });
  expect(res.status).toBe(401); // src/web/webhook-gate.ts: a bad signature is 401, a body that is not UTF-8 400
  // A good delivery for another SHA, sent after it, is analysed; B never is.
  const C = sha(0xc3);
  await sift().deliver("workflow_job", workflowJobPayload({ id: 21, sha: C }));
  await waitFor(async () => (siftRuns(C).length ? true : undefined), 30_000, "C's check run");
  expect(siftRuns(B)).toEqual([]);
});

it("asks GitHub to redeliver a delivery that failed while it was down", async () => {
  await waitFor(async () => (gh().state.redeliveries.length ? true : undefined), 30_000, "the redelivery request");
  expect(gh().state.redeliveries).toEqual([71]);
});

it("logs no error but the rejected signature", async () => {
  const errors = sift().logs().filter((l) => l.level >= 50);
  expect(errors.map((l) => l.msg).filter((m) => !/signature does not match/.test(m))).toEqual([]);
  expect(gh().state.storageAuthViolations).toEqual([]);
});
