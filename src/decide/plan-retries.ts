// The re-run plan as data: which failed attempts to re-run, how, and when. Adapters in src/retry act on it.
// GitHub refuses a second single-job re-run while the run is running again, so several jobs of one run
// go together through rerun-failed-jobs when every failed job of that run may be re-run, and otherwise
// one now and the rest each time the run completes.
import type { ClassifiedFailure, JobInfo, RetryAction, RetryState, VerdictClass } from "../model/index.js";
import { attemptOf, backoffUntil, retryGate, type PreviousRetry, type RetryPolicy } from "./retry-gate.js";
import type { Demotion } from "./demotion.js";
import type { Outage } from "./outages.js";

export interface RetryContext {
  policy: RetryPolicy;
  /** Automatic re-runs Sift asked for in this repository in the last hour. */
  retriesLastHour: number;
  /** Flaky failures seen in this repository in the last hour, for the "paused" note. */
  flakyLastHour: number;
  outages: Outage[];
  previous: PreviousRetry[];
  backoffBaseSeconds: number;
  /** Flaky patterns whose re-runs rarely pass (demotion.ts): they trigger no automatic re-run. */
  demoted?: ReadonlyMap<string, Demotion>;
}

export interface PlanEntry {
  job: JobInfo;
  failure: ClassifiedFailure;
  finalClass: VerdictClass;
}

export interface RetryPlan {
  states: Map<number, { state: RetryState; reason: string }>;
  actions: RetryAction[];
  notes: string[];
}

interface Candidate extends PlanEntry {
  notBefore: Date | null;
  maxAttempts: number;
  attempt: number;
}

export function planRetries(entries: readonly PlanEntry[], failedLatest: readonly JobInfo[], ctx: RetryContext, now: Date): RetryPlan {
  const plan: RetryPlan = { states: new Map(), actions: [], notes: [] };
  const candidates: Candidate[] = [];
  let budget = ctx.policy.budget_per_hour - ctx.retriesLastHour;
  for (const e of entries) {
    if (e.finalClass !== "flaky") continue; // never re-run genuine or known-problem jobs
    const previous = ctx.previous.find((p) => p.jobId === e.job.id);
    const gate = retryGate(e.job, e.failure, ctx.policy, ctx.outages, previous, ctx.demoted);
    if (!gate.go) {
      plan.states.set(e.job.id, { state: gate.state, reason: gate.reason });
      if (gate.state === "held") plan.actions.push(single(e, "after-outage", null, gate.reason));
      continue;
    }
    if (budget <= 0) {
      plan.states.set(e.job.id, { state: "paused", reason: `retries paused: the hourly budget of ${ctx.policy.budget_per_hour} is spent` });
      continue;
    }
    budget--;
    const attempt = attemptOf(e.job, previous);
    candidates.push({ ...e, notBefore: backoffUntil(e.job, ctx.backoffBaseSeconds, attempt), maxAttempts: gate.maxAttempts, attempt });
  }
  if ([...plan.states.values()].some((s) => s.state === "paused")) {
    plan.notes.push(`retries paused: ${ctx.flakyLastHour} flaky failures in the last hour`);
  }
  const byRun = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.job.provider !== "actions" || c.job.runId === null) {
      schedule(plan, [c], methodOf(c.job), now);
      continue;
    }
    byRun.set(c.job.runId, [...(byRun.get(c.job.runId) ?? []), c]);
  }
  for (const [runId, group] of byRun) {
    const failedInRun = failedLatest.filter((j) => j.provider === "actions" && j.runId === runId);
    const all = failedInRun.every((j) => group.some((c) => c.job.id === j.id));
    if (group.length > 1 && all) {
      schedule(plan, group, "failed_jobs", now);
      continue;
    }
    const [first, ...rest] = [...group].sort((a, b) => (a.notBefore?.getTime() ?? 0) - (b.notBefore?.getTime() ?? 0));
    if (first) schedule(plan, [first], "job", now);
    for (const c of rest) {
      const reason = "waiting: re-run once its workflow run completes (GitHub re-runs one job of a run at a time)";
      plan.states.set(c.job.id, { state: "waiting", reason });
      plan.actions.push(single(c, "after-run", null, reason));
    }
  }
  return plan;
}

/** Actions jobs re-run one by one, other apps' check runs through re-request, statuses through their provider. */
function methodOf(job: JobInfo): RetryAction["method"] {
  return job.provider === "actions" ? "job" : job.provider === "check_run" ? "rerequest" : "provider";
}

function single(e: PlanEntry, when: RetryAction["when"], notBefore: Date | null, reason: string): RetryAction {
  const method = methodOf(e.job);
  return { method, jobIds: [e.job.id], runId: e.job.runId, externalId: e.job.externalId, when, notBefore, cause: e.failure.patternId, reason };
}

function schedule(plan: RetryPlan, group: Candidate[], method: RetryAction["method"], now: Date): void {
  const notBefore = group.reduce<Date | null>((m, c) => (c.notBefore && (!m || c.notBefore > m) ? c.notBefore : m), null);
  const waits = notBefore !== null && notBefore > now;
  for (const c of group) {
    const reason = waits
      ? `waiting: backoff until ${notBefore.toISOString().slice(11, 16)} UTC before attempt ${c.attempt + 1}`
      : `re-run requested (attempt ${c.attempt + 1} of ${c.maxAttempts})`;
    plan.states.set(c.job.id, { state: waits ? "waiting" : "requested", reason });
  }
  const first = group[0] as Candidate;
  plan.actions.push({
    method,
    jobIds: group.map((c) => c.job.id),
    runId: first.job.runId,
    externalId: first.job.externalId,
    when: waits ? "after-backoff" : "now",
    notBefore: waits ? notBefore : null,
    cause: first.failure.patternId,
    reason: method === "failed_jobs" ? "every failed job of the run may be re-run" : method === "provider" ? `flaky failure: re-run through ${first.failure.providerRerun?.provider ?? "its provider"}` : "flaky failure",
  });
}
