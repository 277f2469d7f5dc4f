// What Sift concluded about one failed job: the classifier's verdict, and why a failure is known.
import type { FailureText } from "./failure-text.js";
import type { StatisticReading } from "./statistic-reading.js";

export type VerdictClass = "flaky" | "known-problem" | "genuine";

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
  /** Hash of the effective pattern set the verdict was made with (classify/compile.ts: patternSetHash). */
  patternSetHash?: string;
  /** The log's text to keep for re-classification (absent when there was no log). */
  kept?: FailureText;
  /** Statuses of a CI provider Sift knows (CircleCI, Jenkins…): whether Sift can re-run through it, and why not. */
  providerRerun?: { provider: string; possible: boolean; reason: string };
  /** Patterns in `mode: observe` that matched this log: counted, never part of the verdict. */
  observed?: string[];
  /** Genuine failures: the failing tests the failing step names (ids as the runner prints them). */
  tests?: { id: string; file?: string }[];
  /** Values of the repository's `statistics:` read from this log (classify/extract-statistics.ts). */
  statistics?: StatisticReading[];
  /** Genuine failures: tests of the failing step its runner re-tried until they passed. */
  flakyReports?: { id: string; file?: string; how: string }[];
}

/** How sure Sift is of a final class; defined in src/decide/confidence.ts. */
export type Confidence = "high" | "medium" | "low";

/** A human sentence for the report, with the links that back it (jobs, pull requests, issues). */
export interface EvidenceSentence {
  text: string;
  links: { label: string; url: string }[];
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
