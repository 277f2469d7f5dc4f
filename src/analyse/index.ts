// analyse/: the top floor. The use case for one head SHA, its real stages, and the worker that runs
// it. Only the app wiring (src/index.ts) imports this folder.
export { analyseCommit, type AnalyseDeps, type AnalysisResult, type CommitToAnalyse } from "./analyse-commit.js";
export { createStages, type StageDeps } from "./create-stages.js";
export { createClassifyPool, type ClassifyPool } from "./classify-pool.js";
export { createClassifyStage, type ClassifyStageDeps } from "./classify-job.js";
export { createDecideStage, type DecideStageDeps } from "./decide-stage.js";
export { createRetryStage } from "./retry-stage.js";
export { findCheckRunRecord, saveCheckRunRecord } from "./check-run-record.js";
export { startAnalysisWorker, type AnalysisWorkerDeps } from "./start-analysis-worker.js";
export { startStatisticsWorker, statisticsRound, type StatisticsWorkerDeps } from "./start-statistics-worker.js";
export { DEFAULT_STATISTICS_LOGS_PER_HOUR, readJobStatistics } from "./read-job-statistics.js";
export { createConfigCache, type ConfigCache } from "./config-cache.js";
export { reanalyseCommit, NOT_RETROACTIVE } from "./reanalyse-commit.js";
export { createStoredClassifyStage } from "./classify-stored-job.js";
