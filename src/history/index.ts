// history/: reads what decide/ needs from the database (trunk, declarations, known-problem issues,
// re-run brakes) and provides the analysis's `decide` stage.
export { createDecideStage, type DecideStageDeps } from "./decide-stage.js";
export { loadHistory, type HistoryQuery } from "./load-history.js";
export { loadTrunk, type TrunkQuery } from "./load-trunk.js";
export { loadRetryContext, type RetryContextQuery } from "./load-retry-context.js";
export { countFailuresByKind } from "./count-failures-by-kind.js";
export { loadOutages, type OutageQuery } from "./load-outages.js";
