// Reconcile: ask GitHub to redeliver what failed and Sift never processed.
import { Probot } from "probot";
import { expect, it } from "vitest";
import { redeliverFailed, startReconcile } from "../../src/schedule/index.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { nockHookDeliveries, nockRedeliver, useStrictNock } from "../helpers/github-nock.js";
import { TestOctokit, captureLogger, testSettings } from "../helpers/probot.js";

useStrictNock();
const db = useTestDatabase();

it("redelivers failed deliveries not processed yet, and nothing else", async () => {
  const now = Date.now();
  const ago = (min: number) => new Date(now - min * 60_000).toISOString();
  await db().prisma.webhookDelivery.create({ data: { id: "guid-processed", event: "workflow_job" } });
  nockHookDeliveries([
    { id: 1, guid: "guid-down", delivered_at: ago(1), status_code: 502, event: "workflow_job" }, // app was down
    { id: 2, guid: "guid-recovered", delivered_at: ago(2), status_code: 200, event: "workflow_job" },
    { id: 3, guid: "guid-recovered", delivered_at: ago(3), status_code: 500, event: "workflow_job" },
    { id: 4, guid: "guid-processed", delivered_at: ago(4), status_code: 0, event: "status" }, // timed out, but stored
    { id: 5, guid: "guid-old", delivered_at: ago(600), status_code: 500, event: "status" }, // before the window
  ]);
  nockRedeliver(1);
  const s = testSettings();
  const probot = new Probot({ appId: s.appId, privateKey: s.privateKey, secret: s.webhookSecret, Octokit: TestOctokit, log: captureLogger().log });
  const result = await redeliverFailed(await probot.auth(), db().sql, { since: new Date(now - 60 * 60_000), log: captureLogger().log });
  expect(result).toEqual({ redelivered: 1, seen: 5 });
});

it("reconciles soon after start and again on its interval: a delivery that fails while Sift runs is redelivered by the next round", async () => {
  const s = testSettings();
  const probot = new Probot({ appId: s.appId, privateKey: s.privateKey, secret: s.webhookSecret, Octokit: TestOctokit, log: captureLogger().log });
  const appOctokit = await probot.auth();
  const logs = captureLogger();
  nockHookDeliveries([]); // the first round, at start: nothing failed yet
  const at = new Date().toISOString();
  nockHookDeliveries([{ id: 9, guid: "guid-later", delivered_at: at, status_code: 504, event: "workflow_job" }]); // the interval's round
  nockRedeliver(9);
  const stop = startReconcile({ appOctokit: async () => appOctokit, sql: db().sql, log: logs.log, now: () => new Date(), intervalSeconds: 1, firstDelayMs: 0 });
  try {
    await waitFor(async () => (logs.lines.some((l) => /redeliver workflow_job guid-later/.test(l.msg)) ? true : undefined), 5_000, "the interval's redelivery");
  } finally {
    await stop();
  }
  expect(logs.lines.filter((l) => /reconcile: asked GitHub to redeliver/.test(l.msg))).toHaveLength(1);
});
