// rollup/: the causes rollup (JobCause, DailyCause) kept as verdicts are written, and rebuilt for old ones;
// the durations rollup (DailyDuration) summed for days that are over, stale days read live.
export { syncJobCauses } from "./sync-job-causes.js";
export { backfillCauses, rebuildCauses } from "./backfill-causes.js";
export { startCauseBackfill } from "./start-cause-backfill.js";
export { jobCauseRows, attemptSeconds, utcDay, type ClassifiedJob, type JobCauseRow } from "./job-cause-rows.js";
export { settleDurations } from "./settle-durations.js";
export { readDailyDurations, type DayDuration } from "./read-daily-durations.js";
export { startDurationRollup } from "./start-duration-rollup.js";
