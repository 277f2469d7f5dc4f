// One job's log bytes → its verdict: normalise, then classify. What a classify worker thread runs,
// and what this thread runs when no worker file is built.
import { classify, type CompiledPatternSet, type JobContext, type JobSignals, type Verdict } from "../classify/index.js";
import { normaliseLog } from "../logs/index.js";
import type { ApiStep } from "../logs/types.js";

export interface LogBytesJob {
  /** UTF-8 text of the log (the tail kept); transferred to the worker, unusable here afterwards. */
  bytes: Uint8Array;
  apiSteps?: ApiStep[] | undefined;
  truncatedHeadBytes: number;
  context: JobContext;
  signals: JobSignals;
}

export function classifyLogBytes(job: LogBytesJob, compiled: CompiledPatternSet): Verdict {
  const log = normaliseLog(job.bytes, { ...(job.apiSteps ? { apiSteps: job.apiSteps } : {}), truncatedHeadBytes: job.truncatedHeadBytes });
  return classify({ log, compiled, context: job.context, signals: job.signals });
}
