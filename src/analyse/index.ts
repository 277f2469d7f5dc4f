// analyse: the use case for one head SHA and the stage contracts others plug into.
export { analyseCommit, type AnalyseDeps, type AnalysisResult, type CommitToAnalyse } from "./analyse-commit.js";
export type { AnalysisContext, AnalysisStages, WrittenReport } from "./stages.js";
export { defaultStages } from "./default-stages.js";
export { failClosed } from "./fail-closed.js";
export { collectJobs, toJobInfo, type CollectedJobs } from "./collect-jobs.js";
export { CHECK_RUN_NAME, type PreviousCheckRun } from "./previous-check-run.js";
export { escapeMarkdown, renderBasicReport, writeBasicReport } from "./write-basic-report.js";
export type * from "./types.js";
