// What a first real use of Sift checks, end to end: the built server (`npm start`'s entry) against the
// GitHub double, driven by signed webhooks. A flaky job is re-run within seconds of its run completing;
// the history JSON counts a jest assertion as a test failure and a lost runner as infrastructure;
// after /known-broken the details JSON never lags behind the check run; one configuration load per
// analysis.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { useSiftWithDouble } from "./harness.js";

const { gh, sift } = useSiftWithDouble((gh) => {
  gh.state.permissions.set("writer", "write");
});

const JEST = () => readCorpusFile(join(corpusDir(), "logs", "genuine/gha-svgo-jest-failure-ansi.raw.log"));
// GitHub's own words when a runner goes away mid-job (no corpus log has it in the log text).
const LOST_RUNNER = [
  "2024-05-01T12:00:00.0000000Z ##[group]Run npm test",
  "2024-05-01T12:00:00.1000000Z > npm test",
  "2024-05-01T12:00:00.2000000Z ##[endgroup]",
  "2024-05-01T12:05:01.0000000Z ##[error]The hosted runner: GitHub Actions 12 lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.",
  "",
].join("\n");

const siftRun = (s: string) => gh().state.checkRunsFor(REPO.owner, REPO.name, s).find((c) => c.name === "Sift");
const reran = (id: number) => gh().state.reruns.some((r) => r.kind === "job" && r.id === id);

/** A failed job the double serves (log included), and its workflow_job delivery, completed just now. */
function failedJob(o: { id: number; sha: string; name: string; runId: number; attempt?: number; log: string }) {
  gh().state.jobs.set(o.id, { id: o.id, runId: o.runId, owner: REPO.owner, repo: REPO.name, name: o.name, headSha: o.sha, conclusion: "failure", status: "completed", runAttempt: o.attempt ?? 1, log: o.log });
  const p = workflowJobPayload({ id: o.id, sha: o.sha, name: o.name, runId: o.runId, attempt: o.attempt ?? 1 });
  const now = Date.now();
  Object.assign(p.workflow_job, { started_at: new Date(now - 60_000).toISOString(), completed_at: new Date(now).toISOString() });
  return p;
}

function runCompleted(runId: number, headSha: string) {
  const run = exampleOf("workflow_run", "completed");
  run.installation = { id: INSTALLATION_ID, node_id: "x" };
  run.repository = { ...run.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...run.repository.owner, login: REPO.owner }, default_branch: "main" };
  run.workflow_run = { ...run.workflow_run, id: runId, head_sha: headSha, head_branch: "feature", pull_requests: [] };
  return run;
}

