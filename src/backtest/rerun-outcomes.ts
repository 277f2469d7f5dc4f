// The re-runs of stored failures and how they ended (Retry rows with an outcome): a failure that
// failed again on every re-run contradicts a pattern that would call it flaky.
import type { PrismaClient } from "../generated/prisma/client.js";

export interface RerunOutcomes {
  reruns: number;
  passed: number;
}

export async function rerunOutcomes(prisma: PrismaClient, jobIds: number[]): Promise<Map<number, RerunOutcomes>> {
  const out = new Map<number, RerunOutcomes>();
  if (jobIds.length === 0) return out;
  const rows = await prisma.retry.findMany({ where: { jobId: { in: jobIds }, outcome: { not: null } }, select: { jobId: true, outcome: true } });
  for (const r of rows) {
    const o = out.get(r.jobId) ?? { reruns: 0, passed: 0 };
    o.reruns++;
    if (r.outcome === "success") o.passed++;
    out.set(r.jobId, o);
  }
  return out;
}

/** Re-run at least once, and never passed. */
export function failedEveryRerun(o: RerunOutcomes | undefined): boolean {
  return o !== undefined && o.reruns > 0 && o.passed === 0;
}
