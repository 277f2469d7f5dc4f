// One job's log bytes → its verdict: normalise, then classify. What a classify worker thread runs,
// and what this thread runs when no worker file is built.
import { classify, extractStatistics, type CompiledPatternSet, type JobContext, type JobSignals, type Verdict } from "../classify/index.js";
import type { Statistic, StatisticReading } from "../model/index.js";
import { failureTextOf, type FailureText } from "../keep/index.js";
import { normaliseLog } from "../logs/index.js";
import type { ApiStep } from "../logs/types.js";

/** The verdict, the log's text kept for re-classification (when keepBytes > 0) and the statistics read. */
export type KeptVerdict = Verdict & { kept?: FailureText; statistics?: StatisticReading[] };

export interface LogBytesJob {
  /** The log (the tail kept) as the provider sent it, decoded leniently there; transferred to the worker, unusable here afterwards. */
  bytes: Uint8Array;
  apiSteps?: ApiStep[] | undefined;
  truncatedHeadBytes: number;
  context: JobContext;
  signals: JobSignals;
  /** SIFT_KEEP_BYTES: the text kept of the normalised log (0 or absent: none). */
  keepBytes?: number | undefined;
  /** The repository's statistics that take this job: read from the same normalised text. */
  statistics?: Pick<Statistic, "id" | "regex">[] | undefined;
}

export function classifyLogBytes(job: LogBytesJob, compiled: CompiledPatternSet): KeptVerdict {
  const log = normaliseLog(job.bytes, { ...(job.apiSteps ? { apiSteps: job.apiSteps } : {}), truncatedHeadBytes: job.truncatedHeadBytes });
  const verdict = classify({ log, compiled, context: job.context, signals: job.signals });
  const statistics = job.statistics?.length ? { statistics: readSafely(log.text, job.statistics) } : {};
  return { ...verdict, ...(job.keepBytes ? { kept: failureTextOf(log, job.keepBytes) } : {}), ...statistics };
}

/** Statistics never cost a verdict: one that cannot be read (a regex RE2 refuses here) gives no value. */
function readSafely(text: string, statistics: readonly Pick<Statistic, "id" | "regex">[]): StatisticReading[] {
  try {
    return extractStatistics(text, statistics);
  } catch {
    return statistics.flatMap((s) => {
      try {
        return extractStatistics(text, [s]);
      } catch {
        return [];
      }
    });
  }
}

/** A successful job's log bytes → only its statistics (no verdict): what the statistics worker asks. */
export function statisticsOfLogBytes(job: Pick<LogBytesJob, "bytes" | "apiSteps" | "truncatedHeadBytes" | "statistics">): StatisticReading[] {
  if (!job.statistics?.length) return [];
  const log = normaliseLog(job.bytes, { ...(job.apiSteps ? { apiSteps: job.apiSteps } : {}), truncatedHeadBytes: job.truncatedHeadBytes });
  return readSafely(log.text, job.statistics);
}
