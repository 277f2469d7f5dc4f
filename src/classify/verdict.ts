// What classification hands to decide/report: one verdict per failed job.
import type { ConfigProblem, PatternOrigin, VerdictClass } from "../model/index.js";

export type { VerdictClass };

export interface RetryPolicy {
  enabled: boolean;
  /** Attempt cap of the pattern; undefined = the repo's retry.max_attempts. */
  maxAttempts?: number;
}

export interface Verdict {
  class: VerdictClass;
  /** Pattern id, or a "sift.signal.*" / "sift.genuine.*" id for verdicts Sift derives itself. */
  patternId: string;
  category: string;
  /** The cause as shown in the report. */
  description: string;
  /** Why this verdict (e.g. why the failure counts as genuine). */
  reason: string;
  /** 1-based line in the normalised text (= the raw log's line); null when there is no line. */
  line: number | null;
  excerpt: string;
  matchedText: string;
  /** Normalised failure signature: numbers, hashes, temp paths, timestamps, durations folded. */
  signature: string;
  retry: RetryPolicy;
  issue?: string;
  origin?: PatternOrigin;
  /** The failing step the verdict looked at, and why it is that step. */
  step?: string;
  stepReason?: string;
  truncatedHeadBytes: number;
  patternSetHash: string;
  /** Patterns in `mode: observe` whose match counts (they changed nothing in this verdict). */
  observed?: string[];
  /** Config problems (bad patterns were skipped); shown in the report. */
  problems: ConfigProblem[];
  /** Genuine verdicts: the failing tests the failing step names (runner-specific ids; see failing-tests.ts). */
  tests?: { id: string; file?: string }[];
  /** Genuine verdicts: tests of the failing step its runner re-tried until they passed (runner-flaky-reports.ts). */
  flakyReports?: { id: string; file?: string; how: string }[];
}

/** Facts about the job that do not come from its log text. */
export interface JobSignals {
  /** The log could not be had (404/410/unreadable): the reason to show. */
  logMissing?: string;
  /** The job was never picked up by a runner (no runner assigned, no steps ran). */
  neverStarted?: boolean;
  /** The job's conclusion as the API reports it. */
  conclusion?: string | null;
}

/** What a pattern can be narrowed to. Unknown values never match a narrowed pattern. */
export interface JobContext {
  jobName?: string;
  workflowName?: string;
  branch?: string;
}
