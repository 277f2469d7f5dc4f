// A re-run's result is the next attempt's conclusion. "success" on a re-run is the evidence that the
// cause (Retry.cause, a pattern id) is flaky rather than a real failure.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Metrics } from "../model/index.js";

/** The label /metrics counts a re-run's result under (sift_retry_outcomes_total). */
export function outcomeLabel(conclusion: string | null): string {
  if (conclusion === "success") return "passed";
  if (conclusion === "failure" || conclusion === "timed_out") return "failed_again";
  if (conclusion === "cancelled") return "cancelled";
  return "other";
}

export async function recordRetryOutcomes(prisma: PrismaClient, where: { repositoryId: number; runId: string }, now: Date, metrics?: Metrics): Promise<number> {
  const open = await prisma.retry.findMany({
    where: { repositoryId: BigInt(where.repositoryId), status: "requested", outcome: null, job: { runId: BigInt(where.runId) } },
    include: { job: true },
  });
  let recorded = 0;
  for (const r of open) {
    const next = await prisma.job.findFirst({
      where: { repositoryId: r.job.repositoryId, runId: r.job.runId, name: r.job.name, runAttempt: { gt: r.job.runAttempt }, status: "completed" },
      orderBy: { runAttempt: "asc" },
    });
    if (!next) continue;
    await prisma.retry.update({ where: { id: r.id }, data: { outcome: next.conclusion, outcomeAt: next.completedAt ?? now } });
    metrics?.retryOutcomes.inc({ trigger: r.trigger, outcome: outcomeLabel(next.conclusion) });
    recorded++;
  }
  return recorded;
}
