// The real classify stage (src/analyse/classify-job.ts): a job's log fetched through strict mocks of
// the GitHub API and its storage, normalised and judged with the repo's patterns. Logs are the real
// ones from ../shared/corpus; anything Sift cannot read is genuine, with the reason.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createClassifyStage } from "../../src/analyse/classify-job.js";
import type { AnalysisContext } from "../../src/model/index.js";
import { configFromFiles, type LoadedConfig } from "../../src/config/load.js";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import {
  nockGetCheckRun,
  nockJobLogRedirect,
  nockJobLogStatus,
  nockListAnnotations,
  nockLogStorage,
  nockStatusTarget,
  testOctokit,
  useStrictNock,
} from "../helpers/github-nock.js";
import { captureLogger } from "../helpers/probot.js";
import { actionsJob } from "../helpers/actions-job.js";

useStrictNock();

const OWNER = "octo";
const REPO = "app";
const NOW = new Date("2024-05-01T12:01:00Z");
const NIFI = "flaky-test/gha-apache-nifi-sftp-test-connection-reset.raw.log";
const RUFF = "genuine/gha-tagstudio-ruff-format-check.raw.log";
const corpusLog = (path: string) => readCorpusFile(join(corpusDir(), "logs", path));
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

const builtins = () => configFromFiles([], OWNER, REPO);
/** A `.github/sift.yml` of the repo itself, as the config plugin hands it over. */
const repoConfig = (config: Record<string, unknown>) => configFromFiles([{ owner: OWNER, repo: REPO, path: ".github/sift.yml", config }], OWNER, REPO);

function ctx(config: LoadedConfig = builtins()): AnalysisContext<LoadedConfig["compiled"]> {
  return {
    octokit: testOctokit(),
    repo: { id: "1", owner: OWNER, name: REPO, private: false, installationId: 100 },
    sha: "a".repeat(40),
    log: captureLogger().log,
    now: () => NOW,
    config,
  };
}


const classifyJob = createClassifyStage();

