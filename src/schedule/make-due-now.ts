// When Sift's own state changes (/known-broken, /retry, a stored re-run sent), the check run must follow
// at once: make the head SHA due for analysis now. A SHA being analysed right now gets a "change after
// the claim" mark, so the worker re-queues it.
import type { PrismaClient } from "../generated/prisma/client.js";

export async function makeDueNow(prisma: PrismaClient, at: { repositoryId: number; sha: string }, now: Date): Promise<boolean> {
  const where = { repositoryId: BigInt(at.repositoryId), sha: at.sha };
  const running = await prisma.headCommit.updateMany({ where: { ...where, state: "running" }, data: { lastFailureAt: now } });
  const other = await prisma.headCommit.updateMany({
    where: { ...where, state: { in: ["done", "pending"] } },
    data: { state: "pending", dueAt: now, firstFailureAt: now },
  });
  return running.count + other.count > 0;
}