async function getJson(path: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${sift().base}${path}`, { headers: { accept: "application/json" } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe("re-runs", () => {
  it("re-runs a flaky job within seconds of its run completing, not a backoff later", async () => {
    const S = sha(0xf101);
    gh().state.runsInProgress.add(9501);
    expect((await sift().deliver("workflow_job", failedJob({ id: 501, sha: S, name: "unit", runId: 9501, log: LOST_RUNNER }))).status).toBe(200);
    // GitHub refuses while the run still runs: Sift asked once and waits for the run.
    const rerunPath = `/repos/${REPO.owner}/${REPO.name}/actions/jobs/501/rerun`;
    await waitFor(async () => (gh().state.requests.some((r) => r.method === "POST" && r.path === rerunPath) ? true : undefined), 30_000, "the refused re-run");
    await waitFor(async () => (siftRun(S) ? true : undefined), 30_000, "the check run (written after the re-run was recorded)");
    expect(reran(501)).toBe(false);

    gh().state.runsInProgress.delete(9501);
    const completedAt = Date.now();
    expect((await sift().deliver("workflow_run", runCompleted(9501, S))).status).toBe(200);
    await waitFor(async () => (reran(501) ? true : undefined), 10_000, "the re-run");
    expect(Date.now() - completedAt).toBeLessThan(5_000);
  });

  it("re-runs a flaky job whose run already completed as soon as it is analysed", async () => {
    const S = sha(0xf102);
    const deliveredAt = Date.now();
    await sift().deliver("workflow_job", failedJob({ id: 502, sha: S, name: "build", runId: 9502, log: LOST_RUNNER }));
    await waitFor(async () => (reran(502) ? true : undefined), 20_000, "the re-run");
    expect(Date.now() - deliveredAt).toBeLessThan(10_000); // cool-off 1 s + one analysis, no 60 s wait
    // The check run says the re-run is on its way.
    await waitFor(async () => (siftRun(S)?.status === "in_progress" ? true : undefined), 10_000, "the check run in progress");
  });
});

describe("history", () => {
  it("counts a jest assertion as a test failure and a lost runner as infrastructure", async () => {
    const S = sha(0xf103);
    await sift().deliver("workflow_job", failedJob({ id: 503, sha: S, name: "jest", runId: 9503, log: JEST() }));
    await waitFor(async () => (siftRun(S)?.conclusion === "failure" ? true : undefined), 30_000, "the jest failure's check run");
    const history = await getJson(`/r/${REPO.owner}/${REPO.name}`);
    const failures = history.failures as { infrastructure: number; test: number };
    expect(failures.test).toBeGreaterThanOrEqual(1);
    expect(failures.infrastructure).toBeGreaterThanOrEqual(1);
    const top = (history.causes as { top: { pattern: string | null; class: string; kind: string }[] }).top;
    const genuine = top.filter((c) => c.class === "genuine");
    expect(genuine.length).toBeGreaterThanOrEqual(1);
    expect(genuine.map((c) => c.kind)).toEqual(genuine.map(() => "test"));
    expect(top.find((c) => c.pattern === "gha.runner-lost")).toMatchObject({ class: "flaky", kind: "infrastructure" });
  });
});

describe("commands", () => {
  it("after /known-broken the details JSON and the check run agree on every read", async () => {
    const S = sha(0xf104);
    gh().state.pulls.set(61, { number: 61, headSha: S, headRef: "feature", baseRef: "main", baseSha: sha(0xba5e), body: null });
    const pr = exampleOf("pull_request", "opened");
    pr.number = 61;
    pr.installation = { id: INSTALLATION_ID, node_id: "x" };
    pr.repository = { ...pr.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...pr.repository.owner, login: REPO.owner } };
    pr.pull_request = { ...pr.pull_request, number: 61, head: { ...pr.pull_request.head, sha: S, ref: "feature" }, base: { ...pr.pull_request.base, sha: sha(0xba5e), ref: "main" } };
    expect((await sift().deliver("pull_request", pr)).status).toBe(200);
    await sift().deliver("workflow_job", failedJob({ id: 504, sha: S, name: "unit-tests", runId: 9504, log: JEST() }));
    const run = await waitFor(async () => (siftRun(S)?.conclusion === "failure" ? siftRun(S) : undefined), 30_000, "a failing Sift run");
    const detailsPath = new URL(run.details_url!).pathname;
    expect(await getJson(detailsPath)).toMatchObject({ status: "completed", conclusion: "failure" });

    const comment = exampleOf("issue_comment", "created");
    comment.installation = { id: INSTALLATION_ID, node_id: "x" };
    comment.repository = { ...comment.repository, id: REPO.id, name: REPO.name, full_name: `${REPO.owner}/${REPO.name}`, owner: { ...comment.repository.owner, login: REPO.owner } };
    comment.issue = { ...comment.issue, number: 61, pull_request: { url: "x" } };
    comment.comment = { ...comment.comment, id: 6101, body: "/known-broken unit-* upstream is broken", user: { ...comment.comment.user, login: "writer", type: "User" } };
    expect((await sift().deliver("issue_comment", comment)).status).toBe(200);

    // Sift stores its state before telling GitHub: the page may lead the check run by a moment, never lag.
    const deadline = Date.now() + 30_000;
    let agreedReads = 0;
    while (agreedReads < 10) {
      if (Date.now() > deadline) throw new Error(`no flip to success: ${JSON.stringify(siftRun(S))} ${JSON.stringify(await getJson(detailsPath))}`);
      const check = { status: siftRun(S)!.status, conclusion: siftRun(S)!.conclusion };
      const details = await getJson(detailsPath);
      if (check.conclusion === "success") expect({ status: details.status, conclusion: details.conclusion }).toEqual(check);
      if (check.conclusion === "success") agreedReads++;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(await getJson(detailsPath)).toMatchObject({ conclusion: "success", jobs: [{ name: "unit-tests", class: "known-problem" }] });
  }, 60_000);
});

it("loads the configuration once per analysis, and logs no error", async () => {
  const configPath = (p: string) => p.startsWith(`/repos/${REPO.owner}/${REPO.name}/contents/`) && decodeURIComponent(p).includes(".github/sift.yml");
  const loads = () => gh().state.requests.filter((r) => r.method === "GET" && configPath(r.path)).length;
  const analyses = () => sift().logs().filter((l) => / analysed: /.test(l.msg)).length;
  // An analysis the tests above set off (a re-check, a re-run's completion) may still be running:
  // it has loaded the configuration and not yet logged. Once Sift is quiet, the two counts agree.
  const quiet = await waitFor(async () => (loads() === analyses() ? { loads: loads(), analyses: analyses() } : undefined), 30_000, `as many loads as analyses (${loads()} vs ${analyses()})`);
  expect(quiet.analyses).toBeGreaterThan(0);
  expect(sift().logs().filter((l) => l.level >= 50).map((l) => l.msg)).toEqual([]);
}, 40_000);
