// One job's log bytes → its verdict: normalise, then classify. What a classify worker thread runs,
// and what this thread runs when no worker file is built.
import { classify, type CompiledPatternSet, type JobContext, type JobSignals, type Verdict } from "../classify/index.js";
import { failureTextOf, type FailureText } from "../keep/index.js";
import { normaliseLog } from "../logs/index.js";
import type { ApiStep } from "../logs/types.js";

/** The verdict, and the log's text kept for re-classification (when keepBytes > 0). */
export type KeptVerdict = Verdict & { kept?: FailureText };

export interface LogBytesJob {
  /** The log (the tail kept) as the provider sent it, decoded leniently there; transferred to the worker, unusable here afterwards. */
  bytes: Uint8Array;
  apiSteps?: ApiStep[] | undefined;
  truncatedHeadBytes: number;
  context: JobContext;
  signals: JobSignals;
  /** SIFT_KEEP_BYTES: the text kept of the normalised log (0 or absent: none). */
  keepBytes?: number | undefined;
}

export function classifyLogBytes(job: LogBytesJob, compiled: CompiledPatternSet): KeptVerdict {
  const log = normaliseLog(job.bytes, { ...(job.apiSteps ? { apiSteps: job.apiSteps } : {}), truncatedHeadBytes: job.truncatedHeadBytes });
  const verdict = classify({ log, compiled, context: job.context, signals: job.signals });
  return job.keepBytes ? { ...verdict, kept: failureTextOf(log, job.keepBytes) } : verdict;
}
