// What every log provider returns. Failure is data, not an exception: the caller turns it into a
// genuine verdict with the reason shown (Sift fails closed), or schedules another try.

/** Where a log came from; never holds a signed storage URL (those carry credentials). */
export interface LogSource {
  provider: "actions-job" | "check-run" | "status";
  /** The API or target URL that was asked, for the report. */
  url: string;
  /** Bytes the provider sent in total (head included, when it was skipped). */
  totalBytes: number;
  /** The CI provider whose API gave the log (CircleCI, Jenkins…), for statuses. */
  ciProvider?: string;
  /** What the provider could not give (no steps, no re-runs), for the report. */
  notes?: string[];
}

export type LogFetchResult =
  | {
      ok: true;
      /** The log from its first whole line on, as the provider sent it (classified off the event loop). */
      bytes: Uint8Array;
      /** The same, decoded leniently (invalid UTF-8 → U+FFFD, NUL dropped): made on each read. */
      readonly text: string;
      truncatedHeadBytes: number;
      /** Lines in the skipped head: line N of `text` is line N + truncatedHeadLines of the whole log. */
      truncatedHeadLines: number;
      source: LogSource;
    }
  | { ok: false; reason: string; retryLater: boolean };

/** Default for config `log.max_bytes`: large enough for real monorepo logs. */
export const DEFAULT_MAX_LOG_BYTES = 64 * 1024 * 1024;

export function fetchFailure(reason: string, retryLater: boolean): LogFetchResult {
  return { ok: false, reason, retryLater };
}
