// kill -9 in each stage of the flow — ingestion, log download, classification, check-run write,
// re-run request — then a fresh process on the same data folder: the final state is the one without
// the kill (no SHA lost, one `Sift` check run, no second re-run). The GitHub double catches the process
// in a stage by hanging (or watching) the route that stage calls; a 3 s lease (SIFT_LEASE_SECONDS)
// keeps the wait for the dead process's claim short.
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { ServerResponse } from "node:http";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { sendWebhook } from "../helpers/webhooks.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { actionsRoutes } from "../github-double/routes/actions.js";
import { ensureBuilt } from "./build.js";
import { BUILD_BROKE, RUNNER_LOST } from "./job-logs.js";
import { SECRET, startSift, tempDataDir, type RunningSift } from "./harness.js";

let gh: GitHubDouble;
const data = tempDataDir();
const env = { SIFT_DATA_DIR: data.dir, SIFT_LEASE_SECONDS: "3", SIFT_COOL_OFF_SECONDS: "0", SIFT_RETRY_SECONDS: "2", SIFT_GITHUB_TIMEOUT_SECONDS: "10" };
let current: RunningSift | undefined;
/** Payloads by delivery id, for GitHub's redelivery (reconcile asks; the double delivers again). */
const sent = new Map<string, { event: string; payload: unknown }>();
/** Called when a log download finished sending (the classification test kills there). */
let onLogServed: (() => void) | undefined;

beforeAll(async () => {
  await ensureBuilt();
  gh = await startGitHubDouble();
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
  gh.route("POST /app/hook/deliveries/:id/attempts", async ({ state, res, params }) => {
    const first = state.hookDeliveries.find((d) => d.id === Number(params.id));
    const original = first && sent.get(first.guid);
    res.writeHead(202).end();
    if (first && original && current) await deliver(current, original.event, original.payload, first.guid, true);
  });
  const serveStorage = actionsRoutes["GET /_storage/logs/:id"]!;
  gh.route("GET /_storage/logs/:id", (ctx) => {
    (ctx.res as ServerResponse).on("finish", () => onLogServed?.());
    return serveStorage(ctx);
  });
}, 240_000);
afterEach(async () => {
  gh.faults.clear();
  onLogServed = undefined;
  await current?.stop();
  current = undefined;
});
afterAll(async () => {
  await gh?.close();
  data.remove();
});

/** Delivers as GitHub does, recording the attempt (status, or 502 when no answer came) in its delivery log. */
async function deliver(sift: RunningSift, event: string, payload: unknown, guid?: string, redelivery = false): Promise<number> {
  const id = guid ?? crypto.randomUUID();
  sent.set(id, { event, payload });
  const status = await sendWebhook(`${sift.base}/api/github/webhooks`, event, payload, { secret: SECRET, id }).then(
    (r) => r.status,
    () => 502,
  );
  gh.state.hookDeliveries.push({ id: gh.state.nextId++, guid: id, delivered_at: new Date().toISOString(), status_code: status, event, action: "completed", redelivery });
  return status;
}

async function start(): Promise<RunningSift> {
  current = await startSift(gh, env);
  return current;
}

function seedJob(id: number, s: string, log: string, runId = 9000 + id): void {
  gh.state.jobs.set(id, { id, runId, owner: REPO.owner, repo: REPO.name, name: `job-${id}`, headSha: s, conclusion: "failure", status: "completed", runAttempt: 1, log });
}

const siftRuns = (s: string) => gh.state.checkRunsFor(REPO.owner, REPO.name, s).filter((c) => c.name === "Sift");
const arrived = (what: string, match: (path: string, method: string) => boolean) =>
  waitFor(async () => (gh.state.requests.some((r) => match(r.path, r.method)) ? true : undefined), 30_000, what);

/** kill -9, then a new process; resolves with the settled check run of `s`. */
async function killAndRestart(sift: RunningSift, s: string, title: RegExp) {
  await sift.kill9();
  const killed = Date.now();
  const next = await start();
  const analysed = `${REPO.owner}/${REPO.name}@${s.slice(0, 12)} analysed`;
  await waitFor(async () => (next.logs().some((l) => l.msg.startsWith(analysed)) ? true : undefined), 60_000, `the next process's analysis of ${s.slice(0, 7)}`);
  const run = siftRuns(s).find((c) => c.status === "completed" && title.test(c.output?.title ?? ""));
  if (!run) throw new Error(`no settled check run for ${s.slice(0, 7)}: ${JSON.stringify(siftRuns(s).map((c) => c.output?.title))}`);
  await new Promise((r) => setTimeout(r, 2000)); // would a second one come?
  expect(siftRuns(s)).toHaveLength(1);
  return { run, seconds: (Date.now() - killed) / 1000 };
}

