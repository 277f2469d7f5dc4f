import { describe, expect, it } from "vitest";
import { renderCheckRun } from "../../src/report/index.js";
import { failure, jobReport, report } from "./report-fixtures.js";

const flaky = (state: "requested" | "waiting" = "waiting") =>
  jobReport("flaky", {
    failure: failure({ class: "flaky", patternId: "npm-registry-5xx", reason: "npm registry answered 503" }),
    retry: { state, reason: state === "requested" ? "attempt 2 of 3" : "waiting: backoff until 12:05 UTC before attempt 2" },
    attempts: [{ attempt: 1, conclusion: "failure", htmlUrl: "https://github.com/octo/widgets/actions/runs/555/attempts/1" }],
  });
const known = () =>
  jobReport("known-problem", {
    knownProblem: { source: "declaration", description: "macOS runners broken", url: "https://github.com/octo/widgets/issues/12", declaredBy: "alice", since: null },
  });

describe("renderCheckRun", () => {
  it("fails when any failure is genuine, with the title in words and numbers", () => {
    const out = renderCheckRun(report([flaky(), flaky(), known(), jobReport("genuine")], { pendingJobs: 0 }));
    expect(out.status).toBe("completed");
    expect(out.conclusion).toBe("failure");
    expect(out.title).toBe("2 flaky (re-running), 1 known problem, 1 to fix");
  });

  it("succeeds when every failure is flaky or a known problem, once no re-run is on its way", () => {
    const out = renderCheckRun(report([flaky(), known()]));
    expect(out.status).toBe("in_progress"); // the flaky job's re-run waits for its workflow run
    expect(out.title).toBe("1 flaky (re-running), 1 known problem");
    const settled = renderCheckRun(report([jobReport("flaky", { retry: { state: "exhausted", reason: "attempt 3 of 3" } }), known()]));
    expect(settled).toMatchObject({ status: "completed", conclusion: "success", title: "1 flaky, 1 known problem" });
  });

  it("goes in progress while a re-run Sift asked for is on its way, unless a genuine failure decides it already", () => {
    const out = renderCheckRun(report([flaky("requested"), known()]));
    expect(out.status).toBe("in_progress");
    expect(out.conclusion).toBeUndefined();
    expect(renderCheckRun(report([flaky("requested"), jobReport("genuine")]))).toMatchObject({ status: "completed", conclusion: "failure", title: "1 flaky (re-running), 1 to fix" });
  });

  it("stays in progress without a conclusion while jobs are still running, unless something is genuine", () => {
    const out = renderCheckRun(report([known()], { pendingJobs: 2 }));
    expect(out.status).toBe("in_progress");
    expect(out).not.toHaveProperty("conclusion");
    expect(out.title).toBe("Waiting for 2 jobs, 1 known problem");
    expect(renderCheckRun(report([jobReport("genuine")], { pendingJobs: 2 }))).toMatchObject({ status: "completed", conclusion: "failure", title: "Waiting for 2 jobs, 1 to fix" });
  });

  it("says in the title when the wait timed out, and when a required SHA waits for its first job", () => {
    expect(renderCheckRun(report([], { pendingJobs: 1, timedOut: true }))).toMatchObject({ status: "completed", conclusion: "failure", title: "Timed out waiting for 1 job, no failures so far" });
    expect(renderCheckRun(report([], { required: true, knownJobs: 0 }))).toMatchObject({ status: "in_progress", title: "Waiting for a first job, no failures so far" });
  });

  it("puts the details link on top, then genuine, known and flaky failures in that order", () => {
    const genuine = jobReport("genuine", { failure: failure({ matchedText: "expect(received).toBe(expected)" }) }, "unit tests");
    const out = renderCheckRun(report([flaky(), known(), genuine]));
    const s = out.summary;
    expect(s.indexOf("https://sift.example/r/octo/widgets/commit/")).toBeLessThan(s.indexOf("To fix"));
    expect(s.indexOf("To fix")).toBeLessThan(s.indexOf("Known problems"));
    expect(s.indexOf("Known problems")).toBeLessThan(s.indexOf("Flaky"));
    expect(s).toContain("](https://github.com/octo/widgets/actions/runs/555/job/");
    expect(s).toContain("at step `Run tests`");
    expect(s).toContain("```text\n  expect(received).toBe(expected)\n```");
  });

  it("shows the known problem's issue and who declared it, without pinging them", () => {
    const s = renderCheckRun(report([known()])).summary;
    expect(s).toContain("([issue](https://github.com/octo/widgets/issues/12))");
    expect(s).toContain("declared by @\u200Dalice");
    expect(s).not.toMatch(/@alice/);
  });

  it("shows the flaky cause, pattern, retry state and attempts", () => {
    const s = renderCheckRun(report([flaky("requested")])).summary;
    expect(s).toContain("npm registry answered 503 (pattern `npm-registry-5xx`)");
    expect(s).toContain("re-running (attempt 2 of 3)");
    expect(s).toContain("[attempt 1](https://github.com/octo/widgets/actions/runs/555/attempts/1) failure");
  });

  it("shows configuration problems and report-wide notes", () => {
    const s = renderCheckRun(
      report([], { configProblems: [{ file: ".github/sift.yml", path: "patterns[3].regex", message: "invalid regex: missing )" }], notes: ["retries paused: 25 flaky failures in the last hour"] }),
    ).summary;
    expect(s).toContain("Configuration problems");
    expect(s).toContain("`.github/sift.yml` `patterns[3].regex`: invalid regex: missing \\)");
    expect(s).toContain("> retries paused: 25 flaky failures in the last hour");
  });

  it("says plainly when nothing failed", () => {
    const out = renderCheckRun(report([]));
    expect(out).toMatchObject({ status: "completed", conclusion: "success", title: "No failed jobs" });
  });

  it("puts each excerpt with its context in text, genuine first", () => {
    const out = renderCheckRun(report([flaky(), jobReport("genuine", { failure: failure({ excerpt: "line one\nline two\nboom" }) })]));
    expect(out.text).toContain("```text\nline one\nline two\nboom\n```");
    expect(out.text!.indexOf("boom")).toBeLessThan(out.text!.indexOf("npm registry"));
  });
});
