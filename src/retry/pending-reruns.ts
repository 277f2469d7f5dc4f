// Which of these job attempts already have a re-run on its way: asked of GitHub recently, or waiting
// for their workflow run to complete. A re-run GitHub accepted shows up as a newer attempt (a new job
// row); one requested long ago with no newer attempt is presumed lost and may be asked for again.
// Held re-runs (automatic brakes: outage, budget) are not on their way: a person may override them.
import type { PrismaClient } from "../generated/prisma/client.js";

export const REQUESTED_RERUN_FRESH_MS = 60 * 60_000;

export async function pendingReruns(prisma: PrismaClient, jobIds: number[], now: Date): Promise<Set<number>> {
  if (jobIds.length === 0) return new Set();
  const rows = await prisma.retry.findMany({
    where: {
      jobId: { in: jobIds },
      OR: [{ status: { in: ["waiting", "requesting"] } }, { status: "requested", createdAt: { gte: new Date(now.getTime() - REQUESTED_RERUN_FRESH_MS) } }],
    },
    select: { jobId: true },
  });
  return new Set(rows.map((r) => r.jobId));
}
