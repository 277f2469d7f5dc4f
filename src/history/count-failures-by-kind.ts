// Infrastructure failures and test failures counted apart, from stored verdicts (the kind derives from
// the pattern's category, so old rows are counted by today's rule without a migration).
import type { PrismaClient } from "../generated/prisma/client.js";
import { kindOfCategory, type FailureKind } from "../decide/index.js";

export async function countFailuresByKind(prisma: PrismaClient, q: { since: Date; repositoryId?: number }): Promise<Record<FailureKind, number>> {
  const groups = await prisma.classification.groupBy({
    by: ["category", "patternId"],
    where: { updatedAt: { gte: q.since }, ...(q.repositoryId === undefined ? {} : { job: { repositoryId: BigInt(q.repositoryId) } }) },
    _count: { _all: true },
  });
  const counts: Record<FailureKind, number> = { infrastructure: 0, test: 0 };
  for (const g of groups) counts[kindOfCategory(g.category, g.patternId)] += g._count._all;
  return counts;
}
