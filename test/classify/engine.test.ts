import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { compiled, ghaLog, verdictOf } from "./helpers.js";

const net = { id: "net.reset", regex: "Connection reset by peer", class: "flaky" as const, category: "network" };
const known = { id: "known.mirror", regex: "mirror\\.example\\.org returned 503", class: "known-problem" as const, category: "registry", issue: "https://github.com/o/r/issues/1" };

describe("precedence", () => {
  it("a known-problem match beats an earlier flaky match", () => {
    const v = verdictOf(ghaLog(["Connection reset by peer", "mirror.example.org returned 503"]), [net, known]);
    expect(v).toMatchObject({ class: "known-problem", patternId: "known.mirror", issue: "https://github.com/o/r/issues/1", line: 6 });
    expect(v.retry.enabled).toBe(false);
  });

  it("otherwise the first match in precedence order (repo, org, built-ins) wins", () => {
    const base = { regex: "Connection reset", class: "flaky" as const };
    const v = verdictOf(ghaLog(["Connection reset by peer"]), [
      { ...base, id: "repo.reset", origin: "repo" as const },
      { ...base, id: "org.reset", origin: "org" as const },
      { ...base, id: "builtin.reset", origin: "builtin" as const },
    ]);
    expect(v).toMatchObject({ patternId: "repo.reset", origin: "repo" });
  });
});

describe("unless", () => {
  const p = { ...net, unless: "expect\\(|it\\(" };
  it("cancels a match on the same line", () => {
    expect(verdictOf(ghaLog(["  it('handles Connection reset by peer', () => {"]), [p]).class).toBe("genuine");
  });
  it("does not cancel a match on another line", () => {
    const v = verdictOf(ghaLog(["expect(x)", "Connection reset by peer"]), [p]);
    expect(v).toMatchObject({ class: "flaky", line: 6 });
  });
});

describe("scope", () => {
  const text = ghaLog(["AssertionError: 1 != 2"], { setup: ["Connection reset by peer while downloading the runner"] });
  it("by default a pattern only counts inside the failing step", () => {
    expect(verdictOf(text, [net]).class).toBe("genuine");
  });
  it("scope: log widens it to the whole log", () => {
    const quiet = ghaLog(["make: *** [test] Error 1"], { setup: ["Connection reset by peer while downloading the runner"] });
    expect(verdictOf(quiet, [{ ...net, scope: "log" }])).toMatchObject({ class: "flaky", line: 1 });
  });
  it("but a genuine error in the failing step decides, whatever an earlier step said", () => {
    const v = verdictOf(text, [{ ...net, scope: "log" }]);
    expect(v).toMatchObject({ class: "genuine", category: "test-failure", line: 5 });
    expect(v.reason).toContain('pattern "net.reset" (line 1) does not explain the failure');
  });
  it("post-job cleanup never counts as the failing step", () => {
    const v = verdictOf(ghaLog(["AssertionError: 1 != 2"], { cleanup: ["Connection reset by peer"] }), [net]);
    expect(v.class).toBe("genuine");
  });
});

describe("narrowing by job, workflow, step and branch", () => {
  const text = ghaLog(["Connection reset by peer"]);
  it.each([
    [{ jobs: ["build (*)"] }, { jobName: "build (ubuntu, 3.9)" }, "flaky"],
    [{ jobs: ["lint"] }, { jobName: "build (ubuntu, 3.9)" }, "genuine"],
    [{ workflows: ["CI / *"] }, { workflowName: "CI / nightly" }, "flaky"],
    [{ branches: ["release/*"] }, { branch: "main" }, "genuine"],
    [{ branches: ["release/*"] }, {}, "genuine"],
    [{ steps: ["Run make*"] }, {}, "flaky"],
    [{ steps: ["Run deploy"] }, {}, "genuine"],
  ])("%j with %j → %s", (narrow, context, cls) => {
    expect(verdictOf(text, [{ ...net, ...narrow }], { context }).class).toBe(cls);
  });
});

describe("multiline patterns", () => {
  const trace = { id: "jvm.crash", regex: "^# A fatal error has been detected.*\\n(?:.*\\n){0,3}# SIGSEGV", class: "flaky" as const, multiline: true };
  it("match across lines and report the first line", () => {
    const v = verdictOf(ghaLog(["# A fatal error has been detected by the JRE", "#", "# SIGSEGV (0xb) at pc=0x1"]), [trace]);
    expect(v).toMatchObject({ class: "flaky", patternId: "jvm.crash", line: 5 });
  });
  it("do not match when the lines are too far apart", () => {
    const v = verdictOf(ghaLog(["# A fatal error has been detected by the JRE", "1", "2", "3", "4", "# SIGSEGV"]), [trace]);
    expect(v.class).toBe("genuine");
  });
});

