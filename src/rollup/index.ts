// rollup/: the causes rollup (JobCause, DailyCause, CauseFirstSeen, OrgDailyCause) and the health pages' default-branch
// days (MainBranchDay), kept as verdicts are written, and built for old ones; the durations rollup
// (DailyDuration) summed for days that are over, stale days read live.
export { syncJobCauses } from "./sync-job-causes.js";
export { backfillCauses, rebuildCauses } from "./backfill-causes.js";
export { startCauseBackfill } from "./start-cause-backfill.js";
export { jobCauseRows, attemptSeconds, utcDay, type ClassifiedJob, type JobCauseRow } from "./job-cause-rows.js";
export { REBUILD_CAUSE_SERIES } from "./refresh-cause-series.js";
export { REBUILD_ORG_CAUSES } from "./refresh-org-causes.js";
export { REBUILD_FIRST_SEEN, refreshFirstSeen, type CauseOfRepository } from "./refresh-first-seen.js";
export { mainDayRows, type MainDayKey, type MainDayPoint, type MainDayRow } from "./main-day-rows.js";
export { refreshMainDaysOfJobs } from "./refresh-main-days.js";
export { fillMainDays, startMainDayFill, endedDays, MAIN_DAYS_KEPT } from "./fill-main-days.js";
export { settleDurations } from "./settle-durations.js";
export { readDailyDurations, type DayDuration } from "./read-daily-durations.js";
export { startDurationRollup } from "./start-duration-rollup.js";
export { moveRepository, type MoveOutcome, type RepositoryMove } from "./move-repository.js";
