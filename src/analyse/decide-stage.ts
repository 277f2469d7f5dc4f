// The `decide` stage: loads history, flaky-test evidence and brakes from the database (history/), and
// a pull request's files from GitHub when evidence needs them, then calls the pure decide/. Counts
// newly classified failures by verdict and kind in /metrics.
import { compileRegex } from "../classify/regex.js";
import { decide, defaultDemotePolicy, demotePolicyOf, needsChangedFiles, type EvidencePolicy } from "../decide/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { loadChangedFiles, loadDemotions, loadFlakyEvidenceOf, loadHistory, loadRetryContext } from "../history/index.js";
import { failureKind, type AnalysisStages, type JobReport, type Metrics } from "../model/index.js";

export interface DecideStageDeps {
  prisma: PrismaClient;
  githubWebUrl: string;
  metrics?: Metrics | undefined;
  /** The installation's backoff base (SIFT_RETRY_BACKOFF_SECONDS); a repo's retry.backoff_seconds wins. */
  retryBackoffSeconds?: number | undefined;
}

const DEFAULT_BACKOFF_SECONDS = 60;

/** Issue bodies may carry /regex/ patterns: RE2 through the one factory, never a JS RegExp. */
function regexTest(source: string, text: string): boolean {
  return compileRegex(source, { id: "sift:known-problem issue", field: "pattern" }).test(text);
}

export function createDecideStage(deps: DecideStageDeps): AnalysisStages["decide"] {
  return async (report, ctx) => {
    const now = ctx.now();
    const repositoryId = Number(report.repo.id);
    const q = { repositoryId, owner: report.repo.owner, repo: report.repo.name, sha: report.sha, prNumbers: report.prNumbers, githubWebUrl: deps.githubWebUrl };
    // The retry and evidence policies come from the configuration loaded at the start of the analysis.
    const { retry: policy, evidence: ev, flaky_tests } = ctx.config.settings;
    const evidence: EvidencePolicy = { enabled: ev.enabled, minFlips: ev.min_flips, windowDays: ev.window_days, flakyTests: flaky_tests };
    const loaded = await loadHistory(deps.prisma, ctx.octokit, q);
    const history = { ...loaded, flakyEvidence: await loadFlakyEvidenceOf(deps.prisma, report, evidence, now, ctx.log) };
    const backoffBaseSeconds = policy.backoff_seconds ?? deps.retryBackoffSeconds ?? DEFAULT_BACKOFF_SECONDS;
    const jobIds = report.jobs.map((j) => j.job.id);
    const loadedRetry = await loadRetryContext(deps.prisma, { repositoryId, installationId: ctx.repo.installationId, jobIds, policy, now, backoffBaseSeconds });
    // Settings read before demote existed (or stand-in configs in tests) fall back to the defaults.
    const demotePolicy = ctx.config.settings.demote ? demotePolicyOf(ctx.config.settings.demote) : defaultDemotePolicy;
    const retry = { ...loadedRetry, demoted: await loadDemotions(deps.prisma, { repositoryId, now, policy: demotePolicy }) };
    const input = { now, report, history, retry, regexTest, evidence, githubWebUrl: deps.githubWebUrl };
    // The PR's files are asked for only when evidence would otherwise make a failure flaky.
    if (needsChangedFiles(input)) input.history = { ...history, changedFiles: await loadChangedFiles(ctx.octokit, { owner: q.owner, repo: q.repo, prNumbers: q.prNumbers }) };
    const decided = decide(input);
    await countNewVerdicts(deps, decided.jobs);
    return decided;
  };
}

async function countNewVerdicts(deps: DecideStageDeps, jobs: JobReport[]): Promise<void> {
  if (!deps.metrics || jobs.length === 0) return;
  // A re-analysis of the same SHA must not count the same failure twice.
  const seen = await deps.prisma.classification.findMany({ where: { jobId: { in: jobs.map((j) => j.job.id) } }, select: { jobId: true } });
  const old = new Set(seen.map((s) => s.jobId));
  for (const j of jobs) {
    if (old.has(j.job.id)) continue;
    const kind = failureKind({ verdict: j.finalClass, patternId: j.failure.patternId, category: j.failure.category });
    deps.metrics.verdicts.inc({ verdict: j.finalClass, category: j.failure.category ?? "none", kind });
    if (j.failure.patternId) deps.metrics.patternHits?.inc({ pattern: j.failure.patternId });
  }
}
