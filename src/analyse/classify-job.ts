// The real `classifyJob` stage: fetch the job's log (streamed, tail-capped), normalise it, and let
// the pure classifier judge it with the repo's patterns. Anything that goes wrong is genuine, with why.
import type { ApiStep } from "../logs/types.js";
import { fetchLog, plainTextStatusProvider, type LogTarget } from "../logs/index.js";
import { classify, statisticsFor, type JobSignals, type Verdict } from "../classify/index.js";
import type { CompiledPatternSet } from "../classify/index.js";
import type { AnalysisContext, AnalysisStages, ClassifiedFailure, JobInfo } from "../model/index.js";
import type { CiJob, ProviderRegistry } from "../providers/index.js";
import { createClassifyPool, type ClassifyPool } from "./classify-pool.js";
import { DEFAULT_KEEP_BYTES, type FailureText } from "../keep/index.js";

export interface ClassifyStageDeps {
  /** Plain fetch for log storage and status targets (tests point it elsewhere). */
  fetch?: typeof globalThis.fetch;
  /** Worker threads that normalise and classify logs off the event loop (a default pool when absent). */
  pool?: ClassifyPool;
  /** CI providers beside Actions: statuses they recognise are read (and re-run) through their API. */
  providers?: ProviderRegistry;
  /** What of each log is kept for re-classification (SIFT_KEEP_BYTES; keep/failure-text.ts); 0 keeps none. */
  keepBytes?: number | undefined;
}

export function createClassifyStage(deps: ClassifyStageDeps = {}): AnalysisStages<CompiledPatternSet>["classifyJob"] {
  const judge = classifyLog(deps);
  return async (job, ctx) => {
    const failure = await judge(job, ctx);
    const rerun = deps.providers ? providerRerun(deps.providers, job, ctx.repo.owner) : undefined;
    return rerun ? { ...failure, providerRerun: rerun } : failure;
  };
}

function classifyLog(deps: ClassifyStageDeps): AnalysisStages<CompiledPatternSet>["classifyJob"] {
  const pool = deps.pool ?? createClassifyPool();
  let warned = false;
  return async (job, ctx) => {
    const config = ctx.config;
    const signals: JobSignals = { conclusion: job.conclusion, neverStarted: neverStarted(job) };
    const context = { jobName: job.name, ...(job.workflowName ? { workflowName: job.workflowName } : {}), ...(job.headBranch ? { branch: job.headBranch } : {}) };
    if (signals.neverStarted) return toFailure(classify({ compiled: config.compiled, context, signals }));

    const statusProviders = deps.providers ? [deps.providers.statusLogProvider, plainTextStatusProvider] : undefined;
    const fetched = await fetchLog(logTarget(job, ctx, deps.providers), { octokit: ctx.octokit, maxBytes: config.settings.log.max_bytes, fetch: deps.fetch, now: ctx.now, statusProviders });
    if (!fetched.ok) {
      const failure = toFailure(classify({ compiled: config.compiled, context, signals: { ...signals, logMissing: fetched.reason } }));
      return { ...failure, ...(fetched.retryLater ? { logRetryLater: true } : {}) };
    }
    if (!pool.workerFile && !warned) {
      warned = true;
      ctx.log.warn("classify: no built worker thread (dist/src/analyse/classify-worker.js); logs are classified on the event loop");
    }
    // In a worker thread: a 64 MB log must not hold webhooks and /healthz while it is decoded, cleaned
    // and judged; its bytes go there as the provider sent them.
    const bytes = fetched.bytes;
    const keepBytes = deps.keepBytes ?? DEFAULT_KEEP_BYTES;
    const statistics = statisticsFor(config.settings.statistics ?? [], job.name).map(({ id, regex }) => ({ id, regex }));
    const done = await pool.classify({ bytes, apiSteps: apiSteps(job), truncatedHeadBytes: fetched.truncatedHeadBytes, context, signals, keepBytes, statistics }, config.compiled);
    if (!done.ok) return unjudged(done.reason, fetched.truncatedHeadBytes);
    const classified = toFailure(done.verdict);
    const kept = done.verdict.kept ? { kept: shiftKept(done.verdict.kept, fetched.truncatedHeadLines) } : {};
    const read = done.verdict.statistics?.length ? { statistics: done.verdict.statistics.map((r) => ({ ...r, line: r.line + fetched.truncatedHeadLines })) } : {};
    const failure = { ...classified, notes: [...classified.notes, ...(fetched.source.notes ?? [])], ...kept, ...read };
    // Line numbers count from the start of the whole log, also when its head was skipped.
    return failure.line === null ? failure : { ...failure, line: failure.line + fetched.truncatedHeadLines };
  };
}

