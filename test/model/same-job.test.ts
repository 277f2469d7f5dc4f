// "The same job across attempts" and "a failed conclusion" have one definition, used by the analysis
// (collectJobs), decide/'s tests and the details page alike.
import { describe, expect, it } from "vitest";
import { attemptsOf, groupAttempts, isFailedConclusion, latestAttempts, sameJobKey } from "../../src/model/index.js";
import { job } from "../decide/fixtures.js";

describe("latestAttempts", () => {
  it("counts only the latest attempt of a job", () => {
    const first = job({ id: 101, runAttempt: 1, conclusion: "failure" });
    const second = job({ id: 102, runAttempt: 2, conclusion: "success", externalId: "x2" });
    const other = job({ id: 103, name: "lint", conclusion: "failure" });
    expect(latestAttempts([first, second, other]).map((j) => j.id)).toEqual([102, 103]);
    expect(attemptsOf(first, [second, first, other])).toEqual([
      { attempt: 1, conclusion: "failure", htmlUrl: first.htmlUrl },
      { attempt: 2, conclusion: "success", htmlUrl: second.htmlUrl },
    ]);
  });
});

describe("sameJobKey", () => {
  it("groups Actions attempts by run and name, check runs by app and name, statuses by context", () => {
    const a1 = job({ id: 1, externalId: "11", runAttempt: 1 });
    const a2 = job({ id: 2, externalId: "12", runAttempt: 2 });
    const otherRun = job({ id: 3, externalId: "13", runId: "501" });
    expect(sameJobKey(a1)).toBe(sameJobKey(a2));
    expect(sameJobKey(a1)).not.toBe(sameJobKey(otherRun));
    const buildkite = job({ id: 4, provider: "check_run", runId: null, externalId: "90", name: "ci", appSlug: "buildkite" });
    const buildkiteAgain = job({ id: 5, provider: "check_run", runId: null, externalId: "91", name: "ci", appSlug: "buildkite" });
    const circle = job({ id: 6, provider: "check_run", runId: null, externalId: "92", name: "ci", appSlug: "circleci-checks" });
    expect(sameJobKey(buildkite)).toBe(sameJobKey(buildkiteAgain));
    expect(sameJobKey(buildkite)).not.toBe(sameJobKey(circle));
    const status = job({ id: 7, provider: "status", runId: null, externalId: "abc/jenkins", name: "jenkins" });
    expect(groupAttempts([a2, a1, status, buildkite, circle]).map((g) => g.map((j) => j.id))).toEqual([[1, 2], [7], [4], [6]]);
  });
});

describe("isFailedConclusion", () => {
  it("counts failure, timed_out, startup_failure and error; not cancelled, skipped, neutral or null", () => {
    expect(["failure", "timed_out", "startup_failure", "error"].map(isFailedConclusion)).toEqual([true, true, true, true]);
    expect(["cancelled", "skipped", "neutral", "success", null].map(isFailedConclusion)).toEqual([false, false, false, false, false]);
  });
});
