// retry/: executes decide/'s re-run plan against GitHub and records every attempt.
export { executeRetryPlan, type ExecuteDeps, type RetryOutcomes } from "./execute-plan.js";
export { requestRerun, type RerunMethod, type RerunOutcome, type RerunTarget } from "./request-rerun.js";
export { recordRetry, type RetryRecord } from "./record-retry.js";
export { pendingReruns, REQUESTED_RERUN_FRESH_MS } from "./pending-reruns.js";
export { recordRetryOutcomes } from "./record-outcomes.js";
export { runStoredRetries, type StoredRetry, type StoredRetryDeps } from "./run-stored-retries.js";
export { onWorkflowRunCompleted, type CompletedRun } from "./on-workflow-run-completed.js";
export { clearPassingDeclarations } from "./clear-passing-declarations.js";
export { sweepRetries, type SweepDeps } from "./sweep.js";
export { startRetrySweep } from "./start-retry-sweep.js";
export { workflowRunHook } from "./workflow-run-hook.js";
