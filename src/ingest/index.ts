// ingest: webhook payloads → Installation, Repository, Job and HeadCommit rows, idempotently.
export { createIngest, type Ingest, type IngestDeps } from "./create-ingest.js";
export type { Delivery, Outcome } from "./accept-delivery.js";
export { isFailure, type JobRecord, type Provider } from "./job-record.js";
export { jobFromCheckRun, jobFromStatus, jobFromWorkflowJob } from "./job-from-payload.js";
export { upsertJob } from "./upsert-job.js";
export { upsertRepository } from "./upsert-repository.js";
export * as payloads from "./schemas.js";
export { storeBackfilledJob } from "./store-backfilled-job.js";
export { upsertHeadCommit } from "./upsert-head-commit.js";
export { isMergeQueueBranch, parseMergeGroupRef } from "./merge-group-ref.js";
export { EJECTION_CAUSES, type EjectionCause } from "./record-ejection.js";
