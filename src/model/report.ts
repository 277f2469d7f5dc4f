// The data that flows through one analysis of a head SHA: collect → classify → decide → retry →
// report. Plain data only, so that decide/ and report/ stay pure.
import type { ConfigProblem } from "./config-problem.js";
import type { AttemptInfo, JobInfo } from "./job.js";
import type { ClassifiedFailure, Confidence, EvidenceSentence, KnownProblem, RetryState, VerdictClass } from "./verdict.js";

export interface JobReport {
  job: JobInfo;
  failure: ClassifiedFailure;
  /** The final class after decide/ (known-problem may upgrade a flaky or genuine one). */
  finalClass: VerdictClass;
  knownProblem: KnownProblem | null;
  retry: { state: RetryState; reason: string } | null;
  attempts: AttemptInfo[];
  /** Set by decide/: how sure Sift is of finalClass. */
  confidence?: Confidence;
  /** Set by decide/: flaky-test evidence for or against this failure, as sentences with links. */
  evidence?: EvidenceSentence[];
}

export interface AnalysisReport {
  repo: { id: string; owner: string; name: string; private: boolean };
  sha: string;
  prNumbers: number[];
  /** Jobs of this SHA that have not finished yet: the check run stays in_progress. */
  pendingJobs: number;
  /** Every job of this SHA Sift knows of, in any state. */
  knownJobs?: number | undefined;
  /** The check must conclude even without a failure (merge group; PR head with SIFT_REQUIRED_CHECK): model/check-run.ts. */
  required?: boolean | undefined;
  /** SIFT_REQUIRED_TIMEOUT_MINUTES passed while the check run waited: what it waits for counts as failed. */
  timedOut?: boolean | undefined;
  jobs: JobReport[];
  configProblems: ConfigProblem[];
  /** Report-wide notes: "retries paused: 25 flaky failures in the last hour", outages. */
  notes: string[];
  detailsUrl: string;
  /** What decide/ wants re-run; the retry stage executes it before the report is written. */
  retryPlan?: RetryAction[] | undefined;
}

/** One intended re-run (decide/ plans, src/retry executes). */
export interface RetryAction {
  method: "job" | "failed_jobs" | "rerequest" | "provider";
  /** Sift job ids of the failed attempts this action re-runs. */
  jobIds: number[];
  runId: string | null;
  /** The Actions job id or check run id of the first job. */
  externalId: string;
  /** now; after-run: once its workflow run completes; after-backoff: at notBefore; after-outage: when it ends. */
  when: "now" | "after-run" | "after-backoff" | "after-outage";
  notBefore: Date | null;
  cause: string | null;
  reason: string;
}
