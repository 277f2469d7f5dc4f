// keep/: the failing step's text of each failed job, kept SIFT_KEEP_DAYS for re-classification and backtests;
// and the history itself (jobs, commits, the rollups' days), kept SIFT_HISTORY_DAYS.
export { DEFAULT_KEEP_BYTES, failureTextOf, type FailureText } from "./failure-text.js";
export { KEEP_ENCODING, packText, unpackText } from "./pack.js";
export { saveFailureText } from "./save-failure-text.js";
export { failureTextFromRow } from "./load-failure-text.js";
export { purgeFailureTexts } from "./purge-failure-texts.js";
export { startKeepPurge, type KeepPurgeDeps } from "./start-keep-purge.js";
export { sampleFailureLines } from "./sample-lines.js";
export { scanFailureTexts, type ScanBudget, type ScannedFailure, type ScanResult } from "./scan-failure-texts.js";
export { historyCutoff, purgeHistory, type HistoryPurge, type HistoryPurgeOptions } from "./purge-history.js";
export { startHistoryPurge, type HistoryPurgeDeps } from "./start-history-purge.js";
