// A log that is not there yet (404 right after completion, a 5xx): the analysis fails closed now,
// says when it will look again, and the worker queues the SHA again for then — at most LOG_RECHECKS
// times, 60 s × 2^analyses apart. Real database, real classify stage and report writer, strict nock.
import { Probot } from "probot";
import { expect, it } from "vitest";
import { analyseCommit, createClassifyStage, type AnalyseDeps } from "../../src/analyse/index.js";
import { stagesWith } from "../helpers/stand-in-stages.js";
import { jobFromWorkflowJob, payloads, upsertJob, upsertRepository } from "../../src/ingest/index.js";
import { writeReport } from "../../src/report/index.js";
import { scheduleFailure, startWorker } from "../../src/schedule/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import {
  nockCreateCheckRun,
  nockInstallationToken,
  nockJobLogStatus,
  nockListCheckRunsForRef,
  nockUpdateCheckRun,
  useStrictNock,
  type Captured,
} from "../helpers/github-nock.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { TEST_APP_ID, TestOctokit, captureLogger, testSettings } from "../helpers/probot.js";

useStrictNock();

const SHA = sha(0x404);
const JOB_ID = 31;
/** The example payload's job completed at this time; the analyses run shortly after. */
let completedAt: Date;
const timing = { coolOffSeconds: 0, maxWaitSeconds: 0 };

const db = useTestDatabase(async (db) => {
  await upsertRepository(db.sql, INSTALLATION_ID, { id: REPO.id, name: REPO.name, owner: { login: REPO.owner }, private: false }, new Date());
  const job = jobFromWorkflowJob(payloads.workflowJobPayload.parse(workflowJobPayload({ id: JOB_ID, sha: SHA, name: "unit" })));
  completedAt = job.completedAt!;
  await upsertJob(db.sql, REPO.id, job, completedAt);
  await scheduleFailure(db.sql, { repositoryId: REPO.id, sha: SHA, branch: null, now: completedAt }, timing);
});

async function deps(now: () => Date): Promise<AnalyseDeps> {
  const s = testSettings();
  const probot = new Probot({ appId: s.appId, privateKey: s.privateKey, secret: s.webhookSecret, Octokit: TestOctokit, log: captureLogger().log });
  nockInstallationToken(INSTALLATION_ID);
  const octokit = await probot.auth(INSTALLATION_ID);
  return { prisma: db().prisma, octokit, log: captureLogger().log, now, appId: TEST_APP_ID, publicUrl: "https://sift.test", stages: stagesWith({ classifyJob: createClassifyStage(), writeReport }) };
}
const commit = { repositoryId: REPO.id, installationId: INSTALLATION_ID, owner: REPO.owner, repo: REPO.name, sha: SHA };
const logRef = { owner: REPO.owner, repo: REPO.name, jobId: JOB_ID };
const summaryOf = (body: unknown) => (body as { output: { summary: string } }).output.summary;
const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const head = () => db().prisma.headCommit.findFirstOrThrow({ where: { sha: SHA } });

it("fails closed on a log not uploaded yet, says when it looks again, and returns that time", async () => {
  const now = new Date(completedAt.getTime() + 30_000);
  const d = await deps(() => now);
  nockJobLogStatus(404, logRef);
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  const created: Captured = [];
  nockCreateCheckRun(REPO.owner, REPO.name, 701, created);

  const result = await analyseCommit(d, commit);

  const recheckAt = new Date(now.getTime() + 60_000); // first analysis: 60 s × 2^0
  expect(result.recheckAt).toEqual(recheckAt);
  expect(result.report.notes).toEqual([`The log of 1 job was not available yet; Sift will look again at ${hhmm(recheckAt)} UTC.`]);
  expect(result.report.jobs[0]?.failure).toMatchObject({ class: "genuine", patternId: "sift.signal.no-log", logRetryLater: true });
  expect(created[0]).toMatchObject({ conclusion: "failure" });
  expect(summaryOf(created[0])).toContain(`not available yet; Sift will look again at ${hhmm(recheckAt)} UTC`);
  expect(summaryOf(created[0])).toMatch(/not uploaded yet/);
  expect(await db().prisma.classification.findFirst()).toMatchObject({ verdict: "genuine" });
});

it("backs off 60 s × 2^analyses and stops asking after LOG_RECHECKS analyses", async () => {
  const now = new Date(completedAt.getTime() + 30_000);
  const d = await deps(() => now);
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 702);
  const updated: Captured = [];

  await db().prisma.headCommit.update({ where: { id: (await head()).id }, data: { analyses: 3 } });
  nockJobLogStatus(502, logRef); // a 5xx is always worth another look
  expect((await analyseCommit(d, commit)).recheckAt).toEqual(new Date(now.getTime() + 8 * 60_000));

  await db().prisma.headCommit.update({ where: { id: (await head()).id }, data: { analyses: 4 } });
  nockJobLogStatus(502, logRef);
  nockUpdateCheckRun(REPO.owner, REPO.name, 702, updated);
  const last = await analyseCommit(d, commit);
  expect(last).not.toHaveProperty("recheckAt");
  expect(last.report.notes).toEqual([]);
  expect(last.report.jobs[0]?.failure).toMatchObject({ class: "genuine", logRetryLater: true }); // still fail closed
  expect(summaryOf(updated[0])).not.toContain("look again");
  expect(summaryOf(updated[0])).toMatch(/could not be read \\?\(502/); // markdown-escaped
});

it("the worker queues the SHA again for recheckAt, and leaves it done once the rechecks are spent", async () => {
  let clock = new Date(completedAt.getTime() + 30_000);
  const d = await deps(() => clock);
  const worker = startWorker(
    { sql: db().sql, timing, log: captureLogger().log, now: () => clock, concurrency: 1, concurrencyPerInstallation: 1, analyse: (claim) => analyseCommit(d, claim) },
    false,
  );
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 703);

  const dueTimes: Date[] = [];
  for (let n = 0; n < 4; n++) {
    nockJobLogStatus(502, logRef);
    if (n > 0) nockUpdateCheckRun(REPO.owner, REPO.name, 703); // the note's time changed
    expect(await worker.tick()).toBe(1);
    await worker.idle();
    const h = await head();
    const expected = new Date(clock.getTime() + 60_000 * 2 ** n);
    expect(h).toMatchObject({ state: "pending", analyses: n + 1, leaseOwner: null, dueAt: expected });
    dueTimes.push(expected);

    expect(await worker.tick()).toBe(0); // not due before recheckAt
    clock = expected;
  }
  expect(dueTimes.map((t) => (t.getTime() - completedAt.getTime() - 30_000) / 60_000)).toEqual([1, 3, 7, 15]);

  nockJobLogStatus(502, logRef);
  nockUpdateCheckRun(REPO.owner, REPO.name, 703); // the note is gone
  expect(await worker.tick()).toBe(1);
  await worker.idle();
  expect(await head()).toMatchObject({ state: "done", analyses: 5, conclusion: "failure" });
  await worker.stop();
});
