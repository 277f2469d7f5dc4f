// What is kept of a failed job's log for re-classification and backtests (src/keep makes and stores it).
export interface FailureText {
  /** Normalised lines, "\n"-joined: the whole log when it fits in SIFT_KEEP_BYTES, else the failing step's tail. */
  text: string;
  /** Line number, in the whole log, of the first kept line (line numbers of verdicts stay true). */
  firstLine: number;
  /** The failing step's first and last lines, in the whole log (1 and lineCount when no step is known). */
  stepStart: number;
  stepEnd: number;
  /** Lines of the whole log. */
  lineCount: number;
  /** The log's line-prefix format (logs/linePrefix.ts: github, gh-cli, plain…). */
  format: string;
  /** The failing step and why it was chosen; null stepName: no step was known. */
  stepName: string | null;
  stepReason: string;
  /** UTF-8 bytes of the failing step before its head was cut to the limit. */
  fullBytes: number;
  /** Bytes of the log's head that retrieval already skipped (log.max_bytes). */
  truncatedHeadBytes: number;
}
