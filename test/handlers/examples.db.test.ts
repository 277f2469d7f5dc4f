// Every example payload of the events Sift handles is accepted (2xx) without an error log.
import nock from "nock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API } from "../helpers/github-nock.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { startTestApp, type TestApp } from "../helpers/probot.js";
import { examplesOf } from "../helpers/webhook-examples.js";

const EVENTS = ["workflow_job", "check_run", "status", "workflow_run", "pull_request", "check_suite", "installation", "installation_repositories", "merge_group"];

let db: TestDatabase;
let app: TestApp;
beforeAll(async () => {
  // pull_request examples that open or update a PR get the `Sift config` look at their files (none is a config).
  nock.disableNetConnect();
  nock.enableNetConnect("127.0.0.1");
  nock(API).persist().post(/\/app\/installations\/\d+\/access_tokens/).reply(201, { token: "ghs_examples", expires_at: new Date(Date.now() + 3600_000).toISOString() });
  nock(API).persist().get("/repos/Codertocat/Hello-World/pulls/2/files").query(true).reply(200, [{ filename: "README.md", status: "modified" }]);
  db = await createTestDatabase();
  app = await startTestApp(db);
});
afterAll(async () => {
  nock.cleanAll();
  nock.enableNetConnect();
  await app?.close();
  await db?.destroy();
});

describe.each(EVENTS)("%s examples", (event) => {
  it("are all accepted without an error log", async () => {
    const payloads = examplesOf(event);
    for (const [i, payload] of payloads.entries()) {
      const res = await app.deliver(event, payload);
      expect(res.status, `${event} example ${i} (${String(payload.action)}): ${res.body}`).toBeLessThan(300);
    }
    expect(app.logs.errors()).toEqual([]);
    expect(app.logs.lines.filter((l) => l.level >= 40 && /Sift config/.test(l.msg))).toEqual([]);
    expect(app.logs.lines.filter((l) => l.level >= 40 && /rejected/.test(l.msg))).toEqual([]);
  });
});

it("stores the jobs and commits of the examples that come from an installation", async () => {
  // workflow_job examples with an installation are queued/in_progress/waiting jobs of octo-org/example-workflow
  expect(await db.prisma.job.count({ where: { provider: "actions" } })).toBeGreaterThan(0);
  expect(await db.prisma.job.count({ where: { provider: "status" } })).toBe(1);
  // GitHub Actions' own check_run is counted through workflow_job, never as a check_run job
  expect(await db.prisma.job.count({ where: { provider: "check_run", appSlug: "github-actions" } })).toBe(0);
  const pr = await db.prisma.headCommit.findFirst({ where: { sha: "ec26c3e57ca3a959ca5aad62de7213c562f8c821" } });
  expect(pr?.prNumbers).toContain(2);
  expect(pr?.baseBranch).toBe("master");
});
