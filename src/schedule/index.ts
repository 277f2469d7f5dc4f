// schedule: when a head SHA is due, who analyses it, and recovery of missed deliveries.
export { HEARTBEAT_SECONDS, LEASE_SECONDS, STOP_GRACE_MS, type Timing } from "./timing.js";
export { failureUpsert, scheduleFailure, type FailureAt } from "./schedule-failure.js";
export { refreshUpdate, scheduleRefresh, type RefreshAt } from "./schedule-refresh.js";
export { claimDue, type ClaimedCommit } from "./claim.js";
export { finishAnalysis, releaseForRetry, renewLease, scheduleRecheck } from "./finish.js";
export { startWorker, type Worker, type WorkerOptions } from "./worker.js";
export { redeliverFailed } from "./redeliver-failed.js";
export { startReconcile } from "./start-reconcile.js";
export { makeDueNow } from "./make-due-now.js";
export { scheduleRequired } from "./schedule-required.js";
