// The migrated database must be one Prisma Client can use: a row of every model goes in and comes
// back out, on PGlite and (SIFT_TEST_DB=postgres) on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/generated/prisma/client.js";
import { createTestDatabase, testDbKind, type TestDatabase } from "../helpers/db.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

describe(`migrated database (${testDbKind})`, () => {
  it("stores and reads a row of every model", async () => {
    const p = db.prisma;
    const bigId = 2n ** 40n + 7n; // GitHub ids outgrow int4
    const when = new Date("2026-01-02T03:04:05.678Z");

    // Typed by model name: a new model in schema.prisma fails to compile until it is covered here.
    const rows: Record<Prisma.ModelName, { id: unknown }> = {} as Record<Prisma.ModelName, { id: unknown }>;
    rows.Installation = await p.installation.create({ data: { id: bigId, accountLogin: "acme" } });
    rows.Repository = await p.repository.create({
      data: { id: bigId + 1n, installationId: bigId, owner: "acme", name: "widgets" },
    });
    const repositoryId = bigId + 1n;
    rows.HeadCommit = await p.headCommit.create({
      data: { repositoryId, sha: "a".repeat(40), prNumbers: [12, 13], state: "pending", dueAt: when },
    });
    rows.Job = await p.job.create({
      data: {
        repositoryId,
        provider: "actions",
        externalId: "29679449",
        headSha: "a".repeat(40),
        name: "test (ubuntu-latest)",
        runId: bigId + 2n,
        status: "completed",
        conclusion: "failure",
        startedAt: when,
        completedAt: when,
        prNumbers: [12],
        labels: ["ubuntu-latest"],
        steps: [{ name: "Run tests", number: 4, conclusion: "failure" }],
      },
    });
    const jobId = rows.Job.id as number;
    rows.Classification = await p.classification.create({
      data: { jobId, verdict: "flaky", patternId: "network.econnreset", line: 812, reason: "ECONNRESET", confidence: "high", evidence: [{ text: "flipped", links: [] }] },
    });
    rows.FailingTest = await p.failingTest.create({
      data: { repositoryId, jobId, testKey: "Cart applies a discount", testId: "Cart › applies a discount", file: "src/cart.test.js" },
    });
    rows.Retry = await p.retry.create({
      data: { repositoryId, jobId, method: "job", trigger: "auto", status: "requested", attempt: 1, outcome: "success" },
    });
    rows.KnownBroken = await p.knownBroken.create({
      data: { repositoryId, jobGlob: "e2e-*", reason: "staging down", declaredBy: "octocat", prNumber: 12 },
    });
    rows.KnownProblemIssue = await p.knownProblemIssue.create({
      data: { repositoryId, number: 7, title: "Staging down", htmlUrl: "https://github.com/acme/widgets/issues/7", jobGlobs: ["e2e-*"], flakyTestIds: ["tests/test_net.py::test_dns"] },
    });
    rows.CheckRun = await p.checkRun.create({
      data: { repositoryId, headSha: "a".repeat(40), checkRunId: bigId + 3n, status: "completed", title: "1 flaky" },
    });
    rows.WebhookDelivery = await p.webhookDelivery.create({
      data: { id: "72d3162e-cc78-11e3-81ab-4c9367dc0958", event: "workflow_job", installationId: bigId },
    });
    const body = new Uint8Array([0x1b, 0x00, 0xff]); // bytes, as Brotli writes them
    const kept = await p.failureText.create({
      data: { jobId, repositoryId, encoding: "br", body, textBytes: 3, fullBytes: 3, firstLine: 1, stepStart: 1, stepEnd: 1, lineCount: 1, format: "github", stepReason: "the failed step" },
    });
    rows.FailureText = { id: kept.jobId };
    const window = await p.commandWindow.create({ data: { repositoryId, login: "octocat", windowStart: when, commands: 1 } });
    rows.CommandWindow = { id: [window.repositoryId, window.login, window.windowStart] }; // a composite key
    const reclass = await p.reclassification.create({ data: { repositoryId, reason: "push", since: when, targetHash: "abc", cursorJobId: jobId } });
    rows.Reclassification = { id: reclass.repositoryId };
    rows.BuiltinsVersion = await p.builtinsVersion.create({ data: { hash: "0123456789abcdef" } });
    const cipher = new Uint8Array([0x01, 0x00, 0xfe]);
    rows.ReaderSession = await p.readerSession.create({ data: { id: "f".repeat(64), login: "octocat", tokenCipher: cipher, expiresAt: when } });
    rows.NotificationOutbox = await p.notificationOutbox.create({ data: { key: "red:acme/widgets:1", event: "default_branch_red", installationId: bigId, repositoryId, payload: { text: "red" } } });
    const cause = { keyType: "pattern", causeKey: "network.econnreset", repositoryId, day: new Date("2026-01-02"), verdict: "flaky" as const, kind: "infrastructure", category: "network" };
    const jobCause = await p.jobCause.create({ data: { ...cause, jobId, jobName: "test (ubuntu-latest)", seconds: 60, at: when } });
    rows.JobCause = { id: [jobCause.jobId, jobCause.keyType, jobCause.causeKey] };
    const daily = await p.dailyCause.create({ data: { ...cause, count: 1, seconds: 60, firstSeen: when, lastSeen: when, latestJobId: jobId } });
    rows.DailyCause = { id: [daily.repositoryId, daily.day, daily.verdict, daily.keyType, daily.causeKey] };
    const first = await p.causeFirstSeen.create({ data: { repositoryId, keyType: cause.keyType, causeKey: cause.causeKey, day: cause.day } });
    rows.CauseFirstSeen = { id: [first.repositoryId, first.keyType, first.causeKey] };
    const { repositoryId: _r, ...orgCause } = cause;
    const org = await p.orgDailyCause.create({ data: { ...orgCause, owner: "acme", count: 1, seconds: 60, firstSeen: when, lastSeen: when, latestJobId: jobId, jobsLast: 1, reposLast: 1 } });
    rows.OrgDailyCause = { id: [org.owner, org.keyType, org.causeKey, org.verdict, org.day] };
    const covered = await p.orgCauseRepository.create({ data: { owner: "acme", repositoryId } });
    rows.OrgCauseRepository = { id: [covered.owner, covered.repositoryId] };
    rows.MergeQueueEjection = await p.mergeQueueEjection.create({ data: { repositoryId, headSha: "b".repeat(40), reason: "dequeued", causes: ["genuine"] } });
    const lease = await p.backfillLease.create({ data: { repositoryId, owner: "replica-1", leaseUntil: when } });
    rows.BackfillLease = { id: lease.repositoryId };
    const patternSet = await p.repositoryPatternSet.create({ data: { repositoryId, hash: "h".repeat(16), patterns: [{ id: "a.b", origin: "repo", class: "flaky" }], demote: { enabled: true } } });
    rows.RepositoryPatternSet = { id: patternSet.repositoryId };
    rows.StatisticValue = await p.statisticValue.create({ data: { repositoryId, statisticId: "bundle", group: "kb", jobId, value: 123.5, unit: "kB", at: when } });
    rows.StatisticLog = await p.statisticLog.create({ data: { repositoryId, installationId: bigId, jobId } });
    const mainDay = await p.mainBranchDay.create({ data: { repositoryId, day: new Date("2026-01-02T00:00:00Z"), branch: "main", commits: 3, broken: 1, points: [[1, "a".repeat(40), when.getTime(), true]] } });
    rows.MainBranchDay = { id: [mainDay.repositoryId, mainDay.day] };
    const duration = await p.dailyDuration.create({ data: { repositoryId, day: new Date("2026-01-01"), runs: 2, sum: 90.5, sumSquares: 4100.25, min: 30, max: 60.5, median: 45.25, p90: 57.45 } });
    rows.DailyDuration = { id: [duration.repositoryId, duration.day] };
    const mark = await p.staleDurationDay.create({ data: { repositoryId, day: new Date("2026-01-02") } });
    rows.StaleDurationDay = { id: [mark.repositoryId, mark.day] };
    expect(Object.keys(rows).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    expect(await p.dailyDuration.findFirstOrThrow()).toMatchObject({ runs: 2, sumSquares: 4100.25, median: 45.25, p90: 57.45 });
    expect(mark.version).toBe(1);
    expect(await p.reclassification.findUniqueOrThrow({ where: { repositoryId } })).toMatchObject({ state: "pending", cursorJobId: jobId, targetHash: "abc", leaseOwner: null });

    const repo = await p.repository.findUniqueOrThrow({
      where: { owner_name: { owner: "acme", name: "widgets" } },
      include: {
        installation: true,
        commits: true,
        jobs: { include: { classification: true, retries: true, failingTests: true } },
        knownBroken: true,
        knownProblemIssues: true,
        checkRuns: true,
      },
    });
    expect(repo.installation.id).toBe(bigId);
    expect(repo.installation.accountType).toBe("Organization");
    expect(repo.commits[0]).toMatchObject({ prNumbers: [12, 13], state: "pending", dueAt: when });
    const job = repo.jobs[0];
    expect(job).toMatchObject({ provider: "actions", runId: bigId + 2n, runAttempt: 1, labels: ["ubuntu-latest"] });
    expect(job?.steps).toEqual([{ name: "Run tests", number: 4, conclusion: "failure" }]);
    expect(job?.classification).toMatchObject({ verdict: "flaky", line: 812, confidence: "high", evidence: [{ text: "flipped", links: [] }] });
    expect(job?.failingTests).toMatchObject([{ testKey: "Cart applies a discount", file: "src/cart.test.js", runnerFlaky: null }]);
    expect(job?.retries).toMatchObject([{ attempt: 1, outcome: "success" }]);
    expect(repo.knownBroken[0]).toMatchObject({ jobGlob: "e2e-*", prNumber: 12, clearedAt: null });
    expect(repo.knownProblemIssues[0]).toMatchObject({ number: 7, jobGlobs: ["e2e-*"], patterns: [], open: true, knownProblem: true, flakyTestIds: ["tests/test_net.py::test_dns"] });
    expect(repo.checkRuns[0]?.checkRunId).toBe(bigId + 3n);
    const counted = await p.commandWindow.findUniqueOrThrow({ where: { repositoryId_login_windowStart: { repositoryId, login: "octocat", windowStart: when } } });
    expect(counted).toMatchObject({ commands: 1, replied: false });
    const text = await p.failureText.findUniqueOrThrow({ where: { jobId } });
    expect([...text.body]).toEqual([0x1b, 0x00, 0xff]);
    const session = await p.readerSession.findUniqueOrThrow({ where: { id: "f".repeat(64) } });
    expect([...session.tokenCipher]).toEqual([0x01, 0x00, 0xfe]);
    expect((await p.dailyCause.findFirstOrThrow()).day.toISOString()).toBe("2026-01-02T00:00:00.000Z");
    expect(await p.dailyCause.findFirstOrThrow()).toMatchObject({ jobsLast: 0, repoLast: 0 });
    expect(await p.orgDailyCause.findFirstOrThrow()).toMatchObject({ day: new Date("2026-01-02"), jobsLast: 1, reposLast: 1 });
    expect((await p.mainBranchDay.findFirstOrThrow()).points).toEqual([[1, "a".repeat(40), when.getTime(), true]]);
    const delivery = await p.webhookDelivery.findUniqueOrThrow({ where: { id: "72d3162e-cc78-11e3-81ab-4c9367dc0958" } });
    expect(delivery.installationId).toBe(bigId);

    // The migration's constraints are there too: unique keys and cascading deletes.
    await expect(
      p.checkRun.create({ data: { repositoryId, headSha: "a".repeat(40), checkRunId: 1n, status: "queued", title: "" } }),
    ).rejects.toThrow(/Unique constraint/);
    await p.installation.delete({ where: { id: bigId } });
    expect(await p.job.count()).toBe(0);
    expect(await p.classification.count()).toBe(0);
    expect(await p.failingTest.count()).toBe(0);
    expect(await p.jobCause.count()).toBe(0);
    expect(await p.dailyCause.count()).toBe(0);
    expect(await p.orgCauseRepository.count()).toBe(1); // no foreign key: a deleted repository is noticed by the causes page
    expect(await p.mainBranchDay.count()).toBe(0);
  });
});
