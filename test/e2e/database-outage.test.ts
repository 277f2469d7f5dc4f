// PostgreSQL unreachable for a minute under a running Sift: webhooks answer 5xx (GitHub records the
// failure, reconcile redelivers), /healthz says 503, the process stays up without spinning, and it
// recovers by itself once the database is back: the delivery GitHub sends again is analysed.
// Needs the local PostgreSQL (.ci/postgres) whatever SIFT_TEST_DB says; reached through a cuttable proxy.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createPostgresDatabase } from "../helpers/db.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { startTcpCut, type TcpCut } from "../helpers/tcp-cut.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { ensureBuilt } from "./build.js";
import { startSift, type RunningSift } from "./harness.js";

const OUTAGE_MS = 60_000;
let gh: GitHubDouble;
let pg: Awaited<ReturnType<typeof createPostgresDatabase>>;
let line: TcpCut;
let sift: RunningSift;

beforeAll(async () => {
  await ensureBuilt();
  pg = await createPostgresDatabase();
  const url = new URL(pg.url);
  line = await startTcpCut({ host: url.hostname, port: Number(url.port) });
  url.host = `127.0.0.1:${line.port}`;
  gh = await startGitHubDouble();
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
  sift = await startSift(gh, { DATABASE_URL: url.toString(), SIFT_COOL_OFF_SECONDS: "1" });
}, 240_000);
afterAll(async () => {
  await sift?.stop();
  await gh?.close();
  await line?.close();
  await pg?.drop();
});

it("answers 5xx and 503 while PostgreSQL is unreachable, stays up, and recovers by itself", async () => {
  const S = sha(0xd0);
  const payload = workflowJobPayload({ id: 31, sha: S, name: "unit" });
  line.cut();
  const cutAt = Date.now();
  const health = await fetch(`${sift.base}/healthz`);
  expect(health.status).toBe(503);
  const lost = await sift.deliver("workflow_job", payload);
  expect(lost.status).toBeGreaterThanOrEqual(500);
  const linesBefore = sift.logs().length;
  await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - cutAt)));
  expect(sift.proc.child.exitCode).toBeNull(); // still up
  expect((await fetch(`${sift.base}/healthz`)).status).toBe(503);
  const outageLines = sift.logs().length - linesBefore;
  expect(outageLines, "log lines during a minute of outage (a tight retry loop would write thousands)").toBeLessThan(200);

  line.mend();
  const healthyAfter = await waitFor(async () => ((await fetch(`${sift.base}/healthz`)).ok ? Date.now() : undefined), 30_000, "healthz 200 again");
  expect((await sift.deliver("workflow_job", payload, { id: lost.id })).status).toBe(200); // GitHub's redelivery
  const run = await waitFor(async () => gh.state.checkRunsFor(REPO.owner, REPO.name, S)[0], 30_000, "the check run after the outage");
  expect(run).toMatchObject({ name: "Sift", conclusion: "failure" });
  console.log(`database outage of ${OUTAGE_MS / 1000} s: ${outageLines} log lines meanwhile, healthy ${((healthyAfter - cutAt - OUTAGE_MS) / 1000).toFixed(1)} s after the database came back`);
}, 180_000);
