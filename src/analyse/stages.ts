// The collaborators of one analysis. Each stage has a small contract and a default, so that
// classification (issue 4), decisions and re-runs (issue 6) and the report (issue 5) plug in
// without touching the use case.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { LoadedConfig } from "../config/load.js";
import type { PreviousCheckRun } from "./previous-check-run.js";
import type { AnalysisReport, ClassifiedFailure, JobInfo } from "./types.js";

export interface AnalysisContext {
  octokit: ProbotOctokit;
  repo: AnalysisReport["repo"] & { installationId: number };
  sha: string;
  log: Logger;
  now: () => Date;
  /** The repo's configuration, loaded by stage (0) before anything else. */
  config?: LoadedConfig;
}

/** What writeReport wrote; stored in the CheckRun table and handed back next time as `previous`. */
export type WrittenReport = PreviousCheckRun;

export interface AnalysisStages {
  /** (0) The repo's `.github/sift.yml` (with org defaults): settings, compiled patterns, problems. */
  loadConfig(ctx: AnalysisContext): Promise<LoadedConfig>;
  /**
   * (2) One failed job → what its log says. Should not throw; if it does, the use case records the
   * job as genuine with the error as reason (fail closed).
   */
  classifyJob(job: JobInfo, ctx: AnalysisContext): Promise<ClassifiedFailure>;
  /** (3) The classified report → final classes, known problems, re-run states. Pure. */
  decide(report: AnalysisReport, ctx: AnalysisContext): AnalysisReport | Promise<AnalysisReport>;
  /**
   * (5) Writes the report as the `Sift` check run of the head SHA: updates `previous` when given,
   * creates one otherwise — never a second for the same SHA. May skip an unchanged update.
   */
  writeReport(octokit: ProbotOctokit, report: AnalysisReport, previous: PreviousCheckRun | null, ctx: AnalysisContext): Promise<WrittenReport>;
  /** (6) Asks GitHub to re-run what decide planned. */
  retry(octokit: ProbotOctokit, report: AnalysisReport, ctx: AnalysisContext): Promise<void>;
}
