// The shapes the log stage hands to classification and reporting.
import type { LogFormat } from "./line-prefix.js";

/** A step as the jobs API lists it (`GET …/actions/jobs/{id}` → steps[]). */
export interface ApiStep {
  name: string;
  number: number;
  status?: string;
  conclusion: string | null;
  started_at?: string | null;
  completed_at?: string | null;
}

/** A step of the log: lines startLine..endLine (1-based, inclusive) of the normalised text. */
export interface LogStep {
  name: string;
  number?: number;
  startLine: number;
  endLine: number;
  /** Post-job cleanup, "Post …" and "Complete job" steps: never the failing step. */
  post: boolean;
  conclusion?: string | null;
  /** Timestamp of the step's first line in the raw log, when the format has one. */
  startedAt?: string;
  completedAt?: string | null;
}

export interface NormalisedLog {
  /** Cleaned text: no ANSI, timestamps, BOM, CR or NUL; line N here is line N of the raw log. */
  text: string;
  format: LogFormat;
  lineCount: number;
  steps: LogStep[];
  failingStep?: LogStep;
  /** Why failingStep was chosen (or why there is none): shown in reports. */
  failingStepReason: string;
  /** Bytes of the log's head skipped by the size cap (0 = whole log), passed through from retrieval. */
  truncatedHeadBytes: number;
  /** Line number (1-based) of a character offset in `text`. */
  lineAt(offset: number): number;
  /** Character offset in `text` where line `n` (1-based) starts. */
  lineStart(n: number): number;
  /** The text of line `n` (1-based), without its newline; "" when out of range. */
  line(n: number): string;
  /** Lines from..to (1-based, inclusive, clamped) joined with "\n". */
  slice(from: number, to: number): string;
}

/** Where a step boundary or an error marker sits; found in the raw text, before prefixes go. */
export interface StepMarker {
  line: number;
  kind: "run" | "post" | "complete" | "error" | "exit-code" | "section-start" | "section-end";
  name: string;
  /** The line's timestamp, when the format has one. */
  at?: string;
}
