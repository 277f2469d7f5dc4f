// A demoted pattern through the analysis: its flaky failure is not re-run (strict nock: a re-run request
// would fail the test), the check run and the details page say why, and `demote.promote` undoes it.
import nock from "nock";
import { Probot } from "probot";
import { expect, it } from "vitest";
import { analyseCommit, createStages } from "../../src/analyse/index.js";
import { failClosed, type ClassifiedFailure } from "../../src/model/index.js";
import { jobFromWorkflowJob, payloads, upsertJob, upsertRepository } from "../../src/ingest/index.js";
import { loadDetails } from "../../src/web/details-data.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { nockCreateCheckRun, nockGetWorkflowRun, nockInstallationToken, nockListCheckRunsForRef, nockRepoFile, useStrictNock, type Captured } from "../helpers/github-nock.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { TEST_APP_ID, TestOctokit, captureLogger, testSettings } from "../helpers/probot.js";
import { stagesWith } from "../helpers/stand-in-stages.js";

useStrictNock();
const db = useTestDatabase(async (db) => {
  await upsertRepository(db.sql, INSTALLATION_ID, { id: REPO.id, name: REPO.name, owner: { login: REPO.owner }, private: false }, new Date());
});
const SHA = sha(77);
const commit = { repositoryId: REPO.id, installationId: INSTALLATION_ID, owner: REPO.owner, repo: REPO.name, sha: SHA };

/** 12 earlier automatic re-runs caused by gha.runner-lost, 2 of which passed. */
async function seedPoorRescues(): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await upsertJob(db().sql, REPO.id, jobFromWorkflowJob(payloads.workflowJobPayload.parse(workflowJobPayload({ id: 500 + i, sha: sha(i + 1), name: "build", runId: 8000 + i }))), new Date());
    const job = await db().prisma.job.findFirstOrThrow({ where: { externalId: String(500 + i) } });
    await db().prisma.retry.create({
      data: { repositoryId: BigInt(REPO.id), jobId: job.id, method: "job", trigger: "auto", status: "requested", cause: "gha.runner-lost", attempt: 1, outcome: i < 2 ? "success" : "failure", outcomeAt: new Date() },
    });
  }
}

async function analyse(config: string, rerun: boolean) {
  await upsertJob(db().sql, REPO.id, jobFromWorkflowJob(payloads.workflowJobPayload.parse(workflowJobPayload({ id: 2, sha: SHA, name: "build", runId: 9100 }))), new Date());
  const s = testSettings();
  const probot = new Probot({ appId: s.appId, privateKey: s.privateKey, secret: s.webhookSecret, Octokit: TestOctokit, log: captureLogger().log });
  nockInstallationToken(INSTALLATION_ID);
  const octokit = await probot.auth(INSTALLATION_ID);
  nockRepoFile(REPO.owner, REPO.name, ".github/sift.yml", config);
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  const created: Captured = [];
  nockCreateCheckRun(REPO.owner, REPO.name, 900, created);
  if (rerun) {
    nockGetWorkflowRun(REPO.owner, REPO.name, 9100);
    nock("https://api.github.com").post(`/repos/${REPO.owner}/${REPO.name}/actions/jobs/2/rerun`).reply(201, {});
  }
  const real = createStages({ prisma: db().prisma, githubWebUrl: "https://github.com", retryBackoffSeconds: 60 });
  const flaky = async (): Promise<ClassifiedFailure> => ({
    ...failClosed(""), class: "flaky", patternId: "gha.runner-lost", category: "runner", reason: "The runner lost communication with the server.", retry: { enabled: true }, observed: ["watch.runner"],
  });
  const result = await analyseCommit(
    { prisma: db().prisma, octokit, log: captureLogger().log, now: () => new Date(), appId: TEST_APP_ID, publicUrl: "https://sift.test", stages: stagesWith({ loadConfig: real.loadConfig, classifyJob: flaky, decide: real.decide, retry: real.retry, writeReport: real.writeReport }) },
    commit,
  );
  return { result, summary: String((created[0] as { output: { summary: string } }).output.summary).replace(/\\/g, "") };
}

it("does not re-run a demoted pattern's flaky failure, and the check run and details page say why", async () => {
  await seedPoorRescues();
  const { result, summary } = await analyse("retry:\n  max_attempts: 3\n", false);
  const why = "pattern gha.runner-lost is demoted: 2 of 12 re-runs passed (17 %, below demote.min_rescue_rate 30 %), so it triggers no automatic re-run";
  expect(result.report.jobs[0]).toMatchObject({ finalClass: "flaky", retry: { state: "excluded", reason: why } });
  expect(summary).toContain(`not re-run (${why})`);
  const details = await loadDetails(db().prisma, { id: BigInt(REPO.id), owner: REPO.owner, name: REPO.name, private: false }, SHA, new Date());
  expect(details?.jobs[0]?.evidence.map((e) => e.text)).toEqual([`${why}. To let it re-run again, add gha.runner-lost to demote.promote in .github/sift.yml.`]);
  // The observed pattern's hit is stored with the verdict; the effective set is remembered for the patterns page.
  const c = await db().prisma.classification.findFirstOrThrow({ where: { job: { externalId: "2" } } });
  expect(c.observedPatternIds).toEqual(["watch.runner"]);
  const set = await db().prisma.repositoryPatternSet.findUniqueOrThrow({ where: { repositoryId: BigInt(REPO.id) } });
  expect(set.demote).toEqual({ enabled: true, min_rescue_rate: 0.3, min_reruns: 10, promote: [] });
  expect((set.patterns as { id: string }[]).some((p) => p.id === "gha.runner-lost")).toBe(true);
});

it("re-runs it again once a maintainer promotes it in .github/sift.yml", async () => {
  await seedPoorRescues();
  const { result } = await analyse("demote:\n  promote: [gha.runner-lost]\n", true);
  expect(result.report.jobs[0]?.retry?.state).toBe("requested");
  expect(result.report.jobs[0]?.evidence).toEqual([]);
});

it("is not demoted under a lower bar set in .github/sift.yml", async () => {
  await seedPoorRescues();
  const { result } = await analyse("demote:\n  min_rescue_rate: 0.1\n", true);
  expect(result.report.jobs[0]?.retry?.state).toBe("requested");
});
