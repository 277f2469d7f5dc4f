// The backoff base from SIFT_RETRY_BACKOFF_SECONDS, end to end: the built server against the GitHub
// double. A flaky job that keeps failing is re-run at once after attempt 1, two seconds after attempt 2,
// and never after attempt 3 (retry.max_attempts 3): exactly two re-runs, all within a minute.
import { expect, it } from "vitest";
import { waitFor } from "../helpers/spawn-sift.js";
import { REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { LOST_RUNNER } from "./job-logs.js";
import { useSiftWithDouble } from "./harness.js";

const { gh, sift } = useSiftWithDouble(undefined, { SIFT_RETRY_BACKOFF_SECONDS: "2" });

const S = sha(0xbac0);
const RUN = 9601;
/** When the double received each successful job re-run, by job id. */
const rerunAt = (id: number) => gh().state.requests.find((r) => r.method === "POST" && r.path.endsWith(`/actions/jobs/${id}/rerun`))?.at;
const jobReruns = () => gh().state.reruns.filter((r) => r.kind === "job").map((r) => r.id);

async function attemptFails(id: number, attempt: number): Promise<number> {
  gh().state.jobs.set(id, { id, runId: RUN, owner: REPO.owner, repo: REPO.name, name: "e2e", headSha: S, conclusion: "failure", status: "completed", runAttempt: attempt, log: LOST_RUNNER });
  const p = workflowJobPayload({ id, sha: S, name: "e2e", runId: RUN, attempt });
  const now = Date.now();
  Object.assign(p.workflow_job, { started_at: new Date(now - 30_000).toISOString(), completed_at: new Date(now).toISOString() });
  expect((await sift().deliver("workflow_job", p)).status).toBe(200);
  return now;
}

it("re-runs a job that fails four times exactly twice, the second after the backoff, within a minute", async () => {
  const start = Date.now();
  const first = await attemptFails(701, 1);
  await waitFor(async () => (jobReruns().includes(701) ? true : undefined), 20_000, "the first re-run");
  expect(rerunAt(701)! - first).toBeLessThan(10_000); // at once after the cool-off: no backoff before the first re-run

  const second = await attemptFails(702, 2);
  await waitFor(async () => (jobReruns().includes(702) ? true : undefined), 30_000, "the second re-run");
  expect(rerunAt(702)! - second).toBeGreaterThanOrEqual(2_000); // the backoff base

  await attemptFails(703, 3); // attempt 3 of 3: no more
  await attemptFails(703, 3); // and the same failure delivered again changes nothing
  const siftRun = () => gh().state.checkRunsFor(REPO.owner, REPO.name, S).find((c) => c.name === "Sift");
  await waitFor(async () => (siftRun()?.output?.summary?.includes("attempt 3 of 3") ? true : undefined), 30_000, "the analysis of attempt 3");
  await new Promise((r) => setTimeout(r, 3_000)); // longer than a backoff: nothing else goes out
  expect(jobReruns()).toEqual([701, 702]);
  expect(Date.now() - start).toBeLessThan(60_000);
  expect(siftRun()).toMatchObject({ status: "completed", conclusion: "success" }); // flaky, attempts spent: nothing to fix
  expect(sift().logs().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
}, 90_000);
