// The data that flows through one analysis of a head SHA:
// collect → fetch logs → classify → decide → report → retry.
// Plain data only, so that decide/ and report/ stay pure.

export type VerdictClass = "flaky" | "known-problem" | "genuine";

/** A job as the analysis sees it (from the `Job` table). */
export interface JobInfo {
  id: number; // Sift's row id
  provider: "actions" | "check_run" | "status";
  externalId: string; // Actions job id, check run id, status context
  name: string;
  workflowName: string | null;
  runId: string | null; // bigint as string
  runAttempt: number;
  conclusion: string | null;
  htmlUrl: string | null;
  headSha: string;
  headBranch: string | null;
  prNumbers: number[];
  startedAt: Date | null;
  completedAt: Date | null;
  /** Actions: the steps the jobs API reported (name, number, conclusion, times). */
  steps?: unknown[] | null;
  /** Actions: the runner that took the job; null when none ever did. */
  runnerName?: string | null;
  /** Statuses: the target_url; check runs: the details_url. */
  logUrl?: string | null;
  /** Check runs: the app that wrote it (circleci-checks…), to find its CI provider. */
  appSlug?: string | null;
}

/** What the classifier said about one failed job's log. */
export interface ClassifiedFailure {
  class: VerdictClass;
  patternId: string | null;
  category: string | null;
  /** The cause in words: the pattern's description, or why Sift fell back to genuine. */
  reason: string;
  line: number | null;
  excerpt: string | null;
  matchedText: string | null;
  signature: string | null;
  /** Whether the pattern allows automatic re-runs, and up to which attempt. */
  retry: { enabled: boolean; maxAttempts?: number | undefined } | null;
  issue: string | null;
  /** The failing step's name, when known. */
  step: string | null;
  /** Notes for the report: "the first 12 MB of the log were skipped", "log expired". */
  notes: string[];
  /** The log could not be had yet (not uploaded, a 5xx): worth analysing again a little later. */
  logRetryLater?: boolean;
  /** Statuses of a CI provider Sift knows (CircleCI, Jenkins…): whether Sift can re-run through it, and why not. */
  providerRerun?: { provider: string; possible: boolean; reason: string };
}

/** Why a failure counts as a known problem. */
export interface KnownProblem {
  source: "pattern" | "declaration" | "trunk" | "issue";
  description: string;
  url: string | null;
  declaredBy: string | null;
  /** For broken trunk: the base-branch commit where the same failure was first seen. */
  since: { sha: string; at: Date } | null;
}

export type RetryState =
  | "requested" // Sift asked GitHub to re-run it
  | "waiting" // will re-run once its workflow run completes / backoff ends
  | "held" // an outage of this cause: re-run when it ends
  | "paused" // the repository's hourly budget is spent
  | "exhausted" // run_attempt reached retry.max_attempts
  | "excluded" // workflow excluded (deploy, release, publish) or pattern says no
  | "not-retryable"; // cannot be re-run (commit statuses without a provider Sift may call)

export interface AttemptInfo {
  attempt: number;
  conclusion: string | null;
  htmlUrl: string | null;
}

export interface JobReport {
  job: JobInfo;
  failure: ClassifiedFailure;
  /** The final class after decide/ (known-problem may upgrade a flaky or genuine one). */
  finalClass: VerdictClass;
  knownProblem: KnownProblem | null;
  retry: { state: RetryState; reason: string } | null;
  attempts: AttemptInfo[];
}

export interface ConfigProblem {
  file: string; // e.g. ".github/sift.yml"
  path: string; // e.g. "patterns[3].regex"
  message: string;
}

export interface AnalysisReport {
  repo: { id: string; owner: string; name: string; private: boolean };
  sha: string;
  prNumbers: number[];
  /** Jobs of this SHA that have not finished yet: the check run stays in_progress. */
  pendingJobs: number;
  jobs: JobReport[];
  configProblems: ConfigProblem[];
  /** Report-wide notes: "retries paused: 25 flaky failures in the last hour", outages. */
  notes: string[];
  detailsUrl: string;
  /** What decide/ wants re-run; src/retry executes it after the report is written. */
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
