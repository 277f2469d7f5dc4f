// The `retry` stage: asks GitHub for the re-runs decide/ planned now, and records the ones that wait
// (for the run to complete, a backoff, or the end of an outage) so that the sweep or the
// workflow_run hook runs them later.
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { AnalysisReport, Metrics, RetryAction } from "../model/index.js";
import type { ProviderRegistry } from "../providers/index.js";
import { recordRetry, type RetryRecord } from "./record-retry.js";
import { rerunOnce } from "./rerun-once.js";

export interface ExecuteDeps {
  prisma: PrismaClient;
  metrics?: Metrics | undefined;
  /** Re-runs statuses through their CI provider (method "provider"). */
  providers?: ProviderRegistry | undefined;
  now?: () => Date;
}

const LATER: Record<Exclude<RetryAction["when"], "now">, RetryRecord["status"]> = {
  "after-run": "waiting",
  "after-backoff": "waiting",
  "after-outage": "held",
};

/** What became of each job's re-run: requested, waiting (for the run, a backoff), held or failed. */
export type RetryOutcomes = Map<number, { status: RetryRecord["status"]; reason: string }>;

export async function executeRetryPlan(deps: ExecuteDeps, octokit: ProbotOctokit, report: AnalysisReport): Promise<RetryOutcomes> {
  const outcomes: RetryOutcomes = new Map();
  const attempts = new Map(report.jobs.map((j) => [j.job.id, j.job.runAttempt]));
  const now = deps.now?.() ?? new Date();
  const jobs = new Map(report.jobs.map((j) => [j.job.id, j.job]));
  for (const action of report.retryPlan ?? []) {
    const record = (jobId: number, status: RetryRecord["status"], reason: string | null, notBefore: Date | null) =>
      recordRetry(deps.prisma, {
        repositoryId: Number(report.repo.id),
        jobId,
        attempt: attempts.get(jobId) ?? 1,
        method: action.method,
        trigger: "auto",
        status,
        reason,
        cause: action.cause,
        notBefore,
      });
    if (action.when !== "now") {
      const status = LATER[action.when];
      deps.metrics?.retries.inc({ trigger: "auto", status }, action.jobIds.length);
      for (const jobId of action.jobIds) {
        outcomes.set(jobId, { status, reason: action.reason });
        await record(jobId, status, action.reason, action.notBefore);
      }
      continue;
    }
    // Written before GitHub is asked: a crash or a lost answer in between is found and checked later.
    const rowIds: number[] = [];
    for (const jobId of action.jobIds) rowIds.push(await record(jobId, "requesting", action.reason, null));
    const job = jobs.get(action.jobIds[0] ?? -1);
    const status = job?.provider === "status" ? { context: job.name, url: job.logUrl ?? null } : undefined;
    const target = { owner: report.repo.owner, repo: report.repo.name, method: action.method, externalId: action.externalId, runId: action.runId, status };
    const result = await rerunOnce(deps.prisma, octokit, target, rowIds, now, deps.providers);
    const reason = result.reason ?? action.reason;
    deps.metrics?.retries.inc({ trigger: "auto", status: result.status }, action.jobIds.length);
    await deps.prisma.retry.updateMany({ where: { id: { in: rowIds } }, data: { status: result.status, reason, notBefore: result.notBefore } });
    for (const jobId of action.jobIds) outcomes.set(jobId, { status: result.status, reason });
  }
  return outcomes;
}
