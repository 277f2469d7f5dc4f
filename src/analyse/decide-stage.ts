// The `decide` stage: loads history and brakes from the database (history/), then calls the pure
// decide/. Counts newly classified failures by verdict and kind in /metrics.
import { compileRegex } from "../classify/regex.js";
import { decide } from "../decide/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { loadHistory, loadRetryContext } from "../history/index.js";
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
    const history = await loadHistory(deps.prisma, ctx.octokit, q);
    // The retry policy comes from the configuration loaded at the start of the analysis.
    const policy = ctx.config.settings.retry;
    const backoffBaseSeconds = policy.backoff_seconds ?? deps.retryBackoffSeconds ?? DEFAULT_BACKOFF_SECONDS;
    const jobIds = report.jobs.map((j) => j.job.id);
    const retry = await loadRetryContext(deps.prisma, { repositoryId, installationId: ctx.repo.installationId, jobIds, policy, now, backoffBaseSeconds });
    const decided = decide({ now, report, history, retry, regexTest });
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
  }
}
