// After SIFT_KEEP_DAYS only the verdict of a failure stays: its kept text is deleted, a batch at a time
// so that a large backlog never holds one long transaction.
import type { PrismaClient } from "../generated/prisma/client.js";

const BATCH = 500;

export async function purgeFailureTexts(prisma: PrismaClient, opts: { now: Date; keepDays: number; maxBatches?: number }): Promise<number> {
  const before = new Date(opts.now.getTime() - opts.keepDays * 24 * 3600 * 1000);
  let purged = 0;
  for (let batch = 0; batch < (opts.maxBatches ?? 100); batch++) {
    const old = await prisma.failureText.findMany({ where: { createdAt: { lt: before } }, select: { jobId: true }, orderBy: { createdAt: "asc" }, take: BATCH });
    if (old.length === 0) break;
    const { count } = await prisma.failureText.deleteMany({ where: { jobId: { in: old.map((r) => r.jobId) }, createdAt: { lt: before } } });
    purged += count;
    if (old.length < BATCH) break;
  }
  return purged;
}
