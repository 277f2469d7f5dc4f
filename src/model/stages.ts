// The contracts of one analysis's stages. The use case (analyse/) calls them in order; each stage is a
// small function with a real implementation in analyse/ and stand-ins in test/.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { CheckRunRecord } from "./check-run.js";
import type { ConfigProblem } from "./config-problem.js";
import type { SiftConfig } from "./config-schema.js";
import type { JobInfo } from "./job.js";
import type { AnalysisReport } from "./report.js";
import type { ClassifiedFailure } from "./verdict.js";

/**
 * The repository's configuration for one analysis. `Compiled` is classify/'s compiled pattern set
 * (config/ builds it); the model does not know its shape, so that it imports nothing of ours.
 */
export interface AnalysisConfig<Compiled = unknown> {
  settings: SiftConfig;
  compiled: Compiled;
  problems: ConfigProblem[];
}

/** What every stage may read about the analysis before the configuration is loaded. */
export interface AnalysisScope {
  octokit: ProbotOctokit;
  repo: AnalysisReport["repo"] & { installationId: number };
  sha: string;
  log: Logger;
  now: () => Date;
}

export interface AnalysisContext<Compiled = unknown> extends AnalysisScope {
  /** Loaded once, first, by `loadConfig`: no stage loads it again. */
  config: AnalysisConfig<Compiled>;
}

export interface AnalysisStages<Compiled = unknown> {
  /** (0) The repo's `.github/sift.yml` (with org defaults): settings, compiled patterns, problems. */
  loadConfig(scope: AnalysisScope): Promise<AnalysisConfig<Compiled>>;
  /**
   * (2) One failed job → what its log says. Should not throw; if it does, the use case records the
   * job as genuine with the error as reason (fail closed).
   */
  classifyJob(job: JobInfo, ctx: AnalysisContext<Compiled>): Promise<ClassifiedFailure>;
  /** (3) The classified report → final classes, known problems, re-run plan. */
  decide(report: AnalysisReport, ctx: AnalysisContext<Compiled>): AnalysisReport | Promise<AnalysisReport>;
  /** (4) Asks GitHub for the re-runs decide planned; returns the report with their outcome. */
  retry(octokit: ProbotOctokit, report: AnalysisReport, ctx: AnalysisContext<Compiled>): Promise<AnalysisReport>;
  /**
   * (5) Writes the report as the `Sift` check run of the head SHA: updates `previous` when it has an
   * id, creates one otherwise — never a second for the same SHA. May skip an unchanged update.
   */
  writeReport(octokit: ProbotOctokit, report: AnalysisReport, previous: CheckRunRecord | null, ctx: AnalysisContext<Compiled>): Promise<CheckRunRecord>;
  /**
   * (6) Optional: queues the notifications this analysis found (the default branch turned red, an
   * outage, a new recurring cause) for the operator's Slack webhook. Absent when none is configured.
   */
  notify?(report: AnalysisReport, ctx: AnalysisContext<Compiled>): Promise<void>;
}