it("killed while taking deliveries: what it acknowledged is kept, what it did not is redelivered (reconcile), no job is lost", async () => {
  const S = [sha(0xc1), sha(0xc2), sha(0xc3)];
  const JOBS = 12;
  for (const [n, s] of S.entries()) for (let j = 0; j < JOBS; j++) seedJob(n * 1000 + j + 1, s, BUILD_BROKE, 9700 + n);
  const sift = await start();
  const pending = S.flatMap((s, n) => Array.from({ length: JOBS }, (_, j) => ({ s, n, j })));
  let answered = 0;
  const inFlight: Promise<number>[] = [];
  // ten at a time, killed once a third have been answered: some are in flight, unanswered
  const worker = async () => {
    for (let next = pending.shift(); next; next = pending.shift()) {
      const id = next.n * 1000 + next.j + 1;
      const p = deliver(sift, "workflow_job", workflowJobPayload({ id, sha: next.s, name: `job-${id}`, runId: 9700 + next.n }));
      inFlight.push(p);
      if ((await p) === 200) answered++;
    }
  };
  const workers = Array.from({ length: 10 }, worker);
  await waitFor(async () => (answered >= (S.length * JOBS) / 3 ? true : undefined), 30_000, "a third of the deliveries answered");
  await sift.kill9();
  await Promise.all(workers);
  const failed = gh.state.hookDeliveries.filter((d) => d.status_code !== 200).length;
  expect(failed, "deliveries that got no answer").toBeGreaterThan(0);

  await start(); // reconcile runs 10 s after the start and asks GitHub to redeliver the failed ones
  for (const s of S) {
    await waitFor(async () => (siftRuns(s)[0]?.output?.title === `${JOBS} to fix` ? true : undefined), 90_000, `all ${JOBS} jobs of ${s.slice(0, 7)} in its report`);
    expect(siftRuns(s)).toHaveLength(1);
  }
  console.log(`kill -9 while ingesting: ${failed} of ${S.length * JOBS} deliveries unanswered, all redelivered and reported`);
}, 180_000);

it("killed during a log download: the next process downloads it and reports once", async () => {
  const S = sha(0xc4);
  seedJob(401, S, BUILD_BROKE);
  gh.faults.add("GET /_storage/logs/401", { kind: "hang" });
  const sift = await start();
  expect(await deliver(sift, "workflow_job", workflowJobPayload({ id: 401, sha: S, name: "job-401", runId: 9401 }))).toBe(200);
  await arrived("the log download", (p) => p.startsWith("/_storage/logs/401"));
  const { run, seconds } = await killAndRestart(sift, S, /to fix/);
  expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
  expect(run.output?.summary).toContain("error: the build broke");
  console.log(`kill -9 during a log download: reported ${seconds.toFixed(1)} s after the kill`);
}, 120_000);

it("killed while classifying (the log served, no report yet): the next process classifies it again and reports once", async () => {
  const S = sha(0xc5);
  // 40 MB of build output before the error: reading, cleaning and classifying it takes a while
  const big = "2024-01-01T00:00:00.0000000Z compiling module\n".repeat(900_000) + BUILD_BROKE;
  seedJob(501, S, big);
  const sift = await start();
  let reportsAtKill = -1;
  onLogServed = () => {
    sift.proc.child.kill("SIGKILL");
    reportsAtKill = gh.state.requests.filter((r) => r.path.endsWith("/check-runs") && r.method === "POST").length;
  };
  const before = gh.state.requests.filter((r) => r.path.endsWith("/check-runs") && r.method === "POST").length;
  expect(await deliver(sift, "workflow_job", workflowJobPayload({ id: 501, sha: S, name: "job-501", runId: 9501 }))).toBe(200);
  await sift.proc.exited;
  onLogServed = undefined;
  expect(reportsAtKill, "no check run was being written when killed").toBe(before);
  const { run, seconds } = await killAndRestart(sift, S, /to fix/);
  expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
  expect(run.output?.summary).toContain("error: the build broke");
  console.log(`kill -9 while classifying a 40 MB log: reported ${seconds.toFixed(1)} s after the kill`);
}, 120_000);

it("killed while writing the check run (created on GitHub, the answer never came): the next process updates that one", async () => {
  const S = sha(0xc6);
  seedJob(601, S, BUILD_BROKE);
  gh.faults.add("POST /repos/:owner/:repo/check-runs", { kind: "lost-hang" });
  const sift = await start();
  expect(await deliver(sift, "workflow_job", workflowJobPayload({ id: 601, sha: S, name: "job-601", runId: 9601 }))).toBe(200);
  await waitFor(async () => (siftRuns(S).length ? true : undefined), 30_000, "the check run created");
  const { run, seconds } = await killAndRestart(sift, S, /to fix/);
  expect(run).toMatchObject({ conclusion: "failure", output: { title: "1 to fix" } });
  expect(run.writes.length, "created, then updated by the next process").toBe(2);
  console.log(`kill -9 while writing the check run: the same run updated ${seconds.toFixed(1)} s after the kill`);
}, 120_000);

it("killed while asking for a re-run (GitHub took it, the answer never came): no second re-run", async () => {
  const S = sha(0xc7);
  seedJob(701, S, RUNNER_LOST, 9701);
  gh.faults.add("POST /repos/:owner/:repo/actions/jobs/:id/rerun", { kind: "lost-hang" });
  const sift = await start();
  expect(await deliver(sift, "workflow_job", workflowJobPayload({ id: 701, sha: S, name: "job-701", runId: 9701 }))).toBe(200);
  await waitFor(async () => (gh.state.reruns.some((r) => r.id === 701) ? true : undefined), 30_000, "the re-run request");
  await sift.kill9();
  await start();
  // The next process analyses the SHA again (a new failure of it) and finds the request on its way.
  seedJob(702, S, BUILD_BROKE, 9702);
  expect(await deliver(current!, "workflow_job", workflowJobPayload({ id: 702, sha: S, name: "job-702", runId: 9702 }))).toBe(200);
  await waitFor(async () => (siftRuns(S).some((c) => /1 to fix/.test(c.output?.title ?? "")) ? true : undefined), 60_000, "the re-analysis");
  await new Promise((r) => setTimeout(r, 3000));
  expect(gh.state.reruns.filter((r) => r.id === 701)).toHaveLength(1);
  expect(gh.state.requests.filter((r) => r.method === "POST" && r.path.endsWith("/actions/jobs/701/rerun"))).toHaveLength(1);
  expect(siftRuns(S)).toHaveLength(1);
  expect(siftRuns(S)[0]!.output?.summary).toMatch(/re\\?-run requested/);
}, 120_000);
