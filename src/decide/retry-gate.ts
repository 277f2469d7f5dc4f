// The brakes on one flaky job's automatic re-run, in order: provider, policy, pattern (and its demotion), workflow,
// attempt cap, outage hold. Budget and run grouping come after, in plan-retries.ts.
import type { ClassifiedFailure, JobInfo, RetryPolicy, RetryState } from "../model/index.js";
import { globMatcher, globProblem } from "./glob.js";
import type { Demotion } from "./demotion.js";
import { outageNote, type Outage } from "./outages.js";

export type { RetryPolicy };

/** Retry rows Sift already wrote for this SHA's failed attempts. */
export interface PreviousRetry {
  jobId: number;
  status: string; // requesting, requested, waiting, held, failed
  reason: string | null;
  /** When the newest row was written. */
  at?: Date;
  /** Automatic re-runs requested for this job so far (statuses count their attempts this way). */
  requestedCount?: number;
}

export type Gate = { go: false; state: RetryState; reason: string } | { go: true; maxAttempts: number };

export function retryGate(
  job: JobInfo,
  failure: ClassifiedFailure,
  policy: RetryPolicy,
  outages: readonly Outage[],
  previous: PreviousRetry | undefined,
  demoted?: ReadonlyMap<string, Demotion>,
): Gate {
  if (previous?.status === "requested" && !rerunConcluded(job, previous)) return { go: false, state: "requested", reason: "re-run requested" };
  // Asked of GitHub by an analysis that did not see the answer: the sweep checks GitHub, never a second request.
  if (previous?.status === "requesting") return { go: false, state: "requested", reason: "re-run requested (checking GitHub's answer)" };
  if (previous?.status === "failed") {
    const who = failure.providerRerun?.provider ?? "GitHub";
    return { go: false, state: "not-retryable", reason: `${who} refused the re-run: ${previous.reason ?? "unknown error"}` };
  }
  if (job.provider === "status" && !failure.providerRerun) return { go: false, state: "not-retryable", reason: "commit statuses cannot be re-run through GitHub" };
  if (failure.providerRerun && !failure.providerRerun.possible) return { go: false, state: "not-retryable", reason: failure.providerRerun.reason };
  if (!policy.enabled) return { go: false, state: "excluded", reason: "automatic re-runs are off (retry.enabled: false)" };
  if (failure.retry?.enabled === false) return { go: false, state: "excluded", reason: `pattern ${failure.patternId ?? "(none)"} does not allow re-runs` };
  const demotion = failure.patternId === null ? undefined : demoted?.get(failure.patternId);
  if (demotion) return { go: false, state: "excluded", reason: demotion.reason };
  // Fail closed: one unusable glob must not lift the brake on deploy and release workflows.
  const unusable = policy.exclude_workflows.map((g) => ({ g, why: globProblem(g) })).find((x) => x.why);
  if (unusable) return { go: false, state: "excluded", reason: `retry.exclude_workflows: "${unusable.g}" cannot be used (${unusable.why}); no automatic re-run until it is fixed` };
  if (job.workflowName && globMatcher(policy.exclude_workflows)?.(job.workflowName)) {
    return { go: false, state: "excluded", reason: `workflow "${job.workflowName}" is never re-run automatically (retry.exclude_workflows)` };
  }
  const maxAttempts = failure.retry?.maxAttempts ?? policy.max_attempts;
  const attempt = attemptOf(job, previous);
  if (attempt >= maxAttempts) return { go: false, state: "exhausted", reason: `attempt ${attempt} of ${maxAttempts}: no more re-runs` };
  const outage = outages.find((o) => o.cause === failure.patternId);
  if (outage) return { go: false, state: "held", reason: outageNote(outage) };
  return { go: true, maxAttempts };
}

/**
 * Which attempt of the job failed. A commit status keeps one row whatever the provider re-runs (its
 * context is the job), so its attempt is 1 + the re-runs Sift asked for.
 */
export function attemptOf(job: JobInfo, previous: PreviousRetry | undefined): number {
  return job.provider === "status" ? 1 + (previous?.requestedCount ?? 0) : job.runAttempt;
}

/** A status re-run through its provider has concluded once the status completed again after the request. */
function rerunConcluded(job: JobInfo, previous: PreviousRetry): boolean {
  return job.provider === "status" && previous.at !== undefined && job.completedAt !== null && job.completedAt > previous.at;
}

/**
 * When the next automatic re-run of a job may go out. The first re-run goes as soon as GitHub allows
 * it (its run has completed): a lost runner is the usual cause and waiting helps nobody. From the
 * second re-run on, exponential backoff after the failed attempt: base, 2×base, 4×base…
 */
export function backoffUntil(job: Pick<JobInfo, "completedAt" | "runAttempt">, baseSeconds: number, attempt = job.runAttempt): Date | null {
  if (!job.completedAt || attempt <= 1) return null;
  return new Date(job.completedAt.getTime() + baseSeconds * 1000 * 2 ** (attempt - 2));
}
