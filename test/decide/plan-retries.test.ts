import { describe, expect, it } from "vitest";
import type { ClassifiedFailure, JobInfo } from "../../src/model/index.js";
import { activeOutages, decide, emptyHistory, type RetryContext } from "../../src/decide/index.js";
import { NOW, classifiedReport, flaky, genuine, job, retryContext } from "./fixtures.js";

function plan(jobs: JobInfo[], failures: [number, ClassifiedFailure][], retry: Partial<RetryContext> = {}) {
  const d = decide({ now: NOW, report: classifiedReport(jobs, new Map(failures)), history: emptyHistory, retry: retryContext(retry) });
  return { ...d, plan: d.retryPlan ?? [] };
}

describe("re-run plan", () => {
  it("re-runs one flaky Actions job through the single-job API, and never a genuine one", () => {
    const d = plan([job({ id: 1 }), job({ id: 2, name: "lint", runId: "501" })], [[1, flaky()], [2, genuine()]]);
    expect(d.plan).toEqual([expect.objectContaining({ method: "job", jobIds: [1], externalId: "1001", when: "now" })]);
    expect(d.jobs.map((j) => j.retry)).toEqual([{ state: "requested", reason: "re-run requested (attempt 2 of 3)" }, null]);
  });

  it("uses rerun-failed-jobs when every failed job of the run may be re-run", () => {
    const d = plan([job({ id: 1 }), job({ id: 2, name: "test (2, 3)" })], [[1, flaky()], [2, flaky()]]);
    expect(d.plan).toEqual([expect.objectContaining({ method: "failed_jobs", jobIds: [1, 2], runId: "500", when: "now" })]);
  });

  it("re-runs one job now and the others after the run completes when a genuine job shares the run", () => {
    const d = plan([job({ id: 1 }), job({ id: 2, name: "b" }), job({ id: 3, name: "c" })], [[1, flaky()], [2, flaky()], [3, genuine()]]);
    expect(d.plan.map((a) => [a.method, a.jobIds, a.when])).toEqual([["job", [1], "now"], ["job", [2], "after-run"]]);
    expect(d.jobs[1]?.retry?.state).toBe("waiting");
  });

  it("stops at the attempt cap, from the pattern or the repository", () => {
    expect(plan([job({ id: 1, runAttempt: 3 })], [[1, flaky()]]).jobs[0]?.retry).toEqual({ state: "exhausted", reason: "attempt 3 of 3: no more re-runs" });
    expect(plan([job({ id: 1, runAttempt: 2 })], [[1, flaky({ retry: { enabled: true, maxAttempts: 2 } })]]).plan).toEqual([]);
  });

  it("asks once per attempt: a job already re-run is not asked again", () => {
    const d = plan([job({ id: 1 })], [[1, flaky()]], { previous: [{ jobId: 1, status: "requested", reason: null }] });
    expect(d.plan).toEqual([]);
    expect(d.jobs[0]?.retry?.state).toBe("requested");
  });

  it("never re-runs excluded workflows, patterns that say no, disabled repos or commit statuses", () => {
    expect(plan([job({ id: 1, workflowName: "Deploy to prod" })], [[1, flaky()]]).jobs[0]?.retry?.state).toBe("excluded");
    expect(plan([job({ id: 1 })], [[1, flaky({ retry: { enabled: false } })]]).jobs[0]?.retry?.state).toBe("excluded");
    expect(plan([job({ id: 1 })], [[1, flaky()]], { policy: { ...retryContext().policy, enabled: false } }).plan).toEqual([]);
    expect(plan([job({ id: 1, provider: "status", runId: null })], [[1, flaky()]]).jobs[0]?.retry?.state).toBe("not-retryable");
  });

  it("re-runs nothing automatically while a retry.exclude_workflows glob cannot be used (a typo must not lift the deploy brake)", () => {
    const policy = { ...retryContext().policy, exclude_workflows: ["*deploy*", "release{"] };
    for (const workflowName of ["Deploy to prod", "CI"]) {
      const d = plan([job({ id: 1, workflowName })], [[1, flaky()]], { policy });
      expect(d.plan).toEqual([]);
      expect(d.jobs[0]?.retry).toMatchObject({ state: "excluded", reason: 'retry.exclude_workflows: "release{" cannot be used (unbalanced brackets); no automatic re-run until it is fixed' });
    }
  });

  it("re-requests check runs of other CI apps", () => {
    const d = plan([job({ id: 1, provider: "check_run", runId: null, externalId: "77" })], [[1, flaky()]]);
    expect(d.plan).toEqual([expect.objectContaining({ method: "rerequest", externalId: "77", when: "now" })]);
  });

  it("pauses when the hourly budget is spent, and says so", () => {
    const d = plan([job({ id: 1 }), job({ id: 2, name: "b", runId: "9" })], [[1, flaky()], [2, flaky()]], { retriesLastHour: 19, flakyLastHour: 31 });
    expect(d.plan).toHaveLength(1);
    expect(d.jobs[1]?.retry?.state).toBe("paused");
    expect(d.notes).toContain("retries paused: 31 flaky failures in the last hour");
  });

  it("sends the first re-run at once, however recently the job failed", () => {
    const d = plan([job({ id: 1, runAttempt: 1, completedAt: NOW })], [[1, flaky()]]);
    expect(d.plan).toEqual([expect.objectContaining({ when: "now", notBefore: null })]);
    expect(d.jobs[0]?.retry?.state).toBe("requested");
  });

  it("backs off exponentially from the second re-run on: base, then 2×base", () => {
    const completedAt = new Date(NOW.getTime() - 30_000);
    const second = plan([job({ id: 1, runAttempt: 2, completedAt })], [[1, flaky()]]);
    expect(second.plan[0]).toMatchObject({ when: "after-backoff", notBefore: new Date(completedAt.getTime() + 60_000) });
    expect(second.jobs[0]?.retry?.state).toBe("waiting");
    const third = plan([job({ id: 1, runAttempt: 3, completedAt })], [[1, flaky({ retry: { enabled: true, maxAttempts: 5 } })]]);
    expect(third.plan[0]).toMatchObject({ when: "after-backoff", notBefore: new Date(completedAt.getTime() + 120_000) });
  });

  it("takes the backoff base from the retry context; 0 re-runs at once", () => {
    const completedAt = new Date(NOW.getTime() - 1_000);
    expect(plan([job({ id: 1, runAttempt: 2, completedAt })], [[1, flaky()]], { backoffBaseSeconds: 0 }).plan[0]).toMatchObject({ when: "now" });
    expect(plan([job({ id: 1, runAttempt: 2, completedAt })], [[1, flaky()]], { backoffBaseSeconds: 5 }).plan[0]).toMatchObject({
      when: "after-backoff",
      notBefore: new Date(completedAt.getTime() + 5_000),
    });
  });

  it("holds re-runs of a cause in outage and says since when", () => {
    const sightings = Array.from({ length: 10 }, (_, i) => ({ cause: "gha.runner-lost", at: new Date(NOW.getTime() - i * 60_000) }));
    const outages = activeOutages({ recent: sightings, baseline: null }, [], NOW);
    const d = plan([job({ id: 1 })], [[1, flaky()]], { outages });
    expect(d.plan).toEqual([expect.objectContaining({ when: "after-outage", cause: "gha.runner-lost" })]);
    expect(d.jobs[0]?.retry?.state).toBe("held");
    expect(d.notes).toEqual(["held: outage of gha.runner-lost since 2026-11-23 11:51 UTC (10 in 15 min, 0.0 expected)"]);
  });

  it("does not treat a cancelled job or a failure that passed on re-run as failures", () => {
    const d = plan([job({ id: 1, conclusion: "cancelled" }), job({ id: 2, name: "b" }), job({ id: 3, name: "b", runAttempt: 2, conclusion: "success" })], [[1, flaky()], [2, flaky()]]);
    expect(d.jobs).toEqual([]);
  });

});
