// A repo-wide `/known-broken` declaration ends itself once the job passes on the default branch.
import type { PrismaClient } from "../generated/prisma/client.js";
import { globMatcher } from "../decide/index.js";

export async function clearPassingDeclarations(prisma: PrismaClient, q: { repositoryId: number; passedJobNames: string[]; branch: string; now: Date }): Promise<number> {
  if (q.passedJobNames.length === 0) return 0;
  const active = await prisma.knownBroken.findMany({ where: { repositoryId: BigInt(q.repositoryId), prNumber: null, clearedAt: null } });
  let cleared = 0;
  for (const d of active) {
    const matches = globMatcher([d.jobGlob]);
    if (!q.passedJobNames.some((n) => matches?.(n))) continue;
    await prisma.knownBroken.update({ where: { id: d.id }, data: { clearedAt: q.now, clearedBy: `sift (passed on ${q.branch})` } });
    cleared++;
  }
  return cleared;
}
