// model/: the ground floor. Verdict, job and report types, stage contracts, and the one definition of
// each domain word ("failed", "same job", "kind", the check run). Imports nothing of ours.
export type { Provider, JobInfo, AttemptInfo } from "./job.js";
export type { VerdictClass, ClassifiedFailure, KnownProblem, RetryState, Confidence, EvidenceSentence } from "./verdict.js";
export type { JobReport, AnalysisReport, RetryAction } from "./report.js";
export type { ConfigProblem } from "./config-problem.js";
export type { FailureText } from "./failure-text.js";
export type { AnalysisConfig, AnalysisScope, AnalysisContext, AnalysisStages } from "./stages.js";
export type { Metrics, CounterOf, HistogramLike } from "./metrics.js";
export { FAILED_CONCLUSIONS, isFailedConclusion } from "./failed-conclusion.js";
export { sameJobKey, groupAttempts, latestAttempts, attemptsOf, type AttemptFields } from "./same-job.js";
export { failureKind, FAILURE_KINDS, type FailureKind, type KindFields } from "./failure-kind.js";
export { AnalysisStopped, failClosed } from "./fail-closed.js";
export { CHECK_RUN_NAME, checkRunState, requiredWaitOver, waitsFor, type CheckRunInput, type CheckRunState, type CheckRunRecord, type CheckRunStatus, type CheckRunConclusion } from "./check-run.js";
export {
  configSchema,
  patternSchema,
  MAX_PATTERNS,
  MAX_STATISTICS,
  MAX_LOG_BYTES,
  statisticSchema,
  type Statistic,
  type StatisticInput,
  retryPolicySchema,
  type Pattern,
  type PatternInput,
  type SiftConfig,
  type SiftConfigInput,
  type RetryPolicy,
  type PatternOrigin,
  type SourcedPattern,
} from "./config-schema.js";
export type { StatisticReading } from "./statistic-reading.js";
