// Step 6 of the analysis: the notify stage sees the written report; when it fails, the analysis does
// not (the check run is written, the error is logged).
import { Probot } from "probot";
import { expect, it } from "vitest";
import { analyseCommit } from "../../src/analyse/index.js";
import { jobFromWorkflowJob, payloads, upsertJob, upsertRepository } from "../../src/ingest/index.js";
import type { AnalysisReport } from "../../src/model/index.js";
import { nockCreateCheckRun, nockInstallationToken, nockListCheckRunsForRef, useStrictNock } from "../helpers/github-nock.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { TEST_APP_ID, TestOctokit, captureLogger, testSettings } from "../helpers/probot.js";
import { stagesWith } from "../helpers/stand-in-stages.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

useStrictNock();
const db = useTestDatabase(async (db) => {
  await upsertRepository(db.sql, INSTALLATION_ID, { id: REPO.id, name: REPO.name, owner: { login: REPO.owner }, private: false }, new Date());
});
const SHA = sha(0x6e);

async function analyse(notify: (report: AnalysisReport) => Promise<void>) {
  await upsertJob(db().sql, REPO.id, jobFromWorkflowJob(payloads.workflowJobPayload.parse(workflowJobPayload({ sha: SHA, id: 1, name: "lint" }))), new Date());
  const s = testSettings();
  const probot = new Probot({ appId: s.appId, privateKey: s.privateKey, secret: s.webhookSecret, Octokit: TestOctokit, log: captureLogger().log });
  nockInstallationToken(INSTALLATION_ID);
  const octokit = await probot.auth(INSTALLATION_ID);
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 777, []);
  const logs = captureLogger();
  const result = await analyseCommit(
    { prisma: db().prisma, octokit, log: logs.log, now: () => new Date(), appId: TEST_APP_ID, publicUrl: "https://sift.test", stages: stagesWith({ notify: (report) => notify(report) }) },
    { repositoryId: REPO.id, installationId: INSTALLATION_ID, owner: REPO.owner, repo: REPO.name, sha: SHA },
  );
  return { result, logs };
}

it("hands the report to the notify stage after the check run is written", async () => {
  const seen: AnalysisReport[] = [];
  const { result } = await analyse(async (report) => void seen.push(report));
  expect(result.checkRunId).toBe("777");
  expect(seen.map((r) => [r.sha, r.jobs.map((j) => [j.job.name, j.finalClass])])).toEqual([[SHA, [["lint", "genuine"]]]]);
});

it("finishes the analysis when the notify stage fails, and logs why", async () => {
  const { result, logs } = await analyse(async () => {
    throw new Error("outbox unavailable");
  });
  expect(result).toMatchObject({ conclusion: "failure", checkRunId: "777" });
  expect(logs.errors().map((l) => l.msg)).toEqual(["finding notifications failed; the report is written, this analysis notifies nothing"]);
});
