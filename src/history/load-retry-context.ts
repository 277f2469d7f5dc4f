// The brakes' inputs from the database: this repo's re-runs and flaky failures in the last hour, the
// installation's outages, and what Sift already did for these failed attempts.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { OutageOptions, RetryContext, RetryPolicy } from "../decide/index.js";
import { loadOutages } from "./load-outages.js";

export interface RetryContextQuery {
  repositoryId: number;
  installationId: number;
  jobIds: number[];
  policy: RetryPolicy;
  now: Date;
  backoffBaseSeconds?: number;
  outage?: OutageOptions;
}

const HOUR = 3600_000;

export async function loadRetryContext(prisma: PrismaClient, q: RetryContextQuery): Promise<RetryContext> {
  const repositoryId = BigInt(q.repositoryId);
  const hourAgo = new Date(q.now.getTime() - HOUR);
  const [retriesLastHour, flakyLastHour, outages, previous] = await Promise.all([
    prisma.retry.count({ where: { repositoryId, trigger: "auto", status: "requested", createdAt: { gte: hourAgo } } }),
    prisma.classification.count({ where: { verdict: "flaky", updatedAt: { gte: hourAgo }, job: { repositoryId } } }),
    loadOutages(prisma, { installationId: q.installationId, now: q.now, opts: q.outage }),
    // Re-runs a person asked for (/retry) count too: Sift never asks twice for the same attempt.
    prisma.retry.findMany({ where: { jobId: { in: q.jobIds } }, orderBy: { id: "asc" } }),
  ]);
  return {
    policy: q.policy,
    retriesLastHour,
    flakyLastHour,
    outages,
    // The newest row per job wins (ordered by id).
    previous: [
      ...new Map(
        previous.map((p) => [p.jobId, { jobId: p.jobId, status: p.status, reason: p.reason, at: p.createdAt, requestedCount: previous.filter((r) => r.jobId === p.jobId && r.status === "requested").length }]),
      ).values(),
    ],
    backoffBaseSeconds: q.backoffBaseSeconds ?? 60,
  };
}
