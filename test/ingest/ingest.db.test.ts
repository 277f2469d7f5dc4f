// Ingestion over HTTP: idempotent rows, delivery dedupe, what is ignored, what is rejected.
import { afterEach, beforeEach, expect, it } from "vitest";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { checkRunPayload, sha, statusPayload, workflowJobPayload } from "../helpers/payloads.js";
import { TEST_APP_ID, startTestApp, type TestApp } from "../helpers/probot.js";

const db = useTestDatabase();
let app: TestApp;
beforeEach(async () => {
  app = await startTestApp(db()); // a fresh Probot per test
});
afterEach(async () => {
  await app.close();
});

const commit = (s: string) => db().prisma.headCommit.findFirst({ where: { sha: s } });

it("records a failed Actions job and makes its head SHA due after the cool-off", async () => {
  const res = await app.deliver("workflow_job", workflowJobPayload({ id: 1, sha: sha(1) }));
  expect(res.status).toBe(200);
  const job = await db().prisma.job.findFirstOrThrow();
  expect(job).toMatchObject({ provider: "actions", externalId: "1", conclusion: "failure", runAttempt: 1, logUrl: "/repos/octo-org/octo-repo/actions/jobs/1/logs" });
  const c = await commit(sha(1));
  expect(c?.state).toBe("pending");
  expect(c!.dueAt!.getTime() - c!.firstFailureAt!.getTime()).toBe(app.settings.coolOffSeconds * 1000);
});

it("records successful and cancelled jobs without scheduling anything", async () => {
  await app.deliver("workflow_job", workflowJobPayload({ id: 1, sha: sha(2), conclusion: "success" }));
  await app.deliver("workflow_job", workflowJobPayload({ id: 2, sha: sha(2), conclusion: "cancelled" }));
  expect((await db().prisma.job.findMany({ orderBy: { id: "asc" } })).map((j) => j.conclusion)).toEqual(["success", "cancelled"]);
  expect(await commit(sha(2))).toBeNull();
});

it("gives a redelivery (same X-GitHub-Delivery) no second effect", async () => {
  const payload = workflowJobPayload({ id: 1, sha: sha(3) });
  const first = await app.deliver("workflow_job", payload);
  await db().prisma.headCommit.updateMany({ data: { state: "done" } }); // analysed meanwhile
  const again = await app.deliver("workflow_job", payload, { id: first.id });
  expect(again.status).toBe(200);
  expect((await commit(sha(3)))?.state).toBe("done");
  expect(await db().prisma.webhookDelivery.count()).toBe(1);
});

it("does not regress a finished job when its in_progress delivery arrives late", async () => {
  await app.deliver("workflow_job", workflowJobPayload({ id: 1, sha: sha(4) }));
  await app.deliver("workflow_job", workflowJobPayload({ id: 1, sha: sha(4), status: "in_progress" }));
  expect(await db().prisma.job.findFirstOrThrow()).toMatchObject({ status: "completed", conclusion: "failure" });
});

it("ignores Sift's own check runs and GitHub Actions' check runs, records other CI apps'", async () => {
  await app.deliver("check_run", checkRunPayload({ id: 11, sha: sha(5), appId: TEST_APP_ID, appSlug: "sift" }));
  await app.deliver("check_run", checkRunPayload({ id: 12, sha: sha(5), appSlug: "github-actions" }));
  await app.deliver("check_run", checkRunPayload({ id: 13, sha: sha(5) }));
  expect((await db().prisma.job.findMany()).map((j) => [j.provider, j.externalId, j.appSlug])).toEqual([["check_run", "13", "buildkite"]]);
  expect(app.logs.lines.some((l) => /Sift's own check run/.test(l.msg))).toBe(true);
});

it("records a commit status per SHA and context; a rebuild replaces it", async () => {
  await app.deliver("status", statusPayload({ sha: sha(6), state: "failure" }));
  await app.deliver("status", statusPayload({ sha: sha(6), state: "pending" }));
  const job = await db().prisma.job.findFirstOrThrow();
  expect(job).toMatchObject({ provider: "status", externalId: `${sha(6)}/ci/jenkins`, status: "in_progress", conclusion: null });
  expect((await commit(sha(6)))?.state).toBe("pending"); // the failure already scheduled it
});

it("rejects a payload missing a needed field with a clear log line and stores nothing", async () => {
  const payload = workflowJobPayload({ id: 1, sha: sha(7) });
  delete payload.workflow_job.head_sha;
  const res = await app.deliver("workflow_job", payload);
  expect(res.status).toBe(200); // redelivering would not help
  const line = app.logs.lines.find((l) => /rejected/.test(l.msg));
  expect(line?.msg).toMatch(/workflow_job\.completed delivery .* rejected, nothing stored: workflow_job\.head_sha/);
  expect(await db().prisma.job.count()).toBe(0);
  expect(await db().prisma.repository.count()).toBe(0);
  expect(await db().prisma.webhookDelivery.count()).toBe(0);
});

it("answers 400 to a bad signature and stores nothing", async () => {
  const res = await app.deliver("workflow_job", workflowJobPayload({ id: 1, sha: sha(8) }), { signature: "sha256=" + "0".repeat(64) });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(await db().prisma.job.count()).toBe(0);
  expect(await db().prisma.webhookDelivery.count()).toBe(0);
});

it("queues an analysed SHA again when another of its jobs finishes (the report must change)", async () => {
  await app.deliver("workflow_job", workflowJobPayload({ id: 1, sha: sha(9) }));
  await db().prisma.headCommit.updateMany({ data: { state: "done" } }); // analysed
  await app.deliver("workflow_job", workflowJobPayload({ id: 2, sha: sha(9), status: "in_progress" }));
  expect((await commit(sha(9)))?.state).toBe("done"); // a job starting changes nothing yet
  await app.deliver("workflow_job", workflowJobPayload({ id: 2, sha: sha(9), conclusion: "success" }));
  expect((await commit(sha(9)))?.state).toBe("pending");
});
