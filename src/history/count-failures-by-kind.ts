// Infrastructure failures and test failures counted apart, from stored verdicts. The kind derives
// from the verdict (model/failure-kind.ts), so old rows are counted by today's rule without a migration.
import type { PrismaClient } from "../generated/prisma/client.js";
import { failureKind, type FailureKind } from "../model/index.js";

export async function countFailuresByKind(prisma: PrismaClient, q: { since: Date; repositoryId?: number }): Promise<Record<FailureKind, number>> {
  const groups = await prisma.classification.groupBy({
    by: ["verdict", "category", "patternId"],
    where: { updatedAt: { gte: q.since }, ...(q.repositoryId === undefined ? {} : { job: { repositoryId: BigInt(q.repositoryId) } }) },
    _count: { _all: true },
  });
  const counts: Record<FailureKind, number> = { infrastructure: 0, test: 0 };
  for (const g of groups) counts[failureKind(g)] += g._count._all;
  return counts;
}
