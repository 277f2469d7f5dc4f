// kill -9 between a delivery and its due time: the pending SHA lives in the database, so the next
// process analyses it.
import { afterAll, beforeAll, expect, it } from "vitest";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { ensureBuilt } from "./build.js";
import { startSift, tempDataDir, type RunningSift } from "./harness.js";

let gh: GitHubDouble;
let second: RunningSift | undefined;
const data = tempDataDir();

beforeAll(async () => {
  await ensureBuilt();
  gh = await startGitHubDouble();
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
}, 240_000);
afterAll(async () => {
  await second?.stop();
  await gh?.close();
  data.remove();
});

it("analyses after a kill -9 what was delivered before it", async () => {
  const env = { SIFT_DATA_DIR: data.dir, SIFT_COOL_OFF_SECONDS: "4" };
  const first = await startSift(gh, env);
  const S = sha(0x5e);
  expect((await first.deliver("workflow_job", workflowJobPayload({ id: 7, sha: S, name: "flaky-net" }))).status).toBe(200);
  await first.kill9(); // before the due time: nothing was written yet
  expect(gh.state.checkRuns.size).toBe(0);

  second = await startSift(gh, env);
  const run = await waitFor(async () => gh.state.checkRunsFor(REPO.owner, REPO.name, S)[0], 30_000, "the check run after restart");
  expect(run).toMatchObject({ name: "Sift", conclusion: "failure", output: { title: "1 to fix" } });
  expect(gh.state.checkRuns.size).toBe(1);
});
