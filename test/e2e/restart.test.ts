// Restarts of the real server process. The pending SHA lives in the database, so the next process
// analyses it: after a kill -9 before its due time, after a SIGTERM in the middle of its analysis
// (the lease is handed back), and after a kill -9 in the middle (the short lease lapses).
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { actionsRoutes } from "../github-double/routes/actions.js";
import { ensureBuilt } from "./build.js";
import { startSift, tempDataDir, type RunningSift } from "./harness.js";

let gh: GitHubDouble;
const running: RunningSift[] = [];
const dirs: ReturnType<typeof tempDataDir>[] = [];
/** While set, log downloads hang: an analysis is then caught in the middle. */
let holdLogs = false;
let logRequests = 0;

beforeAll(async () => {
  await ensureBuilt();
  gh = await startGitHubDouble();
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
  const serveLog = actionsRoutes["GET /repos/:owner/:repo/actions/jobs/:id/logs"]!;
  gh.route("GET /repos/:owner/:repo/actions/jobs/:id/logs", (ctx) => {
    logRequests++;
    if (!holdLogs) return serveLog(ctx);
  });
}, 240_000);
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  holdLogs = false;
});
afterAll(async () => {
  await gh?.close();
  dirs.forEach((d) => d.remove());
});

async function start(env: Record<string, string>): Promise<RunningSift> {
  const sift = await startSift(gh, env);
  running.push(sift);
  return sift;
}

function dataDir(): string {
  const d = tempDataDir();
  dirs.push(d);
  return d.dir;
}

/** A failed job whose log names a genuine error, delivered to `sift`; resolves once its analysis is fetching the log. */
async function failInTheMiddleOfAnalysis(sift: RunningSift, id: number, S: string): Promise<void> {
  gh.state.jobs.set(id, { id, runId: 9000, owner: REPO.owner, repo: REPO.name, name: `build-${id}`, headSha: S, conclusion: "failure", status: "completed", runAttempt: 1, log: "error: the build broke\n" });
  holdLogs = true;
  const before = logRequests;
  expect((await sift.deliver("workflow_job", workflowJobPayload({ id, sha: S, name: `build-${id}` }))).status).toBe(200);
  await waitFor(async () => (logRequests > before ? true : undefined), 30_000, "the log download");
}

it("analyses after a kill -9 what was delivered before it", async () => {
  const env = { SIFT_DATA_DIR: dataDir(), SIFT_COOL_OFF_SECONDS: "4" };
  const first = await start(env);
  const S = sha(0x5e);
  expect((await first.deliver("workflow_job", workflowJobPayload({ id: 7, sha: S, name: "flaky-net" }))).status).toBe(200);
  await first.kill9(); // before the due time: nothing was written yet
  expect(gh.state.checkRunsFor(REPO.owner, REPO.name, S)).toHaveLength(0);

  await start(env);
  const run = await waitFor(async () => gh.state.checkRunsFor(REPO.owner, REPO.name, S)[0], 30_000, "the check run after restart");
  expect(run).toMatchObject({ name: "Sift", conclusion: "failure", output: { title: "1 to fix" } });
  expect(gh.state.checkRunsFor(REPO.owner, REPO.name, S)).toHaveLength(1);
});

it("on SIGTERM mid-analysis exits within 10 s and hands the SHA back: the next process resumes at once", async () => {
  const env = { SIFT_DATA_DIR: dataDir(), SIFT_COOL_OFF_SECONDS: "0" };
  const first = await start(env);
  const S = sha(0x7e);
  await failInTheMiddleOfAnalysis(first, 71, S);
  const signalled = Date.now();
  first.proc.child.kill("SIGTERM");
  expect(await first.proc.exited).toBe(0);
  const stopSeconds = (Date.now() - signalled) / 1000;
  expect(stopSeconds).toBeLessThan(10);
  expect(first.logs().map((l) => l.msg)).toContain(`${REPO.owner}/${REPO.name}@${S.slice(0, 12)} handed back on shutdown`);

  holdLogs = false;
  const restarted = Date.now();
  await start(env);
  const run = await waitFor(async () => gh.state.checkRunsFor(REPO.owner, REPO.name, S).find((c) => c.conclusion), 20_000, "the check run after SIGTERM");
  const resumeSeconds = (Date.now() - restarted) / 1000;
  expect(run).toMatchObject({ name: "Sift", conclusion: "failure" });
  expect(gh.state.checkRunsFor(REPO.owner, REPO.name, S)).toHaveLength(1);
  console.log(`SIGTERM mid-analysis: exited in ${stopSeconds.toFixed(1)} s, next process reported in ${resumeSeconds.toFixed(1)} s`);
}, 60_000);

it("after a kill -9 mid-analysis, the next process takes the SHA once the lease lapses (within about a minute)", async () => {
  const env = { SIFT_DATA_DIR: dataDir(), SIFT_COOL_OFF_SECONDS: "0" };
  const first = await start(env);
  const S = sha(0x9e);
  await failInTheMiddleOfAnalysis(first, 91, S);
  const killed = Date.now();
  await first.kill9();

  holdLogs = false;
  await start(env);
  const run = await waitFor(async () => gh.state.checkRunsFor(REPO.owner, REPO.name, S).find((c) => c.conclusion), 80_000, "the check run after kill -9");
  const movedSeconds = (Date.now() - killed) / 1000;
  expect(run).toMatchObject({ name: "Sift", conclusion: "failure" });
  expect(movedSeconds).toBeLessThan(75); // the 60 s lease and a poll, not the old 10 minutes
  console.log(`kill -9 mid-analysis: reported by the next process ${movedSeconds.toFixed(1)} s after the kill`);
}, 120_000);
