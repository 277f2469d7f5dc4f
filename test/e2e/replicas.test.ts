// Two replicas on one PostgreSQL: every SHA analysed exactly once (`for update skip locked`).
// Needs the local PostgreSQL (.ci/postgres; CI starts it) whatever SIFT_TEST_DB says.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPostgresDatabase } from "../helpers/db.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { ensureBuilt } from "./build.js";
import { startSift, type RunningSift } from "./harness.js";

const SHAS = 30;
let gh: GitHubDouble;
let pg: Awaited<ReturnType<typeof createPostgresDatabase>>;
const replicas: RunningSift[] = [];

beforeAll(async () => {
  await ensureBuilt();
  pg = await createPostgresDatabase();
  gh = await startGitHubDouble();
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
  const env = { DATABASE_URL: pg.url, SIFT_COOL_OFF_SECONDS: "2", SIFT_CONCURRENCY: "4", SIFT_CONCURRENCY_PER_INSTALLATION: "4" };
  replicas.push(...(await Promise.all([startSift(gh, env), startSift(gh, env)])));
}, 240_000);
afterAll(async () => {
  await Promise.all(replicas.map((r) => r.stop()));
  await gh?.close();
  await pg?.drop();
});

it("analyses each of many SHAs exactly once across both replicas", async () => {
  const deliveries = [];
  for (let n = 0; n < SHAS; n++) {
    for (const job of [1, 2]) {
      const replica = replicas[(n + job) % 2]!; // both replicas receive deliveries for every SHA
      deliveries.push(replica.deliver("workflow_job", workflowJobPayload({ id: n * 10 + job, sha: sha(0x1000 + n), name: `job-${job}` })));
    }
  }
  expect((await Promise.all(deliveries)).map((r) => r.status)).toEqual(Array(SHAS * 2).fill(200));

  await waitFor(async () => (gh.state.checkRuns.size >= SHAS ? true : undefined), 90_000, `${SHAS} check runs`);
  await new Promise((r) => setTimeout(r, 3000)); // would a second analysis come?
  for (let n = 0; n < SHAS; n++) {
    const runs = gh.state.checkRunsFor(REPO.owner, REPO.name, sha(0x1000 + n));
    expect(runs, `SHA ${n}`).toHaveLength(1);
    expect(runs[0]!.writes, `SHA ${n} written once`).toHaveLength(1);
  }
  const analysed = replicas.map((r) => r.logs().filter((l) => / analysed: /.test(l.msg)).length);
  expect(analysed[0]! + analysed[1]!).toBe(SHAS);
  expect(analysed.every((n) => n > 0), `both replicas worked: ${analysed.join(" + ")}`).toBe(true);
}, 150_000);
