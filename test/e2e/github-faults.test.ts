// GitHub failing under a running Sift, through the double's fault table: 5xx, answers that never come,
// answers lost after GitHub acted, secondary and primary rate limits. Work is delayed and retried,
// never dropped; each SHA ends with exactly one `Sift` check run that tells the truth; nothing GitHub
// already did (a check run created, a re-run started) is done a second time.
import { afterEach, expect, it } from "vitest";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { BUILD_BROKE, RUNNER_LOST } from "./job-logs.js";
import { useSiftWithDouble } from "./harness.js";

const TIMEOUT_SECONDS = 2;
const { gh, sift } = useSiftWithDouble(undefined, { SIFT_GITHUB_TIMEOUT_SECONDS: String(TIMEOUT_SECONDS), SIFT_RETRY_SECONDS: "2", SIFT_COOL_OFF_SECONDS: "0" });

afterEach((ctx) => {
  gh().faults.clear();
  if (process.env.DUMP && ctx.task.result?.state === "fail") console.log(sift().proc.output().slice(-20000));
});

const siftRuns = (s: string) => gh().state.checkRunsFor(REPO.owner, REPO.name, s).filter((c) => c.name === "Sift");
const settled = (s: string) => waitFor(async () => siftRuns(s).find((c) => c.status === "completed"), 60_000, `the Sift check run of ${s.slice(0, 7)}`);

async function failJob(id: number, s: string, log: string, runId = 9000 + id): Promise<void> {
  gh().state.jobs.set(id, { id, runId, owner: REPO.owner, repo: REPO.name, name: `job-${id}`, headSha: s, conclusion: "failure", status: "completed", runAttempt: 1, log });
  expect((await sift().deliver("workflow_job", workflowJobPayload({ id, sha: s, name: `job-${id}`, runId }))).status).toBe(200);
}

/** No second check run, no second write of the conclusion, a little after the first settled. */
async function stillOne(s: string): Promise<void> {
  await new Promise((r) => setTimeout(r, 3000));
  expect(siftRuns(s)).toHaveLength(1);
}

it("5xx from the API and from log storage: retried, one check run with the right verdict", async () => {
  const S = sha(0xf501);
  gh().faults.add("GET /repos/:owner/:repo/contents/*", { kind: "status", status: 502 }, 2);
  gh().faults.add("GET /repos/:owner/:repo/actions/jobs/:id/logs", { kind: "status", status: 500 });
  gh().faults.add("GET /_storage/logs/:id", { kind: "status", status: 503 });
  gh().faults.add("POST /repos/:owner/:repo/check-runs", { kind: "status", status: 503 }, 2);
  await failJob(501, S, BUILD_BROKE);
  const run = await settled(S);
  expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
  expect(run.output?.summary).toContain("error: the build broke");
  await stillOne(S);
}, 90_000);

it("a check run created on GitHub whose answer was lost (502, or none at all) is updated, never created twice", async () => {
  for (const [n, kind] of [[0xf502, "lost"], [0xf503, "lost-hang"]] as const) {
    const S = sha(n);
    gh().faults.add("POST /repos/:owner/:repo/check-runs", { kind });
    await failJob(n, S, BUILD_BROKE);
    const run = await settled(S);
    expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
    await stillOne(S);
  }
}, 120_000);

it(`a GitHub that never answers is given up on after ${TIMEOUT_SECONDS} s and asked again`, async () => {
  const S = sha(0xf504);
  gh().faults.add("GET /repos/:owner/:repo/contents/*", { kind: "hang" }, 2);
  gh().faults.add("POST /repos/:owner/:repo/check-runs", { kind: "hang" });
  gh().faults.add("GET /_storage/logs/:id", { kind: "hang" });
  const started = Date.now();
  await failJob(504, S, BUILD_BROKE);
  const run = await settled(S);
  expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
  expect(run.output?.summary).toContain("error: the build broke");
  await stillOne(S);
  console.log(`GitHub hanging (config ×2, log storage, check-run create): reported ${((Date.now() - started) / 1000).toFixed(1)} s after the failure`);
}, 120_000);

it("rate limits: a secondary limit waits its retry-after, an exhausted primary limit waits for its reset", async () => {
  const S = sha(0xf505);
  gh().faults.add("POST /repos/:owner/:repo/check-runs", { kind: "secondary-rate-limit", retryAfterSeconds: 3 });
  await failJob(505, S, BUILD_BROKE);
  await settled(S);
  const creates = gh().state.requests.filter((r) => r.method === "POST" && r.path === `/repos/${REPO.owner}/${REPO.name}/check-runs` && (r.body as { head_sha?: string }).head_sha === S);
  expect(creates).toHaveLength(2);
  expect(creates[1]!.at - creates[0]!.at).toBeGreaterThanOrEqual(3000);

  const T = sha(0xf506);
  const resetAt = Math.ceil(Date.now() / 1000) + 4;
  for (const method of ["GET", "POST", "PATCH"]) gh().faults.add(`${method} /repos/*`, { kind: "rate-limit", resetAt }, Infinity);
  await failJob(506, T, BUILD_BROKE);
  const run = await settled(T);
  expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
  const limited = gh().faults.injected.filter((i) => i.kind === "rate-limit");
  expect(limited.length).toBeGreaterThan(0);
  const after = gh().state.requests.filter((r) => r.path.startsWith("/repos/") && r.at >= resetAt * 1000);
  expect(after.length, "requests once the limit reset").toBeGreaterThan(0);
  expect(gh().state.requests.filter((r) => r.path.startsWith("/repos/") && r.at > limited[0]!.at && r.at < resetAt * 1000).length, "requests while limited").toBeLessThanOrEqual(limited.length);
  await stillOne(T);
}, 120_000);

