// The analysis use case against a real database and strict GitHub mocks.
import nock from "nock";
import { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { analyseCommit, createDecideStage, createRetryStage, createStages, type AnalyseDeps } from "../../src/analyse/index.js";
import { AnalysisStopped, failClosed, type AnalysisStages, type ClassifiedFailure, type JobInfo } from "../../src/model/index.js";
import { writeReport } from "../../src/report/index.js";
import { failureTextFromRow } from "../../src/keep/index.js";
import { loadDetails } from "../../src/web/details-data.js";
import { detailsJson } from "../../src/web/details-json.js";
import { jobFromWorkflowJob, payloads, upsertJob, upsertRepository } from "../../src/ingest/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { nockCreateCheckRun, nockGetWorkflowRun, nockInstallationToken, nockListCheckRunsForRef, nockRepoFile, nockUpdateCheckRun, useStrictNock, type Captured } from "../helpers/github-nock.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload, type JobOptions } from "../helpers/payloads.js";
import { TEST_APP_ID, TestOctokit, captureLogger, testSettings } from "../helpers/probot.js";
import { stagesWith } from "../helpers/stand-in-stages.js";

useStrictNock();
const db = useTestDatabase(async (db) => {
  await upsertRepository(db.sql, INSTALLATION_ID, { id: REPO.id, name: REPO.name, owner: { login: REPO.owner }, private: false }, new Date());
});

const SHA = sha(42);
const job = (o: Partial<JobOptions> & { id: number }) =>
  upsertJob(db().sql, REPO.id, jobFromWorkflowJob(payloads.workflowJobPayload.parse(workflowJobPayload({ sha: SHA, ...o }))), new Date());

async function deps(over?: Parameters<typeof stagesWith>[0]): Promise<AnalyseDeps> {
  const s = testSettings();
  const probot = new Probot({ appId: s.appId, privateKey: s.privateKey, secret: s.webhookSecret, Octokit: TestOctokit, log: captureLogger().log });
  nockInstallationToken(INSTALLATION_ID);
  const octokit = await probot.auth(INSTALLATION_ID);
  return { prisma: db().prisma, octokit, log: captureLogger().log, now: () => new Date(), appId: TEST_APP_ID, publicUrl: "https://sift.test", stages: stagesWith(over) };
}
const commit = { repositoryId: REPO.id, installationId: INSTALLATION_ID, owner: REPO.owner, repo: REPO.name, sha: SHA };
const summaryOf = (body: unknown) => (body as { output: { summary: string } }).output.summary;

it("writes one Sift check run listing the failed jobs, latest attempt only", async () => {
  await job({ id: 1, name: "lint" }); // failed
  await job({ id: 2, name: "test", runId: 9000, attempt: 1 }); // failed, then passed on re-run
  await job({ id: 3, name: "test", runId: 9000, attempt: 2, conclusion: "success" });
  await job({ id: 4, name: "build", runId: 9000, attempt: 1, conclusion: "cancelled" }); // left behind by a re-run
  await job({ id: 5, name: "build", runId: 9000, attempt: 2, conclusion: "success" });
  const d = await deps();
  const created: Captured = [];
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 555, created);

  const result = await analyseCommit(d, commit);

  expect(result).toMatchObject({ conclusion: "failure", checkRunId: "555" });
  expect(created[0]).toMatchObject({
    name: "Sift",
    head_sha: SHA,
    status: "completed",
    conclusion: "failure",
    details_url: `https://sift.test/r/octo-org/octo-repo/commit/${SHA}`,
    output: { title: "1 failed job, 1 genuine" },
  });
  expect(summaryOf(created[0])).toContain("lint");
  expect(summaryOf(created[0])).not.toMatch(/test|build/);
  expect(await db().prisma.checkRun.findFirst()).toMatchObject({ checkRunId: 555n, headSha: SHA });
  expect(await db().prisma.classification.findMany()).toMatchObject([{ verdict: "genuine", reason: "not classified yet" }]);
});

