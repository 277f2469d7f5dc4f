// The `decide` stage of analyse-commit: loads history, flaky-test evidence and brakes from the database
// (and a pull request's files from GitHub when evidence needs them), then calls the pure decide/.
// Counts newly classified failures by kind (infrastructure vs test) in /metrics.
import type { AnalysisContext, AnalysisReport, AnalysisStages } from "../analyse/index.js";
import { configSchema } from "../config/schema.js";
import { compileRegex } from "../classify/regex.js";
import { decide, evidenceSubjects, failureKind, needsChangedFiles, type EvidencePolicy, type FlakyEvidence, type RetryPolicy } from "../decide/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Metrics } from "../web/metrics.js";
import { loadChangedFiles } from "./load-changed-files.js";
import { loadFlakyEvidence } from "./load-flaky-evidence.js";
import { loadHistory } from "./load-history.js";
import { loadRetryContext } from "./load-retry-context.js";

export interface DecideStageDeps {
  prisma: PrismaClient;
  githubWebUrl: string;
  metrics?: Metrics | undefined;
}

/** The repo's `retry` settings, from the configuration loaded at the start of the analysis. */
function retryPolicyOf(ctx: AnalysisContext): RetryPolicy {
  return ctx.config?.settings.retry ?? configSchema.parse({}).retry;
}

/** The repo's `evidence` and `flaky_tests` settings. */
function evidencePolicyOf(ctx: AnalysisContext): EvidencePolicy {
  const settings = ctx.config?.settings ?? configSchema.parse({});
  return { enabled: settings.evidence.enabled, minFlips: settings.evidence.min_flips, windowDays: settings.evidence.window_days, flakyTests: settings.flaky_tests };
}

/** Flips of the failing tests (or signatures) of this commit's genuine failures; an error is kept as data (fail closed). */
async function flakyEvidenceFor(prisma: PrismaClient, report: AnalysisReport, policy: EvidencePolicy, now: Date, ctx: AnalysisContext): Promise<FlakyEvidence | undefined> {
  if (!policy.enabled) return undefined;
  const wanted = report.jobs.map((j) => evidenceSubjects(j.failure)).filter((w) => w !== null);
  if (wanted.length === 0) return undefined;
  const since = new Date(now.getTime() - policy.windowDays * 86_400_000);
  try {
    return await loadFlakyEvidence(prisma, {
      repositoryId: Number(report.repo.id),
      tests: wanted.flatMap((w) => ("tests" in w ? w.tests : [])),
      signatures: wanted.flatMap((w) => ("signature" in w ? [w.signature] : [])),
      since,
    });
  } catch (err) {
    ctx.log.error({ err, sha: report.sha }, "reading flaky-test evidence failed; failures stay genuine");
    return { tests: [], signatures: [], error: `the database query failed: ${(err as Error).message.split("\n")[0]}` };
  }
}

/** Issue bodies may carry /regex/ patterns: RE2 through the one factory, never a JS RegExp. */
function regexTest(source: string, text: string): boolean {
  return compileRegex(source, { id: "sift:known-problem issue", field: "pattern" }).test(text);
}

export function createDecideStage(deps: DecideStageDeps): AnalysisStages["decide"] {
  return async (report, ctx) => {
    const now = ctx.now();
    const repositoryId = Number(report.repo.id);
    const q = { repositoryId, owner: report.repo.owner, repo: report.repo.name, sha: report.sha, prNumbers: report.prNumbers, githubWebUrl: deps.githubWebUrl };
    const evidence = evidencePolicyOf(ctx);
    const loaded = await loadHistory(deps.prisma, ctx.octokit, q);
    const history = { ...loaded, flakyEvidence: await flakyEvidenceFor(deps.prisma, report, evidence, now, ctx) };
    const policy = retryPolicyOf(ctx);
    const jobIds = report.jobs.map((j) => j.job.id);
    const retry = await loadRetryContext(deps.prisma, { repositoryId, installationId: ctx.repo.installationId, jobIds, policy, now });
    const input = { now, report, history, retry, regexTest, evidence, githubWebUrl: deps.githubWebUrl };
    // The PR's files are asked for only when evidence would otherwise make a failure flaky.
    if (needsChangedFiles(input)) input.history = { ...history, changedFiles: await loadChangedFiles(ctx.octokit, { owner: q.owner, repo: q.repo, prNumbers: q.prNumbers }) };
    const decided = decide(input);
    await countNewVerdicts(deps, decided.jobs);
    return decided;
  };
}

async function countNewVerdicts(deps: DecideStageDeps, jobs: Awaited<ReturnType<AnalysisStages["decide"]>>["jobs"]): Promise<void> {
  if (!deps.metrics || jobs.length === 0) return;
  // A re-analysis of the same SHA must not count the same failure twice.
  const seen = await deps.prisma.classification.findMany({ where: { jobId: { in: jobs.map((j) => j.job.id) } }, select: { jobId: true } });
  const old = new Set(seen.map((s) => s.jobId));
  for (const j of jobs) {
    if (old.has(j.job.id)) continue;
    const verdict = j.finalClass;
    deps.metrics.verdicts.inc({ verdict, category: j.failure.category ?? "none", kind: failureKind(j.failure) });
  }
}
