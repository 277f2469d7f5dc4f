// The failed Actions job and classify context the classify-stage tests share: a job that ran on a
// runner (steps omitted, so the log's own markers find the failing step), in octo/app.
import type { JobInfo } from "../../src/model/index.js";
import { configFromFiles } from "../../src/config/load.js";
import { testOctokit } from "./github-nock.js";
import { captureLogger } from "./probot.js";

export function actionsJob(o: Partial<JobInfo> = {}): JobInfo {
  return {
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
    ...o,
  };
}

/** The classify stage's context for octo/app, with the repository's config files (none: built-ins only). */
export function classifyContext(files: Parameters<typeof configFromFiles>[0] = []) {
  const logger = captureLogger();
  return {
    logger,
    ctx: {
      octokit: testOctokit(),
      repo: { id: "1", owner: "octo", name: "app", private: false, installationId: 100 },
      sha: "a".repeat(40),
      log: logger.log,
      now: () => new Date("2024-05-01T12:01:00Z"),
      config: configFromFiles(files, "octo", "app"),
    },
  };
}