it("updates the same check run on the next analysis and skips an update that changes nothing", async () => {
  await job({ id: 1, name: "lint" });
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 556);
  const d = await deps(); // one installation token for the three analyses
  await analyseCommit(d, commit);

  await analyseCommit(d, commit); // nothing changed: no request

  await job({ id: 2, name: "unit" });
  const updated: Captured = [];
  nockUpdateCheckRun(REPO.owner, REPO.name, 556, updated);
  await analyseCommit(d, commit);
  expect(updated[0]).toMatchObject({ output: { title: "2 failed jobs, 2 genuine" } });
  expect(await db().prisma.checkRun.count()).toBe(1);
});

it("finds a check run written before a crash on GitHub instead of creating a second", async () => {
  await job({ id: 1 });
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA, [
    { id: 900, name: "Sift", status: "completed", conclusion: "failure", app: { id: TEST_APP_ID }, output: { title: "old" } },
  ]);
  const updated: Captured = [];
  nockUpdateCheckRun(REPO.owner, REPO.name, 900, updated);
  await analyseCommit(await deps(), commit);
  expect(updated).toHaveLength(1);
});

it("fails closed when the classifier throws, and says why", async () => {
  await job({ id: 1, name: "e2e" });
  const created: Captured = [];
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 557, created);
  await analyseCommit(await deps({ classifyJob: () => Promise.reject(new Error("log fetch timed out")) }), commit);
  expect(summaryOf(created[0])).toMatch(/genuine.*could not classify this job: log fetch timed out/);
  expect(await db().prisma.classification.findFirst()).toMatchObject({ verdict: "genuine" });
});

it("concludes a genuine failure while jobs still run (saying they run), and defuses @-mentions in job names", async () => {
  await job({ id: 1, name: "ping @octocat" });
  await job({ id: 2, name: "slow", status: "in_progress" });
  const created: Captured = [];
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 558, created);
  await analyseCommit(await deps(), commit);
  // a genuine failure decides the required check at once: nothing to wait for
  expect(created[0]).toMatchObject({ status: "completed", conclusion: "failure" });
  expect(summaryOf(created[0])).not.toContain("@octocat");
  expect(summaryOf(created[0])).toContain("1 job(s) still running");
});

