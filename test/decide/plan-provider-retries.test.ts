// Commit statuses of a CI provider Sift may call are re-run through it, with the Actions brakes; a
// status keeps one row across re-runs, so its attempts are counted from Sift's own re-run requests.
import { describe, expect, it } from "vitest";
import type { ClassifiedFailure, JobInfo } from "../../src/model/index.js";
import { decide, emptyHistory, type RetryContext } from "../../src/decide/index.js";
import { NOW, classifiedReport, flaky, job, retryContext } from "./fixtures.js";

const CIRCLE = { provider: "CircleCI", possible: true, reason: "re-run through CircleCI" };
const status = (over: Partial<JobInfo> = {}) =>
  job({ provider: "status", externalId: `${"a".repeat(40)}/ci/circleci: build`, name: "ci/circleci: build", runId: null, workflowName: null, logUrl: "https://app.circleci.com/pipelines/gh/o/r/1/workflows/w/jobs/9", ...over });

function plan(j: JobInfo, failure: ClassifiedFailure, retry: Partial<RetryContext> = {}) {
  const d = decide({ now: NOW, report: classifiedReport([j], new Map([[j.id, failure]])), history: emptyHistory, retry: retryContext(retry) });
  return { plan: d.retryPlan ?? [], state: d.jobs[0]?.retry };
}

describe("re-runs through a status's provider", () => {
  it("plans a provider re-run for a flaky status the provider can re-run", () => {
    const j = status({ id: 1 });
    const d = plan(j, flaky({ providerRerun: CIRCLE }));
    expect(d.plan).toEqual([expect.objectContaining({ method: "provider", jobIds: [1], when: "now", reason: "flaky failure: re-run through CircleCI" })]);
    expect(d.state).toEqual({ state: "requested", reason: "re-run requested (attempt 2 of 3)" }); // the first re-run: no backoff
  });

  it("says why not when Sift has no credentials, or the provider cannot re-run", () => {
    const refused = { provider: "Buildkite", possible: false, reason: "Sift has no Buildkite credentials for o" };
    expect(plan(status({ id: 2 }), flaky({ providerRerun: refused }))).toEqual({ plan: [], state: { state: "not-retryable", reason: refused.reason } });
    expect(plan(status({ id: 3 }), flaky()).state).toEqual({ state: "not-retryable", reason: "commit statuses cannot be re-run through GitHub" });
  });

  it("waits for the requested re-run, then counts it: a status failing again after it is attempt 2", () => {
    const requestedAt = new Date(NOW.getTime() - 30 * 60_000);
    const previous = [{ jobId: 4, status: "requested", reason: null, at: requestedAt, requestedCount: 1 }];
    // the status has not completed since the request: the re-run is still on its way
    const before = status({ id: 4, completedAt: new Date(requestedAt.getTime() - 60_000) });
    expect(plan(before, flaky({ providerRerun: CIRCLE }), { previous }).state?.state).toBe("requested");
    // it failed again after the request: attempt 2, so one more re-run (cap 3), after the backoff
    const again = status({ id: 4, completedAt: new Date(NOW.getTime() - 10_000) });
    const d = plan(again, flaky({ providerRerun: CIRCLE }), { previous });
    expect(d.plan).toEqual([expect.objectContaining({ method: "provider", when: "after-backoff" })]);
    expect(d.state?.reason).toMatch(/before attempt 3$/);
  });

  it("stops at the attempt cap and holds during an outage, as for Actions jobs", () => {
    const previous = [{ jobId: 5, status: "requested", reason: null, at: new Date(NOW.getTime() - 3600_000), requestedCount: 2 }];
    expect(plan(status({ id: 5 }), flaky({ providerRerun: CIRCLE }), { previous }).state).toEqual({ state: "exhausted", reason: "attempt 3 of 3: no more re-runs" });
    const outage = { cause: "circleci.infrastructure-fail", since: NOW, lastSeen: NOW, count: 12, expected: 0, windowMinutes: 15 };
    const held = plan(status({ id: 6 }), flaky({ patternId: "circleci.infrastructure-fail", providerRerun: CIRCLE }), { outages: [outage] });
    expect(held.state?.state).toBe("held");
    expect(held.plan).toEqual([expect.objectContaining({ method: "provider", when: "after-outage" })]);
  });

  it("respects the hourly budget", () => {
    expect(plan(status({ id: 7 }), flaky({ providerRerun: CIRCLE }), { retriesLastHour: 20 }).state?.state).toBe("paused");
  });
});
