// backfill: what webhooks missed (lost before GitHub recorded a delivery, or older than the delivery
// log), found by comparing recent runs, check runs and statuses with Sift's rows; conditional requests.
export { startBackfill, type BackfillOptions } from "./start-backfill.js";
export { backfillRepository } from "./backfill-repository.js";
export { claimBackfill, finishBackfill } from "./backfill-lease.js";
export { conditionalGet } from "./conditional-get.js";
export { EtagCache } from "./etag-cache.js";
export { DEFAULT_LIMITS, type BackfillLimits, type BackfillRepository, type BackfillRound } from "./backfill-context.js";
