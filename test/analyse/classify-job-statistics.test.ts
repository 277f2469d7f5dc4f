// A failed job's statistics are read by the classify worker thread from the text it classifies (no
// second download, no pass on the event loop), numbered as lines of the whole log; a successful job's
// log goes through the same worker for its statistics alone.
import { afterAll, describe, expect, it } from "vitest";
import { createClassifyStage } from "../../src/analyse/classify-job.js";
import { createClassifyPool } from "../../src/analyse/classify-pool.js";
import { configFromFiles } from "../../src/config/load.js";
import type { JobInfo } from "../../src/model/index.js";
import { nockJobLogRedirect, nockLogStorage, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { captureLogger } from "../helpers/probot.js";

useStrictNock();

const job: JobInfo = {
  id: 1, provider: "actions", externalId: "42", name: "build (linux)", workflowName: "CI", runId: "9000", runAttempt: 1, conclusion: "failure", htmlUrl: null,
  headSha: "a".repeat(40), headBranch: "feature", prNumbers: [], startedAt: null, completedAt: new Date("2024-05-01T12:00:00Z"), steps: null, runnerName: "GitHub Actions 5", logUrl: null,
};
const statistics = [
  { id: "bundle", regex: "bundle: (?P<kb>\\d+) kB", jobs: ["build*"], unit: "kB" },
  { id: "tests", regex: "^Tests: +(?P<passed>\\d+) passed, (?P<total>\\d+) total" },
  { id: "other-job", regex: "bundle: (?P<kb>\\d+)", jobs: ["deploy"] },
];
const config = configFromFiles([{ owner: "octo", repo: "app", path: ".github/sift.yml", config: { statistics } }], "octo", "app");
const LOG = [
  "2024-05-01T11:59:00.0000000Z ##[group]Run npm run build",
  "2024-05-01T11:59:01.0000000Z bundle: 120 kB",
  "2024-05-01T11:59:02.0000000Z bundle: 123 kB",
  "2024-05-01T11:59:03.0000000Z \u001b[1mTests:\u001b[22m       45 passed, 46 total",
  "2024-05-01T11:59:04.0000000Z Error: expected 1 to be 2",
  "2024-05-01T11:59:05.0000000Z ##[error]Process completed with exit code 1.",
].join("\n");

describe("statistics of a failed job", () => {
  const pool = createClassifyPool({ threads: 1 });
  afterAll(() => pool.close());

  it("come back with its verdict from the worker thread, the last match of each statistic the job's globs take", async () => {
    expect(pool.workerFile?.pathname).toMatch(/classify-worker\.js$/); // really off-thread
    nockLogStorage(nockJobLogRedirect(), LOG);
    const ctx = { octokit: testOctokit(), repo: { id: "1", owner: "octo", name: "app", private: false, installationId: 100 }, sha: "a".repeat(40), log: captureLogger().log, now: () => new Date(), config };
    const failure = await createClassifyStage({ pool })(job, ctx);
    expect(failure.class).toBe("genuine");
    expect(failure.statistics).toEqual([
      { statisticId: "bundle", group: "kb", value: 123, line: 3 },
      { statisticId: "tests", group: "passed", value: 45, line: 4 },
      { statisticId: "tests", group: "total", value: 46, line: 4 },
    ]);
  });

  it("a successful job's log is read for its statistics alone in the same pool", async () => {
    const read = await pool.statistics({ bytes: new TextEncoder().encode(LOG), truncatedHeadBytes: 0, statistics: [{ id: "bundle", regex: "bundle: (?P<kb>\\d+) kB" }] });
    expect(read).toEqual({ ok: true, statistics: [{ statisticId: "bundle", group: "kb", value: 123, line: 3 }] });
  });
});

describe("a statistic that cannot be read", () => {
  it("costs neither the verdict nor the other statistics", async () => {
    const { classifyLogBytes } = await import("../../src/analyse/classify-log-bytes.js");
    const job = { bytes: new TextEncoder().encode(LOG), truncatedHeadBytes: 0, context: { jobName: "build" }, signals: { conclusion: "failure" } };
    const verdict = classifyLogBytes({ ...job, statistics: [{ id: "broken", regex: "(?P<n>\\d+" }, { id: "bundle", regex: "bundle: (?P<kb>\\d+) kB" }] }, config.compiled);
    expect(verdict.class).toBe("genuine");
    expect(verdict.statistics).toEqual([{ statisticId: "bundle", group: "kb", value: 123, line: 3 }]);
  });
});
