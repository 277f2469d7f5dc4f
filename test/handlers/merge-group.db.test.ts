// merge_group with @octokit/webhooks-examples payloads: a queue's SHA becomes a required head commit,
// analysed like a PR head; a group ejected after a failure is counted per cause of its failures.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { startTestApp, type TestApp } from "../helpers/probot.js";
import { resetDatabase } from "../helpers/reset-db.js";
import nock from "nock";
import { API } from "../helpers/github-nock.js";
import { exampleOf, examplesOf, type LoosePayload } from "../helpers/webhook-examples.js";

let db: TestDatabase;
let app: TestApp;
const metrics = createMetrics();
beforeAll(async () => {
  db = await createTestDatabase();
  app = await startTestApp(db, { metrics, settings: { coolOffSeconds: 30 } });
});
beforeEach(() => resetDatabase(db));
afterAll(async () => {
  await app?.close();
  await db?.destroy();
});

const requested = () => exampleOf("merge_group", "checks_requested");
/** GitHub's `destroyed` carries the same merge_group and a reason (merged, invalidated, dequeued). */
const destroyed = (reason: string): LoosePayload => ({ ...requested(), action: "destroyed", reason });
const ejections = async () => (await metrics.registry.getSingleMetric("sift_merge_queue_ejections_total")!.get()).values.map((v) => [String(v.labels.cause), v.value] as const);

async function failedJob(p: LoosePayload, verdict: "genuine" | "flaky" | null, name: string): Promise<void> {
  const job = await db.prisma.job.create({
    data: { repositoryId: BigInt(p.repository.id), provider: "actions", externalId: `${name}-1`, headSha: p.merge_group.head_sha, name, status: "completed", conclusion: "failure", runId: 77n },
  });
  if (verdict) await db.prisma.classification.create({ data: { jobId: job.id, verdict, reason: "test" } });
}

describe("merge_group", () => {
  it("checks_requested: the group's SHA is a required head commit of its queue branch, due after the cool-off", async () => {
    const p = requested();
    const before = Date.now();
    expect((await app.deliver("merge_group", p)).status).toBe(200);
    const head = await db.prisma.headCommit.findFirstOrThrow({ where: { sha: p.merge_group.head_sha } });
    expect(head).toMatchObject({
      required: true,
      state: "pending",
      branch: "gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64",
      baseBranch: "main",
      baseSha: p.merge_group.base_sha,
      prNumbers: [104],
    });
    expect(head.dueAt!.getTime()).toBeGreaterThanOrEqual(before + 29_000);
    expect(await db.prisma.repository.count({ where: { id: BigInt(p.repository.id) } })).toBe(1);
  });

  it("destroyed after failures: one ejection with the causes of its failures, counted once per cause", async () => {
    const p = requested();
    await app.deliver("merge_group", p);
    await failedJob(p, "genuine", "unit");
    await failedJob(p, "flaky", "e2e");
    await failedJob(p, null, "lint"); // failed, not analysed yet
    const before = new Map(await ejections());
    expect((await app.deliver("merge_group", destroyed("dequeued"))).status).toBe(200);
    expect(await db.prisma.mergeQueueEjection.findMany({ select: { reason: true, causes: true } })).toEqual([{ reason: "dequeued", causes: ["genuine", "flaky", "unanalysed"] }]);
    const after = new Map(await ejections());
    for (const cause of ["genuine", "flaky", "unanalysed"]) expect((after.get(cause) ?? 0) - (before.get(cause) ?? 0), cause).toBe(1);
    // the same group destroyed again (another delivery) is not a second ejection
    await app.deliver("merge_group", destroyed("invalidated"));
    expect(await db.prisma.mergeQueueEjection.count()).toBe(1);
  });

  it("is no ejection when merged, or when nothing failed on the SHA", async () => {
    const p = requested();
    await app.deliver("merge_group", p);
    await app.deliver("merge_group", destroyed("dequeued")); // removed by hand: nothing failed
    await failedJob(p, "genuine", "unit");
    await app.deliver("merge_group", destroyed("merged"));
    expect(await db.prisma.mergeQueueEjection.count()).toBe(0);
  });

  it("a group that timed out waiting (Sift's check failed, no job failed) is ejected for timed-out", async () => {
    const p = requested();
    await app.deliver("merge_group", p);
    await db.prisma.checkRun.create({ data: { repositoryId: BigInt(p.repository.id), headSha: p.merge_group.head_sha, status: "completed", conclusion: "failure", title: "Timed out waiting for 1 job" } });
    await app.deliver("merge_group", destroyed("dequeued"));
    expect(await db.prisma.mergeQueueEjection.findFirst({ select: { causes: true } })).toEqual({ causes: ["timed-out"] });
  });
});

describe("SIFT_REQUIRED_CHECK", () => {
  it("makes a pull request's head a required head commit too; without it a PR head stays idle", async () => {
    const opened = examplesOf("pull_request").find((e) => e.action === "opened" && e.installation) as LoosePayload;
    // the pull_request handler also looks at the PR's files for a `.github/sift.yml` change
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    nock(API).persist().post(/\/app\/installations\/\d+\/access_tokens/).reply(201, { token: "ghs_required", expires_at: new Date(Date.now() + 3600_000).toISOString() });
    nock(API).persist().get(`/repos/${opened.repository.owner.login}/${opened.repository.name}/pulls/${opened.number}/files`).query(true).reply(200, [{ filename: "README.md", status: "modified" }]);
    const required = await startTestApp(db, { settings: { requiredCheck: true, coolOffSeconds: 30 } });
    try {
      expect((await required.deliver("pull_request", opened)).status).toBe(200);
    } finally {
      await required.close();
    }
    expect(await db.prisma.headCommit.findFirstOrThrow({ where: { sha: opened.pull_request.head.sha } })).toMatchObject({ required: true, state: "pending" });

    await resetDatabase(db);
    await app.deliver("pull_request", { ...opened }, { id: "another-delivery" });
    expect(await db.prisma.headCommit.findFirstOrThrow({ where: { sha: opened.pull_request.head.sha } })).toMatchObject({ required: false, state: "idle" });
    nock.cleanAll();
    nock.enableNetConnect();
  });
});
