// Executes re-runs recorded earlier (waiting for a run, a backoff or an outage's end), once each.
// A job that was re-run meanwhile (by a person, or a newer attempt exists) is superseded, not re-run.
import type { ProbotOctokit } from "probot";
import type { Job, PrismaClient, Repository, Retry } from "../generated/prisma/client.js";
import type { Metrics } from "../model/index.js";
import type { ProviderRegistry } from "../providers/index.js";
import { makeDueNow } from "../schedule/index.js";
import type { RerunMethod } from "./request-rerun.js";
import { rerunOnce } from "./rerun-once.js";

export type StoredRetry = Retry & { job: Job; repository: Repository };

export interface StoredRetryDeps {
  prisma: PrismaClient;
  metrics?: Metrics | undefined;
  /** Re-runs statuses through their CI provider (method "provider"). */
  providers?: ProviderRegistry | undefined;
  now: () => Date;
}

async function superseded(prisma: PrismaClient, job: Job): Promise<boolean> {
  const newer = await prisma.job.count({
    where:
      job.provider === "actions"
        ? { repositoryId: job.repositoryId, runId: job.runId, name: job.name, runAttempt: { gt: job.runAttempt } }
        : { repositoryId: job.repositoryId, headSha: job.headSha, name: job.name, provider: job.provider, id: { gt: job.id } },
  });
  return newer > 0;
}

/** Runs the given rows; rows of one run with method failed_jobs become one request. */
export async function runStoredRetries(deps: StoredRetryDeps, octokit: ProbotOctokit, rows: StoredRetry[]): Promise<void> {
  const doneRuns = new Set<string>();
  for (const row of rows) {
    const update = (data: Partial<Retry>) => deps.prisma.retry.update({ where: { id: row.id }, data });
    if (await superseded(deps.prisma, row.job)) {
      await update({ status: "superseded", reason: "a newer attempt of this job exists" });
      continue;
    }
    if (row.status === "requesting" && (row.method === "rerequest" || row.method === "provider")) {
      const asked = row.method === "provider" ? "its CI provider" : "GitHub";
      await update({ status: "failed", reason: `interrupted while asking ${asked}; such a re-run cannot be checked afterwards, so it is not sent twice` });
      continue;
    }
    const runKey = `${row.repositoryId}:${row.job.runId}`;
    if (row.method === "failed_jobs" && doneRuns.has(runKey)) {
      await update({ status: "requested", notBefore: null });
      continue;
    }
    const result = await rerunOnce(
      deps.prisma,
      octokit,
      {
        owner: row.repository.owner,
        repo: row.repository.name,
        method: row.method as RerunMethod,
        externalId: row.job.externalId,
        runId: row.job.runId === null ? null : String(row.job.runId),
        ...(row.job.provider === "status" ? { status: { context: row.job.name, url: row.job.logUrl } } : {}),
      },
      [row.id],
      deps.now(),
      deps.providers,
    );
    if (result.status === "requested" && row.method === "failed_jobs") doneRuns.add(runKey);
    deps.metrics?.retries.inc({ trigger: row.trigger, status: result.status });
    // A refusal because the run is running again: wait for its completion, no time-based retry.
    await update({ status: result.status, notBefore: result.notBefore, reason: result.status === "requested" ? (result.reason ?? row.reason) : result.reason });
    // Sift's re-run started: the check run and the details page say so (the analysis renders it).
    if (result.status === "requested") await makeDueNow(deps.prisma, { repositoryId: Number(row.repositoryId), sha: row.job.headSha }, deps.now());
  }
}
