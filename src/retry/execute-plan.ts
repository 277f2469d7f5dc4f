// The `retry` stage: asks GitHub for the re-runs decide/ planned now, and records the ones that wait
// (for the run to complete, a backoff, or the end of an outage) so that the sweep or the
// workflow_run hook runs them later.
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { AnalysisReport, Metrics, RetryAction } from "../model/index.js";
import type { ProviderRegistry } from "../providers/index.js";
import { recordRetry, type RetryRecord } from "./record-retry.js";
import { requestRerun } from "./request-rerun.js";

export interface ExecuteDeps {
  prisma: PrismaClient;
  metrics?: Metrics | undefined;
  /** Re-runs statuses through their CI provider (method "provider"). */
  providers?: ProviderRegistry | undefined;
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
  const jobs = new Map(report.jobs.map((j) => [j.job.id, j.job]));
  for (const action of report.retryPlan ?? []) {
    let status: RetryRecord["status"];
    let reason = action.reason;
    if (action.when === "now") {
      const job = jobs.get(action.jobIds[0] ?? -1);
      const target = job?.provider === "status" ? { context: job.name, url: job.logUrl ?? null } : undefined;
      const outcome = await requestRerun(octokit, { owner: report.repo.owner, repo: report.repo.name, ...action, status: target }, deps.providers);
      status = outcome.result === "requested" ? "requested" : outcome.result === "wait" ? "waiting" : "failed";
      if (outcome.result !== "requested") reason = outcome.message;
    } else {
      status = LATER[action.when];
    }
    deps.metrics?.retries.inc({ trigger: "auto", status }, action.jobIds.length);
    for (const jobId of action.jobIds) {
      outcomes.set(jobId, { status, reason });
      await recordRetry(deps.prisma, {
        repositoryId: Number(report.repo.id),
        jobId,
        attempt: attempts.get(jobId) ?? 1,
        method: action.method,
        trigger: "auto",
        status,
        reason,
        cause: action.cause,
        notBefore: action.notBefore,
      });
    }
  }
  return outcomes;
}