describe("signals beside the log", () => {
  it("no log at all is genuine with the reason", () => {
    const v = classify({ compiled: compiled([net]), signals: { logMissing: "HTTP 410: log expired" } });
    expect(v).toMatchObject({ class: "genuine", patternId: "sift.signal.no-log", category: "no-log", line: null });
    expect(v.reason).toContain("410");
  });
  it("an empty log is genuine", () => {
    expect(verdictOf("", [net])).toMatchObject({ class: "genuine", patternId: "sift.signal.no-log" });
  });
  it("a job that never got a runner has its own cause", () => {
    const v = classify({ compiled: compiled([]), signals: { neverStarted: true } });
    expect(v).toMatchObject({ class: "flaky", patternId: "sift.signal.no-runner", category: "runner" });
  });
  it("exit code 137 with Killed is a runner death", () => {
    const v = verdictOf(ghaLog(["running tests", "/home/runner/work/_temp/x.sh: line 1:  1234 Killed                  npm test"], { exitCode: 137 }), []);
    expect(v).toMatchObject({ class: "flaky", patternId: "sift.signal.runner-died", line: 6 });
  });
  it("exit code 137 without Killed is not", () => {
    expect(verdictOf(ghaLog(["running tests"], { exitCode: 137 }), []).class).toBe("genuine");
  });
  it("a runner shutdown signal is a runner death", () => {
    const v = verdictOf(ghaLog(["##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped."]), []);
    expect(v).toMatchObject({ class: "flaky", patternId: "sift.signal.runner-died" });
  });
  it("a platform timeout is genuine with its own cause", () => {
    const v = verdictOf(ghaLog(["##[error]The job running on runner GitHub Actions 2 has exceeded the maximum execution time of 360 minutes."]), []);
    expect(v).toMatchObject({ class: "genuine", patternId: "sift.signal.platform-timeout", category: "timeout" });
  });
});

describe("genuine verdicts", () => {
  it("point at the first assertion of the failing step, never at 'Process completed with exit code 1'", () => {
    const v = verdictOf(ghaLog(["collected 10 items", "E   AssertionError: assert 1 == 2", "FAILED tests/test_x.py::test_y - AssertionError"]), []);
    expect(v).toMatchObject({ class: "genuine", line: 6, category: "test-failure" });
    expect(v.matchedText).toContain("AssertionError");
  });
  it("with nothing recognisable keep no line rather than a generic one", () => {
    const v = verdictOf(ghaLog(["all good"]), []);
    expect(v).toMatchObject({ class: "genuine", patternId: "sift.genuine.unknown", line: null });
  });
  it("fail closed: without a failing step, step patterns do not apply and the reason says so", () => {
    const log = normaliseLog(ghaLog(["Connection reset by peer"]));
    const v = classify({ log: { ...log, failingStep: undefined, failingStepReason: "no step could be identified" }, compiled: compiled([net]) });
    expect(v.class).toBe("genuine");
    expect(v.reason).toContain("No failing step could be identified");
  });
});

describe("excerpt, signature and hash", () => {
  it("the excerpt is the line with context, each line and the whole bounded", () => {
    const long = "x".repeat(5000);
    const v = verdictOf(ghaLog([long, long, "Connection reset by peer", long, long]), [net]);
    expect(v.excerpt.split("\n")).toHaveLength(7);
    expect(v.excerpt.length).toBeLessThanOrEqual(2100);
    expect(v.excerpt).toContain("Connection reset by peer");
  });
  it("the signature folds numbers, hashes, temp paths, timestamps and durations", () => {
    const a = verdictOf(ghaLog(["AssertionError: run 1234 at 2024-05-01T10:00:00Z in /tmp/abc123/x took 12.5s commit 9f86d081884c"]), []);
    const b = verdictOf(ghaLog(["AssertionError: run 98 at 2023-01-02T11:11:11Z in /tmp/zzz/y took 3s commit 1b4f0e9851971"]), []);
    expect(a.signature).toBe(b.signature);
    expect(a.signature).toContain("<tmp>");
    expect(a.signature).not.toMatch(/\d/);
  });
  it("the pattern-set hash is stable and changes with the patterns", () => {
    expect(compiled([net]).hash).toBe(compiled([net]).hash);
    expect(compiled([net]).hash).not.toBe(compiled([{ ...net, regex: "reset" }]).hash);
  });
  it("a pattern RE2 rejects is a problem; the others still apply", () => {
    const v = verdictOf(ghaLog(["Connection reset by peer"]), [{ id: "bad", regex: "(?<=x)y", class: "flaky" }, net]);
    expect(v).toMatchObject({ class: "flaky", patternId: "net.reset" });
    expect(v.problems).toEqual([expect.objectContaining({ patternId: "bad", message: expect.stringContaining("look-behind") })]);
  });
});
