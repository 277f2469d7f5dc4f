// The rescue rate of each pattern across the installation's repositories, for /metrics at scrape
// time: concluded automatic re-runs of the last 30 days and how many passed, by cause.
import type { PrismaClient } from "../../generated/prisma/client.js";

const WINDOW_MS = 30 * 24 * 3600 * 1000;

export async function rescueByPattern(prisma: PrismaClient, now: Date): Promise<{ pattern: string; reruns: number; passed: number }[]> {
  const groups = await prisma.retry.groupBy({
    by: ["cause", "outcome"],
    where: { trigger: "auto", status: "requested", cause: { not: null }, outcome: { not: null }, createdAt: { gte: new Date(now.getTime() - WINDOW_MS) } },
    _count: { _all: true },
  });
  const out = new Map<string, { pattern: string; reruns: number; passed: number }>();
  for (const g of groups) {
    const r = out.get(g.cause as string) ?? { pattern: g.cause as string, reruns: 0, passed: 0 };
    r.reruns += g._count._all;
    if (g.outcome === "success") r.passed += g._count._all;
    out.set(r.pattern, r);
  }
  return [...out.values()];
}
