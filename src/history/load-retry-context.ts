// The brakes' inputs from the database: this repo's re-runs and flaky failures in the last hour, the
// installation's outages, and what Sift already did for these failed attempts.
import type { PrismaClient } from "../generated/prisma/client.js";
import { activeOutages, defaultOutageOptions, kindOfCategory, type OutageOptions, type RetryContext, type RetryPolicy } from "../decide/index.js";

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
  const opts = q.outage ?? defaultOutageOptions;
  const [retriesLastHour, flakyLastHour, sightings, held, previous] = await Promise.all([
    prisma.retry.count({ where: { repositoryId, trigger: "auto", status: "requested", createdAt: { gte: hourAgo } } }),
    prisma.classification.count({ where: { verdict: "flaky", updatedAt: { gte: hourAgo }, job: { repositoryId } } }),
    prisma.classification.findMany({
      where: {
        verdict: "flaky",
        patternId: { not: null },
        updatedAt: { gte: new Date(q.now.getTime() - Math.max(opts.windowMinutes, opts.quietMinutes) * 60_000) },
        job: { repository: { installationId: BigInt(q.installationId) } },
      },
      select: { patternId: true, category: true, updatedAt: true },
    }),
    prisma.retry.findMany({
      where: { status: "held", repository: { installationId: BigInt(q.installationId) } },
      distinct: ["cause"],
      select: { cause: true },
    }),
    prisma.retry.findMany({ where: { jobId: { in: q.jobIds }, trigger: "auto" }, orderBy: { id: "asc" } }),
  ]);
  const infra = sightings.filter((s) => kindOfCategory(s.category, s.patternId) === "infrastructure");
  const heldCauses = held.flatMap((h) => (h.cause ? [h.cause] : []));
  return {
    policy: q.policy,
    retriesLastHour,
    flakyLastHour,
    outages: activeOutages(infra.map((s) => ({ cause: s.patternId as string, at: s.updatedAt })), heldCauses, q.now, opts),
    // The newest row per job wins (ordered by id).
    previous: [
      ...new Map(
        previous.map((p) => [p.jobId, { jobId: p.jobId, status: p.status, reason: p.reason, at: p.createdAt, requestedCount: previous.filter((r) => r.jobId === p.jobId && r.status === "requested").length }]),
      ).values(),
    ],
    backoffBaseSeconds: q.backoffBaseSeconds ?? 60,
  };
}
