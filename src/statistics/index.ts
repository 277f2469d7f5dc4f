// statistics/: custom statistics' storage — values per job run, the queue of successful jobs' logs
// to read (with the hourly budget), and the aggregations pages and /metrics read.
export { saveStatisticValues, type JobReadings } from "./save-statistic-values.js";
export {
  claimStatisticLogs,
  deferStatisticLog,
  enqueueStatisticLog,
  finishStatisticLog,
  logsReadLastHour,
  purgeStatisticLogs,
  type ClaimedStatisticLog,
  type StatisticLogOutcome,
  type SucceededJob,
} from "./statistic-log-queue.js";
export { loadStatistics, MAX_SERIES, STATISTIC_WINDOWS, windowStart, type RepoStatistics, type StatisticDay, type StatisticSeries, type StatisticWindow } from "./load-statistics.js";
export { lastStatisticValues, MAX_METRIC_SERIES, type LastStatisticValue } from "./last-statistic-values.js";
