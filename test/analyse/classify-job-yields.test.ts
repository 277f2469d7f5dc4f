// The classify stage on a 50 MB log of progress redraws (once 13 minutes of a blocked server):
// timers keep firing while it works, and the verdict still comes (issue 11, defect 1).
import { describe, expect, it } from "vitest";
import { createClassifyStage } from "../../src/analyse/classify-job.js";
import type { JobInfo } from "../../src/model/index.js";
import { configFromFiles } from "../../src/config/load.js";
import { nockJobLogRedirect, nockLogStorage, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { progressLines } from "../helpers/hostile-logs.js";
import { captureLogger } from "../helpers/probot.js";

useStrictNock();

const job: JobInfo = {
  id: 1,
  provider: "actions",
  externalId: "42",
  name: "unit",
  workflowName: "CI",
  runId: "9000",
  runAttempt: 1,
  conclusion: "failure",
  htmlUrl: null,
  headSha: "a".repeat(40),
  headBranch: "feature",
  prNumbers: [],
  startedAt: new Date("2024-05-01T11:50:00Z"),
  completedAt: new Date("2024-05-01T12:00:00Z"),
  steps: null,
  runnerName: "GitHub Actions 5",
  logUrl: null,
};

describe("classify stage on a 50 MB log", () => {
  it("leaves the event loop turns while it cleans, and still gives a verdict", async () => {
    const log = Buffer.concat([progressLines(50 * 1024 * 1024), Buffer.from("\nError: the build failed\n")]);
    nockLogStorage(nockJobLogRedirect(), log.toString("latin1"));
    const ctx = {
      octokit: testOctokit(),
      repo: { id: "1", owner: "octo", name: "app", private: false, installationId: 100 },
      sha: "a".repeat(40),
      log: captureLogger().log,
      now: () => new Date("2024-05-01T12:01:00Z"),
      config: configFromFiles([], "octo", "app"),
    };
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
      ticks++;
    }, 5);
    const start = performance.now();
    const failure = await createClassifyStage()(job, ctx);
    clearInterval(timer);
    const total = performance.now() - start;
    expect(failure).toMatchObject({ class: "genuine", excerpt: expect.stringContaining("Error: the build failed") });
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect(Math.max(longest, performance.now() - last)).toBeLessThan(total / 3);
  });
});
