// The use case for one claimed head SHA: configuration → collect → classify → decide → re-run →
// one state (verdicts and check-run record, one transaction) → the check run on GitHub → notifications.
// Every collaborator is passed in; src/index.ts wires the real stages (analyse/create-stages.ts).
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import { collectJobs } from "../history/index.js";
import { AnalysisStopped, checkRunState, failClosed, type AnalysisContext, type AnalysisReport, type AnalysisStages, type ClassifiedFailure, type JobInfo, type JobReport, type Metrics } from "../model/index.js";
import { renderTitle } from "../report/index.js";
import { detailsUrl } from "../web/urls.js";
import { findCheckRunRecord, saveCheckRunRecord } from "./check-run-record.js";
import { earliest, requiredWait } from "./required-wait.js";
import { logRecheck } from "./log-recheck.js";
import { saveClassifications } from "./save-classifications.js";
import { keepFailureTexts } from "./keep-failure-texts.js";
import { saveJobStatistics } from "./save-job-statistics.js";

export interface AnalyseDeps<Compiled = unknown> {
  prisma: PrismaClient;
  octokit: ProbotOctokit;
  log: Logger;
  now: () => Date;
  metrics?: Metrics | undefined;
  /** Sift's App id: finds a check run written before a crash. */
  appId?: number | undefined;
  /** Base of details_url (settings.publicUrl) and the secret that signs links to private repos. */
  publicUrl: string;
  pageSecret?: string | undefined;
  stages: AnalysisStages<Compiled>;
  /** SIFT_REQUIRED_TIMEOUT_MINUTES: how long the check run waits in progress at most (0: no limit). */
  requiredTimeoutMinutes?: number | undefined;
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

export async function analyseCommit<Compiled>(deps: AnalyseDeps<Compiled>, commit: CommitToAnalyse): Promise<AnalysisResult> {
  const { prisma, octokit, stages } = deps;
  const head = await prisma.headCommit.findUnique({ where: { repositoryId_sha: { repositoryId: BigInt(commit.repositoryId), sha: commit.sha } } });
  const repoRow = await prisma.repository.findUniqueOrThrow({ where: { id: BigInt(commit.repositoryId) } });
  const repo = { id: String(commit.repositoryId), owner: commit.owner, name: commit.repo, private: repoRow.private };
  const scope = { octokit, repo: { ...repo, installationId: commit.installationId }, sha: commit.sha, log: deps.log, now: deps.now };

  // 0. the repo's configuration (patterns, retry policy), once, before anything reads it
  const ctx: AnalysisContext<Compiled> = { ...scope, config: await stages.loadConfig(scope) };

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
    knownJobs: collected.knownJobs,
    required: head?.required ?? false,
    jobs,
    configProblems: ctx.config.problems.map(({ file, path, message }) => ({ file, path, message })),
    notes: [],
    detailsUrl: detailsUrl({ publicUrl: deps.publicUrl, pageSecret: deps.pageSecret ?? "" }, repo, commit.sha),
  };
  const recheck = logRecheck(jobs.filter((j) => j.failure.logRetryLater).length, head?.analyses ?? 0, deps.now());
  if (recheck) classified.notes.push(recheck.note);

  // 3. decide final classes, known problems and re-runs
  const decided = await stages.decide(classified, ctx);

  // 4. ask for the re-runs decide planned: the check run shows them as on their way
  const report = await stages.retry(octokit, decided, ctx);

  // 5. one state: the verdicts and the check run's record change together, then GitHub is told
  const at = { repositoryId: commit.repositoryId, owner: commit.owner, repo: commit.repo, sha: commit.sha, appId: deps.appId };
  const previous = await findCheckRunRecord(prisma, octokit, at);
  const wait = await requiredWait(prisma, at, deps.now(), deps.requiredTimeoutMinutes ?? 0);
  report.timedOut = wait.timedOut;
  const { reasons, ...state } = checkRunState(report);
  report.notes.push(...reasons.map((r) => `Failed: ${r}.`));
  const next = { checkRunId: previous?.checkRunId ?? null, outputHash: previous?.outputHash ?? null, ...state, title: renderTitle(report) };
  const waitingSince = state.status === "in_progress" ? wait.since : null;
  await prisma.$transaction(async (tx) => {
    await saveClassifications(tx, report.jobs, commit.repositoryId);
    await saveCheckRunRecord(tx, at, next, { waitingSince });
  });
  // the failing steps' text, kept for re-classification (compressed outside the transaction)
  await keepFailureTexts(prisma, report.jobs, { repositoryId: commit.repositoryId, now: deps.now() });
  await saveJobStatistics(prisma, report.jobs, { repositoryId: commit.repositoryId, now: deps.now(), statistics: ctx.config.settings.statistics });
  const written = await stages.writeReport(octokit, report, previous, ctx);
  await saveCheckRunRecord(prisma, at, written);
  if (commit.dueAt) deps.metrics?.dueToReportSeconds.observe(Math.max(0, (deps.now().getTime() - commit.dueAt.getTime()) / 1000));

  // 6. the notifications this analysis found, into the outbox (sent by the sweep)
  if (stages.notify) await stages.notify(report, ctx).catch((err: unknown) => ctx.log.error({ err }, "finding notifications failed; the report is written, this analysis notifies nothing"));

  const conclusion = written.conclusion ?? written.status;
  deps.metrics?.analyses.inc({ conclusion });
  const recheckAt = earliest(recheck?.at, waitingSince && wait.deadline);
  return { conclusion, report, checkRunId: written.checkRunId ?? "", ...(recheckAt ? { recheckAt } : {}) };
}

async function classifySafely<Compiled>(stages: AnalysisStages<Compiled>, job: JobInfo, ctx: AnalysisContext<Compiled>): Promise<ClassifiedFailure> {
  try {
    return await stages.classifyJob(job, ctx);
  } catch (err) {
    if (err instanceof AnalysisStopped) throw err; // no verdict at all: the SHA is analysed again
    ctx.log.error({ err, job: job.id }, `classifying job ${job.name} failed; counting it as genuine`);
    return failClosed(`Sift could not classify this job: ${(err as Error).message}`);
  }
}
