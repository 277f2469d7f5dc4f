// The classify stage judges a log in a worker thread (issue 11, hostile input): a 56 MB log classified
// whole (log.max_bytes 64 MiB) leaves the event loop free, and a log that takes longer than the bound
// is genuine with the reason, without waiting for it.
import { afterAll, describe, expect, it } from "vitest";
import { createClassifyStage } from "../../src/analyse/classify-job.js";
import { createClassifyPool } from "../../src/analyse/classify-pool.js";
import type { JobInfo } from "../../src/model/index.js";
import { configFromFiles } from "../../src/config/load.js";
import { nockJobLogRedirect, nockLogStorage, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { hostileLogs } from "../helpers/hostile-log-streams.js";
import { captureLogger } from "../helpers/probot.js";

useStrictNock();
const MB = 1024 * 1024;

const job: JobInfo = {
  id: 1, provider: "actions", externalId: "42", name: "unit", workflowName: "CI", runId: "9000", runAttempt: 1, conclusion: "failure", htmlUrl: null,
  headSha: "a".repeat(40), headBranch: "feature", prNumbers: [], startedAt: new Date("2024-05-01T11:50:00Z"), completedAt: new Date("2024-05-01T12:00:00Z"),
  steps: null, runnerName: "GitHub Actions 5", logUrl: null,
};

function context() {
  const logger = captureLogger();
  return {
    logger,
    ctx: {
      octokit: testOctokit(), repo: { id: "1", owner: "octo", name: "app", private: false, installationId: 100 }, sha: "a".repeat(40), log: logger.log,
      now: () => new Date("2024-05-01T12:01:00Z"), config: configFromFiles([], "octo", "app"),
    },
  };
}

/** Runs `work` while a 5 ms interval measures the longest time the event loop did not turn. */
async function longestHold<T>(work: () => Promise<T>): Promise<{ result: T; longest: number }> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    longest = Math.max(longest, performance.now() - last);
    last = performance.now();
  }, 5);
  const result = await work();
  clearInterval(timer);
  return { result, longest: Math.max(longest, performance.now() - last) };
}

describe("classification off the event loop", () => {
  const pool = createClassifyPool({ threads: 1 });
  afterAll(() => pool.close());

  it("has a built worker to run (npm test builds first)", () => {
    expect(pool.workerFile?.pathname).toMatch(/classify-worker\.js$/);
  });

  it("classifies a 56 MB log whole while the event loop never stops for 400 ms (was ~2 s in this thread)", async () => {
    nockLogStorage(nockJobLogRedirect(), () => hostileLogs.huge(56 * MB));
    const { ctx, logger } = context();
    const stage = createClassifyStage({ pool });
    const { result: failure, longest } = await longestHold(() => stage(job, ctx));
    console.log(`56 MB log classified in a worker: event loop held ≤ ${longest.toFixed(0)} ms`);
    expect(failure).toMatchObject({ class: "flaky", patternId: "git.unable-to-access", notes: [] });
    expect(failure.excerpt).toContain("Could not resolve host: github.com");
    // 176–252 ms measured on the shared 2-core machine: the fetch (tail kept, decoded) and GC remain here.
    expect(longest).toBeLessThan(400);
    expect(JSON.stringify(logger.lines)).not.toMatch(/classified on the event loop/);
  }, 120_000);

  it("answers genuine with the reason when classification takes longer than its bound, and the pool works on", async () => {
    const slow = createClassifyPool({ threads: 1, timeoutSeconds: 0.05 });
    try {
      nockLogStorage(nockJobLogRedirect(), () => hostileLogs.huge(32 * MB));
      const started = performance.now();
      const failure = await createClassifyStage({ pool: slow })(job, context().ctx);
      expect(failure).toMatchObject({ class: "genuine", patternId: "sift.signal.unjudged", line: null, retry: { enabled: false } });
      expect(failure.reason).toMatch(/^classification took longer than 0\.05 s: the log was not judged/);
      expect(performance.now() - started).toBeLessThan(10_000);
      // The overrun worker was terminated and its place freed: the next log is taken (with one thread,
      // a leaked place would wait forever), in a fresh worker that may or may not start within 50 ms.
      nockLogStorage(nockJobLogRedirect(), () => hostileLogs.huge(1024));
      const next = await createClassifyStage({ pool: slow })(job, context().ctx);
      expect(next.patternId).toMatch(/^(git\.unable-to-access|sift\.signal\.unjudged)$/);
    } finally {
      await slow.close();
    }
  }, 60_000);
});
