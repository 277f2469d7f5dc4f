// The use case for one claimed head SHA: collect → classify → decide → persist → report → retry.
// Every collaborator is passed in; stages default to the stand-ins in default-stages.ts.
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Metrics } from "../web/metrics.js";
import { collectJobs } from "./collect-jobs.js";
import { defaultStages } from "./default-stages.js";
import { findPreviousCheckRun, savePreviousCheckRun } from "./previous-check-run.js";
import { saveClassifications } from "./save-classifications.js";
import type { AnalysisContext, AnalysisStages } from "./stages.js";
import type { AnalysisReport, ClassifiedFailure, JobInfo, JobReport } from "./types.js";
import { failClosed } from "./fail-closed.js";
import { detailsUrl } from "../web/urls.js";
import { logRecheck } from "./log-recheck.js";

export interface AnalyseDeps {
  prisma: PrismaClient;
  octokit: ProbotOctokit;
  log: Logger;
  now: () => Date;
  metrics?: Metrics;
  /** Sift's App id: finds a check run written before a crash. */
  appId?: number | undefined;
  /** Base of details_url (settings.publicUrl) and the secret that signs links to private repos. */
  publicUrl: string;
  pageSecret?: string;
  stages?: Partial<AnalysisStages>;
}

export interface CommitToAnalyse {
  repositoryId: number;
  installationId: number;
  owner: string;
  repo: string;
  sha: string;
  dueAt?: Date;
}

export interface AnalysisResult {
  conclusion: string;
  report: AnalysisReport;
  checkRunId: string;
  /** Some logs were not there yet: analyse again at this time. */
  recheckAt?: Date;
}


export async function analyseCommit(deps: AnalyseDeps, commit: CommitToAnalyse): Promise<AnalysisResult> {
  const stages: AnalysisStages = { ...defaultStages, ...deps.stages };
  const { prisma, octokit } = deps;
  const head = await prisma.headCommit.findUnique({ where: { repositoryId_sha: { repositoryId: BigInt(commit.repositoryId), sha: commit.sha } } });
  const repoRow = await prisma.repository.findUniqueOrThrow({ where: { id: BigInt(commit.repositoryId) } });
  const repo = { id: String(commit.repositoryId), owner: commit.owner, name: commit.repo, private: repoRow.private };
  const ctx: AnalysisContext = { octokit, repo: { ...repo, installationId: commit.installationId }, sha: commit.sha, log: deps.log, now: deps.now };

  // 0. the repo's configuration (patterns, retry policy)
  ctx.config = await stages.loadConfig(ctx);

  // 1. collect the failed jobs (latest attempt each) and the jobs still running
  const collected = await collectJobs(prisma, commit.repositoryId, commit.sha);

  // 2. classify each failed job; a stage that throws leaves the job genuine, with the reason
  const jobs: JobReport[] = [];
  for (const { job, attempts } of collected.failed) {
    const failure = await classifySafely(stages, job, ctx);
    jobs.push({ job, failure, finalClass: failure.class, knownProblem: null, retry: null, attempts });
  }
  const classified: AnalysisReport = {
    repo,
    sha: commit.sha,
    prNumbers: head?.prNumbers ?? [],
    pendingJobs: collected.pendingJobs,
    jobs,
    configProblems: ctx.config.problems.map(({ file, path, message }) => ({ file, path, message })),
    notes: [],
    detailsUrl: detailsUrl({ publicUrl: deps.publicUrl, pageSecret: deps.pageSecret ?? "" }, repo, commit.sha),
  };
  const recheck = logRecheck(jobs.filter((j) => j.failure.logRetryLater).length, head?.analyses ?? 0, deps.now());
  if (recheck) classified.notes.push(recheck.note);

  // 3. decide final classes, known problems and re-runs
  const report = await stages.decide(classified, ctx);

  // 4. persist the verdicts
  await saveClassifications(prisma, report.jobs, commit.repositoryId);

  // 5. write the report: one check run per SHA, updated in place
  const at = { repositoryId: commit.repositoryId, owner: commit.owner, repo: commit.repo, sha: commit.sha, appId: deps.appId };
  const previous = await findPreviousCheckRun(prisma, octokit, at);
  const written = await stages.writeReport(octokit, report, previous, ctx);
  await savePreviousCheckRun(prisma, at, written);
  if (commit.dueAt) deps.metrics?.dueToReportSeconds.observe(Math.max(0, (deps.now().getTime() - commit.dueAt.getTime()) / 1000));

  // 6. re-run what decide planned
  await stages.retry(octokit, report, ctx);

  const conclusion = written.conclusion ?? written.status;
  deps.metrics?.analyses.inc({ conclusion });
  return { conclusion, report, checkRunId: written.checkRunId, ...(recheck ? { recheckAt: recheck.at } : {}) };
}

async function classifySafely(stages: AnalysisStages, job: JobInfo, ctx: AnalysisContext): Promise<ClassifiedFailure> {
  try {
    return await stages.classifyJob(job, ctx);
  } catch (err) {
    ctx.log.error({ err, job: job.id }, `classifying job ${job.name} failed; counting it as genuine`);
    return failClosed(`Sift could not classify this job: ${(err as Error).message}`);
  }
}
