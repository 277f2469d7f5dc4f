import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseLog, type ApiStep } from "../../src/logs/index.js";
import { corpusLogs } from "../helpers/corpus.js";

const ts = (s: number) => `2024-01-01T00:00:${String(s).padStart(2, "0")}.0000000Z`;
const gha = (lines: string[]) => lines.map((l, i) => `${ts(i)} ${l}`).join("\n") + "\n";

const JOB = gha([
  "Current runner version: '2.300.0'", // 1
  "##[group]Run actions/checkout@v4", // 2
  "##[endgroup]", // 3
  "fetched", // 4
  "##[group]Run npm test", // 5
  "##[endgroup]", // 6
  "AssertionError: expected 1 to equal 2", // 7
  "##[error]Process completed with exit code 1.", // 8
  "##[group]Run actions/upload-artifact@v4", // 9
  "##[error]Process completed with exit code 2.", // 10 (continue-on-error step after it? still not post)
  "Post job cleanup.", // 11
  "##[error]cleanup failed", // 12
  "Cleaning up orphan processes", // 13
]);

describe("step splitting (GitHub groups)", () => {
  it("splits at ##[group]Run, Post job cleanup and Complete job", () => {
    const log = normaliseLog(JOB);
    expect(log.steps.map((s) => [s.name, s.startLine, s.endLine, s.post])).toEqual([
      ["Set up job", 1, 1, false],
      ["Run actions/checkout@v4", 2, 4, false],
      ["Run npm test", 5, 8, false],
      ["Run actions/upload-artifact@v4", 9, 10, false],
      ["Post job cleanup", 11, 12, true],
      ["Complete job", 13, 13, true],
    ]);
  });

  it("takes the last step ending in 'Process completed with exit code N'; cleanup never counts", () => {
    const log = normaliseLog(JOB);
    expect(log.failingStep?.name).toBe("Run actions/upload-artifact@v4");
    expect(log.failingStepReason).toContain("exit code");
  });

  it("assumes the last step before cleanup when there is no ##[error] line", () => {
    const log = normaliseLog(gha(["Setting up", "##[group]Run a", "ok", "##[group]Run b", "tar: Exiting with failure status", "Post job cleanup."]));
    expect(log.failingStep?.name).toBe("Run b");
    expect(log.failingStepReason).toContain("no ##[error] line");
  });

  it("treats a log without steps as one step", () => {
    const log = normaliseLog("compile\nerror: boom\n");
    expect(log.failingStep).toMatchObject({ name: "(whole log)", startLine: 1, endLine: 2 });
  });
});

describe("step list from the jobs API", () => {
  const api = (over: Partial<ApiStep>[]): ApiStep[] =>
    over.map((o, i) => ({ name: `s${i}`, number: i + 1, conclusion: "success", ...o }));

  it("prefers the API's failed step, matched by name", () => {
    const log = normaliseLog(JOB, { apiSteps: api([{ name: "Set up job" }, { name: "Run actions/checkout@v4" }, { name: "Run npm test", conclusion: "failure" }]) });
    expect(log.failingStep).toMatchObject({ name: "Run npm test", number: 3, startLine: 5, endLine: 8, conclusion: "failure" });
    expect(log.failingStepReason).toContain("jobs API");
  });

  it("matches a named API step to log steps by time", () => {
    const log = normaliseLog(JOB, {
      apiSteps: api([{ name: "Unit tests", conclusion: "failure", started_at: "2024-01-01T00:00:04Z", completed_at: "2024-01-01T00:00:07Z" }]),
    });
    expect(log.failingStep).toMatchObject({ name: "Unit tests", startLine: 5, endLine: 8 });
  });

  it("falls back to the log when the API's failed step is not in it", () => {
    const log = normaliseLog(JOB, { apiSteps: api([{ name: "Deploy", conclusion: "failure" }]) });
    expect(log.failingStep?.name).toBe("Run actions/upload-artifact@v4");
  });
});

describe("GitLab sections", () => {
  it("splits at section_start/section_end and picks step_script; after_script never counts", () => {
    const raw = [
      "\u001b[0KRunning with gitlab-runner 16.0",
      "section_start:1:prepare_executor\r\u001b[0K\u001b[0K\u001b[36;1mPreparing\u001b[0;m",
      "ok",
      "section_end:2:prepare_executor\r\u001b[0K",
      "section_start:3:step_script\r\u001b[0K\u001b[0K\u001b[36;1mExecuting \"step_script\"\u001b[0;m",
      "$ make test",
      "FAIL: test_x",
      "section_end:4:step_script\r\u001b[0K",
      "section_start:5:after_script\r\u001b[0K\u001b[0K\u001b[36;1mRunning after_script\u001b[0;m",
      "error: cleanup",
      "section_end:6:after_script\r\u001b[0K",
      "\u001b[31;1mERROR: Job failed: exit code 1\u001b[0;m",
    ].join("\n");
    const log = normaliseLog(raw);
    expect(log.steps.map((s) => [s.name, s.startLine, s.endLine, s.post])).toEqual([
      ["prepare_executor", 2, 4, false],
      ["step_script", 5, 8, false],
      ["after_script", 9, 11, true],
    ]);
    expect(log.failingStep?.name).toBe("step_script");
    expect(log.line(5)).toBe('Executing "step_script"');
  });
});

describe("failing steps of corpus logs", () => {
  const find = (name: string) => ["genuine", "infra"].flatMap(corpusLogs).find((f) => f.endsWith(name)) as string;
  const cases: [string, string, number, number][] = [
    ["gha-cidiff-gradle-junit-test-failure.raw.log", "Run ./gradlew build", 453, 577],
    ["gha-cidiff-gradle-test-failure.gh-cli-format.log", "build cidiff", 206, 259],
    ["gha-google-auto-maven-compilation-error.raw.log", "Run mvn -B verify -U --fail-at-end -Dsource.skip=true -Dmaven.javadoc.skip=true -f build-pom.xml", 1265, 1993],
    ["gha-docker-action-git-unsafe-repository.raw.log", "Run xu-cheng/latex-action@v2", 544, 1823],
    ["gha-victory-typescript-ts2307-annotations.raw.log", "Run GabrielBB/xvfb-action@v1", 602, 2884],
  ];
  it.each(cases)("%s → %s", (file, name, start, end) => {
    const log = normaliseLog(readFileSync(find(file)));
    expect(log.failingStep).toMatchObject({ name, startLine: start, endLine: end });
    expect(log.failingStep?.post).toBe(false);
  });
});
