// history/: the database reads the analysis and decide/ need: a SHA's jobs, trunk, declarations,
// known-problem issues, re-run brakes, and failures counted by kind.
export { collectJobs, toJobInfo, type CollectedJobs } from "./collect-jobs.js";
export { loadHistory, type HistoryQuery } from "./load-history.js";
export { loadTrunk, type TrunkQuery } from "./load-trunk.js";
export { loadRetryContext, type RetryContextQuery } from "./load-retry-context.js";
export { countFailuresByKind } from "./count-failures-by-kind.js";
export { loadOutages, type OutageQuery } from "./load-outages.js";
export { loadFlakyEvidence, loadFlakyEvidenceOf, type FlakyEvidenceQuery } from "./load-flaky-evidence.js";
export { loadChangedFiles, type ChangedFilesQuery } from "./load-changed-files.js";
export { loadPatternStats, type PatternStatsQuery, type PatternStatsRow } from "./load-pattern-stats.js";
export { loadDemotions, DEMOTE_WINDOW_DAYS } from "./load-demotions.js";
