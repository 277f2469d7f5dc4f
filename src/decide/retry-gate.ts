// The brakes on one flaky job's automatic re-run, in order: provider, policy, pattern, workflow,
// attempt cap, outage hold. Budget and run grouping come after, in plan-retries.ts.
import type { ClassifiedFailure, JobInfo, RetryPolicy, RetryState } from "../model/index.js";
import { globMatcher } from "./glob.js";
import { outageNote, type Outage } from "./outages.js";

export type { RetryPolicy };

/** Retry rows Sift already wrote for this SHA's failed attempts. */
export interface PreviousRetry {
  jobId: number;
  status: string; // requesting, requested, waiting, held, failed
  reason: string | null;
}

export type Gate = { go: false; state: RetryState; reason: string } | { go: true; maxAttempts: number };

export function retryGate(job: JobInfo, failure: ClassifiedFailure, policy: RetryPolicy, outages: readonly Outage[], previous: PreviousRetry | undefined): Gate {
  if (previous?.status === "requested") return { go: false, state: "requested", reason: "re-run requested" };
  // Asked of GitHub by an analysis that did not see the answer: the sweep checks GitHub, never a second request.
  if (previous?.status === "requesting") return { go: false, state: "requested", reason: "re-run requested (checking GitHub's answer)" };
  if (previous?.status === "failed") return { go: false, state: "not-retryable", reason: `GitHub refused the re-run: ${previous.reason ?? "unknown error"}` };
  if (job.provider === "status") return { go: false, state: "not-retryable", reason: "commit statuses cannot be re-run through GitHub" };
  if (!policy.enabled) return { go: false, state: "excluded", reason: "automatic re-runs are off (retry.enabled: false)" };
  if (failure.retry?.enabled === false) return { go: false, state: "excluded", reason: `pattern ${failure.patternId ?? "(none)"} does not allow re-runs` };
  if (job.workflowName && globMatcher(policy.exclude_workflows)?.(job.workflowName)) {
    return { go: false, state: "excluded", reason: `workflow "${job.workflowName}" is never re-run automatically (retry.exclude_workflows)` };
  }
  const maxAttempts = failure.retry?.maxAttempts ?? policy.max_attempts;
  if (job.runAttempt >= maxAttempts) return { go: false, state: "exhausted", reason: `attempt ${job.runAttempt} of ${maxAttempts}: no more re-runs` };
  const outage = outages.find((o) => o.cause === failure.patternId);
  if (outage) return { go: false, state: "held", reason: outageNote(outage) };
  return { go: true, maxAttempts };
}

/**
 * When the next automatic re-run of a job may go out. The first re-run goes as soon as GitHub allows
 * it (its run has completed): a lost runner is the usual cause and waiting helps nobody. From the
 * second re-run on, exponential backoff after the failed attempt: base, 2×base, 4×base…
 */
export function backoffUntil(job: Pick<JobInfo, "completedAt" | "runAttempt">, baseSeconds: number): Date | null {
  if (!job.completedAt || job.runAttempt <= 1) return null;
  return new Date(job.completedAt.getTime() + baseSeconds * 1000 * 2 ** (job.runAttempt - 2));
}