describe("GitHub Actions jobs", () => {
  it("calls a real connection reset flaky, with the pattern, the line and an excerpt", async () => {
    const log = corpusLog(NIFI);
    nockLogStorage(nockJobLogRedirect(), log);
    const f = await classifyJob(actionsJob(), ctx());
    expect(f).toMatchObject({ class: "flaky", patternId: "net.connection-reset", category: "network", retry: { enabled: true }, notes: [] });
    expect(f.line).toBe(lineOf(log, "java.net.SocketException: Connection reset"));
    expect(f.excerpt).toContain("java.net.SocketException: Connection reset");
    expect(f.excerpt).not.toMatch(/^\d{4}-\d\d-\d\dT/m); // GitHub's timestamps are gone
    expect(f.logRetryLater).toBeUndefined();
  });

  it("calls a real ruff format failure genuine and points at the line a human would", async () => {
    const log = corpusLog(RUFF);
    nockLogStorage(nockJobLogRedirect(), log);
    const f = await classifyJob(actionsJob({ name: "ruff" }), ctx());
    expect(f).toMatchObject({ class: "genuine", reason: "No flaky or known-problem pattern matched the failing step.", retry: { enabled: false } });
    expect(f.line).toBe(lineOf(log, "Would reformat: tagstudio/src/qt/widgets/thumb_renderer.py"));
    expect(f.excerpt).toContain("Would reformat: tagstudio/src/qt/widgets/thumb_renderer.py");
    expect(f.matchedText).not.toContain("Process completed with exit code");
  });

  it("keeps the failing step's text with its place in the log, and names the pattern set it used", async () => {
    const log = corpusLog(RUFF);
    nockLogStorage(nockJobLogRedirect(), log);
    const f = await createClassifyStage({ keepBytes: 4096 })(actionsJob({ name: "ruff" }), ctx());
    const kept = f.kept!;
    expect(Buffer.byteLength(kept.text)).toBeLessThanOrEqual(4096);
    expect(kept.text).toContain("Would reformat: tagstudio/src/qt/widgets/thumb_renderer.py");
    const firstKept = kept.text.split("\n")[0]!;
    expect(log.split("\n")[kept.firstLine - 1]).toContain(firstKept);
    expect(f.patternSetHash).toBe(ctx().config!.compiled.hash);
  });

  it("keeps nothing with SIFT_KEEP_BYTES=0", async () => {
    nockLogStorage(nockJobLogRedirect(), corpusLog(RUFF));
    expect(await createClassifyStage({ keepBytes: 0 })(actionsJob({ name: "ruff" }), ctx())).not.toHaveProperty("kept");
  });

  it("fails closed on a 404 right after completion, and asks to look again later", async () => {
    nockJobLogStatus(404);
    const f = await classifyJob(actionsJob(), ctx());
    expect(f).toMatchObject({ class: "genuine", patternId: "sift.signal.no-log", logRetryLater: true, retry: { enabled: false } });
    expect(f.reason).toMatch(/^without a log Sift cannot tell a flaky cause \(job log not found \(404\): not uploaded yet/);
  });

  it("fails closed on a 410 without asking to look again: the log is gone for good", async () => {
    nockJobLogStatus(410);
    const f = await classifyJob(actionsJob(), ctx());
    expect(f).toMatchObject({ class: "genuine", patternId: "sift.signal.no-log" });
    expect(f.reason).toMatch(/expired \(410 Gone\)/);
    expect(f).not.toHaveProperty("logRetryLater");
  });

  it("gives a job that never got a runner the signal verdict, without asking for its log", async () => {
    const steps = [{ name: "Set up job", number: 1, status: "queued", conclusion: null }];
    // strict nock: any log request here would fail the test
    const f = await classifyJob(actionsJob({ runnerName: null, steps }), ctx());
    expect(f).toMatchObject({ class: "flaky", patternId: "sift.signal.no-runner", category: "runner", line: null, excerpt: null });
    expect(f.reason).toBe("The job never got a runner.");
  });

  it("reads only the tail of a log over log.max_bytes, finds the cause there, and says the head was skipped", async () => {
    const log = corpusLog(NIFI); // 370 KB; the reset is in the last 8 KB
    nockLogStorage(nockJobLogRedirect(), log);
    const f = await classifyJob(actionsJob(), ctx(repoConfig({ log: { max_bytes: 64 * 1024 } })));
    expect(f).toMatchObject({ class: "flaky", patternId: "net.connection-reset" });
    expect(f.notes).toHaveLength(1);
    expect(f.notes[0]).toMatch(/^the first \d+ KB of the log were skipped \(log\.max_bytes keeps the tail\)$/);
    const skippedKb = Number(/first (\d+) KB/.exec(f.notes[0]!)?.[1]);
    expect(skippedKb).toBeGreaterThanOrEqual(Math.floor((Buffer.byteLength(log) - 64 * 1024) / 1024));
    expect(f.excerpt).toContain("java.net.SocketException: Connection reset");
    // the line still counts from the start of the whole log, not from the kept tail
    expect(f.line).toBe(lineOf(log, "java.net.SocketException: Connection reset"));
  });

  it("lets a repo known-problem pattern beat the built-in flaky one on the same log", async () => {
    nockLogStorage(nockJobLogRedirect(), corpusLog(NIFI));
    const config = repoConfig({
      patterns: [
        { id: "sftp-server-down", regex: "sshj\\.transport\\.TransportException", class: "known-problem", category: "infra", description: "The SFTP test server is down.", issue: "https://github.com/octo/app/issues/7" },
      ],
    });
    expect(config.problems).toEqual([]);
    const f = await classifyJob(actionsJob(), ctx(config));
    expect(f).toMatchObject({ class: "known-problem", patternId: "sftp-server-down", reason: "The SFTP test server is down.", issue: "https://github.com/octo/app/issues/7" });
    expect(f.retry).toEqual({ enabled: false });
  });
});

describe("other providers", () => {
  it("classifies a check run of another CI app from its output and annotations", async () => {
    nockGetCheckRun({ title: "Build failed", summary: "Tests: 212 passed, 1 failed", text: "npm ERR! network read ECONNRESET\nnpm ERR! network This is a problem related to network connectivity." }, 7, OWNER, REPO);
    nockListAnnotations([[]], 7, OWNER, REPO);
    const job = actionsJob({ provider: "check_run", externalId: "7", name: "buildkite/app", runId: null, runnerName: null, logUrl: "https://buildkite.com/octo/app/builds/1" });
    const f = await classifyJob(job, ctx());
    expect(f).toMatchObject({ class: "flaky", patternId: "net.connection-reset", line: 3 });
    expect(f.excerpt).toContain("npm ERR! network read ECONNRESET");
  });

  it("classifies a commit status from its plain-text target_url, never sending credentials there", async () => {
    const url = "https://ci.example.com/job/1/consoleText";
    nockStatusTarget(url, corpusLog(RUFF)); // badheaders: authorization
    const job = actionsJob({ provider: "status", externalId: "sha/ci/jenkins", name: "ci/jenkins", runId: null, runnerName: null, logUrl: url });
    const f = await classifyJob(job, ctx());
    expect(f).toMatchObject({ class: "genuine" });
    expect(f.excerpt).toContain("Would reformat: tagstudio/src/qt/widgets/thumb_renderer.py");
  });

  it("fails closed on a status without a readable target", async () => {
    const job = actionsJob({ provider: "status", externalId: "sha/ci/other", name: "ci/other", runId: null, runnerName: null, logUrl: null });
    const f = await classifyJob(job, ctx());
    expect(f).toMatchObject({ class: "genuine", patternId: "sift.signal.no-log" });
    expect(f.reason).toMatch(/no log provider for status "ci\/other"/);
    expect(f).not.toHaveProperty("logRetryLater");
  });
});