it("a re-run GitHub accepted but whose answer was lost is not asked for again, neither now nor when the run completes", async () => {
  const S = sha(0xf507);
  const runId = 9507;
  gh().faults.add("POST /repos/:owner/:repo/actions/jobs/:id/rerun", { kind: "lost" });
  await failJob(507, S, RUNNER_LOST, runId);
  // Sift's own re-run is on its way: its check run stays in progress (written, not completed).
  await waitFor(async () => siftRuns(S)[0], 60_000, `the Sift check run of ${S.slice(0, 7)}`);
  await waitFor(async () => (gh().faults.count("lost") && gh().state.requests.some((r) => r.path.includes("/actions/jobs/507/rerun")) ? true : undefined), 30_000, "the re-run request");
  await new Promise((r) => setTimeout(r, 3000));
  expect(gh().state.reruns.filter((r) => r.id === 507)).toHaveLength(1);

  // The run (its new attempt) completes; the new attempt's workflow_job delivery is late: Sift must
  // see on GitHub that its re-run happened, and not re-run the job again.
  const completed = exampleOf("workflow_run", "completed");
  completed.installation = { id: INSTALLATION_ID, node_id: "x" };
  completed.repository = { ...completed.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...completed.repository.owner, login: REPO.owner }, default_branch: "main" };
  completed.workflow_run = { ...completed.workflow_run, id: runId, head_sha: S, head_branch: "feature", pull_requests: [] };
  expect((await sift().deliver("workflow_run", completed)).status).toBe(200);
  await failJob(508, S, BUILD_BROKE); // and a re-analysis of the SHA
  await waitFor(async () => (siftRuns(S)[0]?.output?.title?.includes("to fix") ? true : undefined), 60_000, "the re-analysis");
  await new Promise((r) => setTimeout(r, 3000));
  expect(gh().state.reruns.filter((r) => r.id === 507)).toHaveLength(1);
  expect(siftRuns(S)).toHaveLength(1);
}, 120_000);

it("log downloads that break off, vanish (410), or whose storage fails or hangs: asked again, or reported as they are", async () => {
  const [broken, gone, hung, down] = [601, 602, 603, 604];
  gh().faults.add(`GET /_storage/logs/${broken}`, { kind: "break", afterBytes: 40 });
  gh().faults.add(`GET /repos/:owner/:repo/actions/jobs/${gone}/logs`, { kind: "status", status: 410 });
  gh().faults.add(`GET /_storage/logs/${hung}`, { kind: "hang" });
  gh().faults.add(`GET /_storage/logs/${down}`, { kind: "status", status: 503 }, 3); // every try of the first analysis
  const started = Date.now();
  for (const id of [broken, gone, hung, down]) await failJob(id, sha(0xf600 + id), BUILD_BROKE);
  for (const id of [broken, hung]) {
    const run = await settled(sha(0xf600 + id));
    expect(run, `job ${id}`).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
    expect(run.output?.summary, `job ${id}`).toContain("error: the build broke");
  }
  const expired = await settled(sha(0xf600 + gone));
  expect(expired).toMatchObject({ conclusion: "failure" });
  expect(expired.output?.summary).toMatch(/expired \\?\(410 Gone\\?\)/);
  // Storage down for the whole first analysis: fail closed, say so, and look again a minute later.
  const first = await settled(sha(0xf600 + down));
  expect(first.output?.summary).toMatch(/not available yet; Sift will look again/);
  const caughtUp = await waitFor(async () => (first.output?.summary?.includes("error: the build broke") ? Date.now() : undefined), 100_000, "the recheck of the log");
  expect(siftRuns(sha(0xf600 + down))).toHaveLength(1);
  console.log(`log storage down for a whole analysis: the report caught up ${((caughtUp - started) / 1000).toFixed(0)} s after the failure`);
}, 150_000);

it("logs no error it did not have to", () => {
  const errors = sift().logs().filter((l) => l.level >= 50).map((l) => l.msg);
  // an analysis that GitHub failed is logged as an error, and retried; nothing else
  expect(errors.filter((m) => !/analysis failed; trying again/.test(m))).toEqual([]);
});
