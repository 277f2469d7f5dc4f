// The demoted patterns of a repository: the automatic re-runs each pattern caused over the window and
// how many passed, judged by the pure rule in decide/demotion.ts with the repository's `demote` settings.
import type { PrismaClient } from "../generated/prisma/client.js";
import { demotedPatterns, type DemotePolicy, type Demotion, type PatternRerunStats } from "../decide/index.js";

/** Re-runs older than this no longer count for or against a pattern. */
export const DEMOTE_WINDOW_DAYS = 30;
const DAY = 24 * 3600 * 1000;

export async function loadDemotions(prisma: PrismaClient, q: { repositoryId: number; now: Date; policy: DemotePolicy }): Promise<Map<string, Demotion>> {
  if (!q.policy.enabled) return new Map();
  const since = new Date(q.now.getTime() - DEMOTE_WINDOW_DAYS * DAY);
  const groups = await prisma.retry.groupBy({
    by: ["cause", "outcome"],
    where: { repositoryId: BigInt(q.repositoryId), trigger: "auto", status: "requested", cause: { not: null }, outcome: { not: null }, createdAt: { gte: since } },
    _count: { _all: true },
  });
  const stats = new Map<string, PatternRerunStats>();
  for (const g of groups) {
    const id = g.cause as string;
    const s = stats.get(id) ?? { patternId: id, reruns: 0, passed: 0 };
    s.reruns += g._count._all;
    if (g.outcome === "success") s.passed += g._count._all;
    stats.set(id, s);
  }
  return demotedPatterns([...stats.values()], q.policy);
}
