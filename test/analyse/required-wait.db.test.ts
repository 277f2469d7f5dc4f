// A required SHA's wait is bounded: analysed at the deadline (SIFT_REQUIRED_TIMEOUT_MINUTES from when
// the check run went in progress), it concludes with what is known and says what it waited for.
import { Probot } from "probot";
import { expect, it } from "vitest";
import { analyseCommit, type AnalyseDeps } from "../../src/analyse/index.js";
import { upsertRepository } from "../../src/ingest/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { nockCreateCheckRun, nockInstallationToken, nockListCheckRunsForRef, nockUpdateCheckRun, useStrictNock, type Captured } from "../helpers/github-nock.js";
import { INSTALLATION_ID, REPO, sha } from "../helpers/payloads.js";
import { TEST_APP_ID, TestOctokit, captureLogger, testSettings } from "../helpers/probot.js";
import { stagesWith } from "../helpers/stand-in-stages.js";

useStrictNock();
const SHA = sha(0x7e0);
const db = useTestDatabase(async (db) => {
  await upsertRepository(db.sql, INSTALLATION_ID, { id: REPO.id, name: REPO.name, owner: { login: REPO.owner }, private: false }, new Date());
  await db.prisma.headCommit.create({ data: { repositoryId: BigInt(REPO.id), sha: SHA, required: true, branch: "gh-readonly-queue/main/pr-9-" + "e".repeat(40) } });
});

let clock = new Date();
async function deps(): Promise<AnalyseDeps> {
  const s = testSettings();
  const probot = new Probot({ appId: s.appId, privateKey: s.privateKey, secret: s.webhookSecret, Octokit: TestOctokit, log: captureLogger().log });
  nockInstallationToken(INSTALLATION_ID);
  const octokit = await probot.auth(INSTALLATION_ID);
  return { prisma: db().prisma, octokit, log: captureLogger().log, now: () => clock, appId: TEST_APP_ID, publicUrl: "https://sift.test", stages: stagesWith(), requiredTimeoutMinutes: 60 };
}
const commit = { repositoryId: REPO.id, installationId: INSTALLATION_ID, owner: REPO.owner, repo: REPO.name, sha: SHA };
const record = () => db().prisma.checkRun.findFirstOrThrow({ select: { status: true, conclusion: true, waitingSince: true } });

it("waits in progress for a first job, asks to be analysed again at the deadline, then concludes failure saying why", async () => {
  const t0 = new Date("2026-12-06T10:00:00Z");
  const bodies: Captured = [];
  nockListCheckRunsForRef(REPO.owner, REPO.name, SHA);
  nockCreateCheckRun(REPO.owner, REPO.name, 901, bodies);
  clock = t0;
  const d = await deps(); // one installation token for the three analyses
  const first = await analyseCommit(d, commit);
  expect(first.conclusion).toBe("in_progress");
  expect(first.recheckAt).toEqual(new Date("2026-12-06T11:00:00Z")); // nothing may ever report: look again at the deadline
  expect(await record()).toEqual({ status: "in_progress", conclusion: null, waitingSince: t0 });

  // half-way: still waiting (nothing new to write), the wait still counted from t0
  clock = new Date("2026-12-06T10:30:00Z");
  const half = await analyseCommit(d, commit);
  expect(half.recheckAt).toEqual(new Date("2026-12-06T11:00:00Z"));
  expect((await record()).waitingSince).toEqual(t0);

  nockUpdateCheckRun(REPO.owner, REPO.name, 901, bodies);
  clock = new Date("2026-12-06T11:00:00Z");
  const late = await analyseCommit(d, commit);
  expect(late.conclusion).toBe("failure");
  expect(late.report.notes).toContain("Failed: timed out waiting for a first job to report.");
  expect(late.recheckAt).toBeUndefined();
  expect(await record()).toEqual({ status: "completed", conclusion: "failure", waitingSince: null });
  expect(bodies.at(-1)).toMatchObject({ status: "completed", conclusion: "failure" });
});
