// The one definition of the Sift check run's status and conclusion, Sift being a required check.
import { describe, expect, it } from "vitest";
import { checkRunState, requiredWaitOver, type CheckRunInput } from "../../src/model/index.js";

type Job = CheckRunInput["jobs"][number];
const job = (name: string, finalClass: string, retry: string | null = null): Job => ({ job: { name }, finalClass, retry: retry === null ? null : { state: retry } });
const state = (input: Partial<CheckRunInput>) => checkRunState({ pendingJobs: 0, jobs: [], ...input });

describe("checkRunState", () => {
  it("concludes failure at once on a genuine failure, without waiting for other jobs or re-runs", () => {
    expect(state({ pendingJobs: 3, jobs: [job("unit", "genuine"), job("lint", "flaky", "requested")], required: true })).toEqual({
      status: "completed",
      conclusion: "failure",
      reasons: [],
    });
  });

  it("stays in progress while jobs run, and while an automatic re-run is requested, waiting or held", () => {
    expect(state({ pendingJobs: 1 }).status).toBe("in_progress");
    for (const retry of ["requested", "waiting", "held"]) {
      expect(state({ jobs: [job("e2e", "flaky", retry)] }), retry).toEqual({ status: "in_progress", conclusion: null, reasons: [] });
    }
  });

  it("succeeds when every failure left is known, or flaky and passed on re-run (no failure left)", () => {
    expect(state({ jobs: [job("mac", "known-problem")], required: true, knownJobs: 4 })).toMatchObject({ status: "completed", conclusion: "success" });
    expect(state({ jobs: [], required: true, knownJobs: 4 })).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("on a required SHA, fails a flaky job that never passed and will not be re-run, with the reason", () => {
    const out = state({ jobs: [job("deploy-preview", "flaky", "excluded"), job("e2e", "flaky", "exhausted")], required: true, knownJobs: 5 });
    expect(out.conclusion).toBe("failure");
    expect(out.reasons).toEqual([
      "flaky job deploy-preview did not pass and will not be re-run automatically",
      "flaky job e2e did not pass and will not be re-run automatically",
    ]);
    // elsewhere (not a required check) a flaky failure Sift could not re-run stays green, as before
    expect(state({ jobs: [job("e2e", "flaky", "exhausted")] }).conclusion).toBe("success");
  });

  it("waits on a required SHA until a first job reports", () => {
    expect(state({ required: true, knownJobs: 0 }).status).toBe("in_progress");
    expect(state({ required: false, knownJobs: 0 })).toMatchObject({ status: "completed", conclusion: "success" });
  });

  it("past the timeout, counts what it still waits for as failed, saying what", () => {
    expect(state({ pendingJobs: 2, jobs: [job("e2e", "flaky", "requested")], timedOut: true })).toEqual({
      status: "completed",
      conclusion: "failure",
      reasons: ["timed out waiting for 2 jobs to finish, the re-run of e2e"],
    });
    expect(state({ required: true, knownJobs: 0, timedOut: true }).reasons).toEqual(["timed out waiting for a first job to report"]);
    // nothing left to wait for: the timeout changes nothing
    expect(state({ jobs: [job("mac", "known-problem")], timedOut: true })).toMatchObject({ conclusion: "success", reasons: [] });
  });
});

describe("requiredWaitOver", () => {
  const since = new Date("2026-12-06T10:00:00Z");
  it("is over once the minutes have passed, never with 0", () => {
    expect(requiredWaitOver(since, new Date("2026-12-06T10:59:59Z"), 60)).toBe(false);
    expect(requiredWaitOver(since, new Date("2026-12-06T11:00:00Z"), 60)).toBe(true);
    expect(requiredWaitOver(since, new Date("2027-01-01T00:00:00Z"), 0)).toBe(false);
  });
});