function logTarget(job: JobInfo, ctx: Pick<AnalysisContext, "repo">, providers: ProviderRegistry | undefined): LogTarget {
  const { owner, name: repo } = ctx.repo;
  // Another app's check run whose CI provider Sift may call: its full log, rather than the summary.
  if (job.provider === "check_run" && job.logUrl && providers?.access(ciJobOf(job, owner))?.call) {
    return { kind: "status", status: { context: job.name, targetUrl: job.logUrl, owner, appSlug: job.appSlug ?? null } };
  }
  switch (job.provider) {
    case "actions":
      return { kind: "actions-job", job: { owner, repo, jobId: Number(job.externalId), ...(job.completedAt ? { completedAt: job.completedAt } : {}) } };
    case "check_run":
      return { kind: "check-run", checkRun: { owner, repo, checkRunId: Number(job.externalId) } };
    case "status":
      return { kind: "status", status: { context: job.name, targetUrl: job.logUrl ?? null, owner } };
  }
}

/** For a status of a provider Sift knows: whether a flaky failure can be re-run through it, or why not. */
function providerRerun(providers: ProviderRegistry, job: JobInfo, owner: string): ClassifiedFailure["providerRerun"] {
  // Check runs keep GitHub's re-request, which reaches the app that wrote them.
  if (job.provider !== "status" || !job.logUrl) return undefined;
  const access = providers.access(ciJobOf(job, owner));
  if (!access) return undefined;
  const provider = access.provider.title;
  if (!access.provider.capabilities.reruns) return { provider, possible: false, reason: `${provider} jobs cannot be re-run through its API` };
  if (!access.call) return { provider, possible: false, reason: access.refusal ?? `Sift may not call ${provider}` };
  return { provider, possible: true, reason: `re-run through ${provider}` };
}

/** An Actions job that failed without a runner ever taking it (no runner, no step ran). */
function neverStarted(job: JobInfo): boolean {
  if (job.provider !== "actions" || job.conclusion === "cancelled") return false;
  const ran = apiSteps(job)?.some((s) => s.conclusion !== null && s.conclusion !== "skipped");
  return !job.runnerName && !ran;
}

function apiSteps(job: JobInfo): ApiStep[] | undefined {
  if (!Array.isArray(job.steps) || job.steps.length === 0) return undefined;
  return job.steps.filter((s): s is ApiStep => typeof s === "object" && s !== null && typeof (s as ApiStep).name === "string");
}

/** The log could not be judged in bounds (too slow, its worker died): genuine, with why (fail closed). */
function unjudged(why: string, truncatedHeadBytes: number): ClassifiedFailure {
  const reason = `${why}: the log was not judged, so the failure counts as genuine`;
  return {
    class: "genuine", patternId: "sift.signal.unjudged", category: "unjudged", reason, line: null, excerpt: null, matchedText: null,
    signature: "sift.signal.unjudged", retry: { enabled: false }, issue: null, step: null, notes: notesOf(truncatedHeadBytes),
  };
}

/** Kept lines numbered as in the whole log, also when retrieval skipped its head. */
function shiftKept(kept: FailureText, skippedLines: number): FailureText {
  const shift = (n: number) => n + skippedLines;
  return { ...kept, firstLine: shift(kept.firstLine), stepStart: shift(kept.stepStart), stepEnd: shift(kept.stepEnd), lineCount: shift(kept.lineCount) };
}

export function toFailure(v: Verdict): ClassifiedFailure {
  const description = v.class === "genuine" ? v.reason : v.description || v.reason;
  return {
    class: v.class,
    patternId: v.patternId,
    category: v.category,
    reason: description,
    line: v.line,
    excerpt: v.excerpt || null,
    matchedText: v.matchedText || null,
    signature: v.signature || null,
    retry: v.retry,
    issue: v.issue ?? null,
    step: v.step ?? null,
    patternSetHash: v.patternSetHash,
    notes: notesOf(v.truncatedHeadBytes),
    ...(v.tests ? { tests: v.tests } : {}),
    ...(v.flakyReports ? { flakyReports: v.flakyReports } : {}),
    ...(v.observed ? { observed: v.observed } : {}),
  };
}

function notesOf(truncatedHeadBytes: number): string[] {
  return truncatedHeadBytes > 0 ? [`the first ${mb(truncatedHeadBytes)} of the log were skipped (log.max_bytes keeps the tail)`] : [];
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function ciJobOf(job: JobInfo, owner: string): CiJob {
  return { context: job.name, url: job.logUrl ?? "", owner, appSlug: job.appSlug ?? null };
}
