// rollup/: the causes rollup (JobCause, DailyCause, OrgDailyCause) kept as verdicts are written, and rebuilt for old ones.
export { syncJobCauses } from "./sync-job-causes.js";
export { backfillCauses, rebuildCauses } from "./backfill-causes.js";
export { startCauseBackfill } from "./start-cause-backfill.js";
export { jobCauseRows, attemptSeconds, utcDay, type ClassifiedJob, type JobCauseRow } from "./job-cause-rows.js";
export { REBUILD_CAUSE_SERIES } from "./refresh-cause-series.js";
export { REBUILD_ORG_CAUSES } from "./refresh-org-causes.js";