describe("one state for the details page and the check run", () => {
  const API = "https://api.github.com";
  const path = `/repos/${REPO.owner}/${REPO.name}`;
  /** What the database says at a moment: the check run's record and the verdicts by job name. */
  async function stored() {
    const record = await db().prisma.checkRun.findFirst();
    const verdicts = await db().prisma.classification.findMany({ include: { job: true }, orderBy: { jobId: "asc" } });
    return { status: record?.status ?? null, conclusion: record?.conclusion ?? null, verdicts: Object.fromEntries(verdicts.map((v) => [v.job.name, v.verdict])) };
  }
  const real = (events: string[]) => ({
    classifyJob: async (job: JobInfo): Promise<ClassifiedFailure> =>
      job.name === "build"
        ? { ...failClosed(""), class: "flaky", patternId: "gha.runner-lost", category: "runner", reason: "The runner lost communication with the server.", retry: { enabled: true } }
        : failClosed("AssertionError: expected 1 to be 2"),
    decide: createDecideStage({ prisma: db().prisma, githubWebUrl: "https://github.com", retryBackoffSeconds: 60 }),
    retry: async (...args: Parameters<AnalysisStages["retry"]>) => {
      const out = await createRetryStage({ prisma: db().prisma })(...args);
      events.push("retry stage done");
      return out;
    },
    writeReport,
  });

  it("re-runs first, stores verdicts and the in-progress record in one step, then writes the check run", async () => {
    await job({ id: 1, name: "unit" });
    const d = await deps();
    nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
    nockCreateCheckRun(REPO.owner, REPO.name, 700);
    const events: string[] = [];
    await analyseCommit({ ...d, stages: stagesWith(real(events)) }, commit);
    expect(await stored()).toEqual({ status: "completed", conclusion: "failure", verdicts: { unit: "genuine" } });

    await job({ id: 2, name: "build", runId: 9100 }); // a flaky failure: Sift re-runs it
    const seen: Record<string, unknown> = {};
    nockGetWorkflowRun(REPO.owner, REPO.name, 9100); // where the run stands, read before asking (a lost answer is never a second re-run)
    nock(API)
      .post(`${path}/actions/jobs/2/rerun`)
      .reply(201, async () => ((seen.atRerun = await stored()), events.push("rerun requested"), {}));
    nock(API)
      .patch(`${path}/check-runs/700`)
      .reply(200, async (_uri, body) => ((seen.atWrite = await stored()), (seen.body = body), events.push("check run written"), { id: 700 }));
    await analyseCommit({ ...d, stages: stagesWith(real(events)) }, commit);

    expect(events.slice(-3)).toEqual(["rerun requested", "retry stage done", "check run written"]);
    // When GitHub was asked to re-run, nothing was stored yet; when the check run was written, the
    // database already held the verdicts and the state the check run shows (the genuine failure
    // decides it: failure, without waiting for the flaky job's re-run).
    expect(seen.atRerun).toEqual({ status: "completed", conclusion: "failure", verdicts: { unit: "genuine" } });
    expect(seen.atWrite).toEqual({ status: "completed", conclusion: "failure", verdicts: { unit: "genuine", build: "flaky" } });
    expect(seen.body).toMatchObject({ status: "completed", conclusion: "failure", output: { title: "1 flaky (re-running), 1 to fix" } });
    const details = await loadDetails(db().prisma, { id: BigInt(REPO.id), owner: REPO.owner, name: REPO.name, private: false }, SHA, new Date());
    expect(detailsJson(details!)).toMatchObject({ status: "completed", conclusion: "failure" });
  });

  it("stores the first state before GitHub creates the check run: the page never lags behind it", async () => {
    await job({ id: 1, name: "unit" });
    const d = await deps();
    nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
    const seen: Record<string, unknown> = {};
    nock(API)
      .post(`${path}/check-runs`)
      .reply(201, async (_uri, body) => ((seen.atCreate = await stored()), { id: 703, ...(body as object) }));
    await analyseCommit({ ...d, stages: stagesWith(real([])) }, commit);
    expect(seen.atCreate).toEqual({ status: "completed", conclusion: "failure", verdicts: { unit: "genuine" } });
    expect(await db().prisma.checkRun.findFirst()).toMatchObject({ checkRunId: 703n });
  });

  it("finds the check run on GitHub when a crash came between creating it and storing its id", async () => {
    await job({ id: 1, name: "unit" });
    await db().prisma.checkRun.create({ data: { repositoryId: BigInt(REPO.id), headSha: SHA, checkRunId: null, status: "completed", conclusion: "failure", title: "t" } });
    const d = await deps();
    nock(API)
      .get(`${path}/commits/${SHA}/check-runs`)
      .query(true)
      .reply(200, { total_count: 1, check_runs: [{ id: 704, name: "Sift", status: "completed", conclusion: "failure", output: { title: "t" }, app: { id: d.appId } }] });
    const updated: unknown[] = [];
    nock(API)
      .patch(`${path}/check-runs/704`)
      .reply(200, (_uri, body) => (updated.push(body), { id: 704 }));
    await analyseCommit({ ...d, stages: stagesWith(real([])) }, commit);
    expect(updated).toHaveLength(1); // the run GitHub has, updated: never a second one created
    expect(await db().prisma.checkRun.findFirst()).toMatchObject({ checkRunId: 704n });
  });

  it("after /known-broken, the verdicts and the record are known-problem and success before the check run says so", async () => {
    await job({ id: 1, name: "unit" });
    const d = await deps();
    nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
    nockCreateCheckRun(REPO.owner, REPO.name, 701);
    await analyseCommit({ ...d, stages: stagesWith(real([])) }, commit);
    await db().prisma.knownBroken.create({
      data: { repositoryId: BigInt(REPO.id), jobGlob: "unit", reason: "flaky upstream", declaredBy: "alice", prNumber: null, expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const seen: Record<string, unknown> = {};
    nock(API)
      .patch(`${path}/check-runs/701`)
      .reply(200, async (_uri, body) => ((seen.atWrite = await stored()), (seen.body = body), { id: 701 }));
    await analyseCommit({ ...d, stages: stagesWith(real([])) }, commit);
    expect(seen.atWrite).toEqual({ status: "completed", conclusion: "success", verdicts: { unit: "known_problem" } });
    expect(seen.body).toMatchObject({ status: "completed", conclusion: "success" });
    const details = await loadDetails(db().prisma, { id: BigInt(REPO.id), owner: REPO.owner, name: REPO.name, private: false }, SHA, new Date());
    expect(detailsJson(details!)).toMatchObject({ status: "completed", conclusion: "success", jobs: [{ name: "unit", class: "known-problem" }] });
  });
});

it("loads the configuration once per analysis: one GET of .github/sift.yml, read by every stage", async () => {
  await job({ id: 1, name: "build", runId: 9100 });
  const d = await deps();
  nockRepoFile(REPO.owner, REPO.name, ".github/sift.yml", "retry:\n  max_attempts: 1\n"); // strict: a second GET fails the test
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 702);
  const real = createStages({ prisma: db().prisma, githubWebUrl: "https://github.com", retryBackoffSeconds: 60 });
  const flaky = async (): Promise<ClassifiedFailure> => ({ ...failClosed(""), class: "flaky", patternId: "gha.runner-lost", category: "runner", reason: "lost", retry: { enabled: true } });
  const result = await analyseCommit({ ...d, stages: stagesWith({ loadConfig: real.loadConfig, classifyJob: flaky, decide: real.decide, retry: real.retry }) }, commit);
  // decide read retry.max_attempts from that one load: attempt 1 of 1, no re-run (no rerun request mocked)
  expect(result.report.jobs[0]?.retry).toMatchObject({ state: "exhausted" });
});

it("stores each verdict with its pattern-set hash, and the kept log text beside it", async () => {
  await job({ id: 1, name: "lint" });
  const kept = { text: "src/a.ts:1:1 error no-unused-vars", firstLine: 40, stepStart: 30, stepEnd: 45, lineCount: 50, format: "github", stepName: "Run lint", stepReason: "the failed step", fullBytes: 34, truncatedHeadBytes: 0 };
  const d = await deps({ classifyJob: async () => ({ ...failClosed("lint error"), patternSetHash: "0123456789abcdef", kept }) });
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 557);
  await analyseCommit(d, commit);
  const [classification] = await db().prisma.classification.findMany();
  expect(classification).toMatchObject({ verdict: "genuine", patternSetHash: "0123456789abcdef" });
  const row = await db().prisma.failureText.findUniqueOrThrow({ where: { jobId: classification!.jobId } });
  expect(row).toMatchObject({ repositoryId: BigInt(REPO.id), firstLine: 40, stepStart: 30, stepEnd: 45, stepName: "Run lint" });
  expect((await failureTextFromRow(row)).text).toBe(kept.text);
});

it("ends without a verdict when Sift stops mid-classification: nothing stored, nothing written, analysed again later", async () => {
  await job({ id: 1, name: "unit" });
  const d = await deps();
  const stopping = async (): Promise<ClassifiedFailure> => {
    throw new AnalysisStopped("Sift is stopping");
  };
  await expect(analyseCommit({ ...d, stages: stagesWith({ classifyJob: stopping }) }, commit)).rejects.toBeInstanceOf(AnalysisStopped);
  expect(await db().prisma.classification.count()).toBe(0);
  expect(await db().prisma.checkRun.count()).toBe(0);
  nock.cleanAll(); // the installation token deps() offered: never asked for, as nothing was written
});
