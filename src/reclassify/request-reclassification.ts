// Asks for the re-classification of repositories' stored failures (their effective pattern set may
// have changed). Idempotent: a repository already waiting stays one row; one being worked on goes
// back to pending, so that its worker stops at its next page and the config is read again.
import type { PrismaClient } from "../generated/prisma/client.js";

export async function requestReclassification(prisma: PrismaClient, o: { repositoryIds: readonly (number | bigint)[]; reason: string; since: Date; now: Date }): Promise<number> {
  for (const id of o.repositoryIds) {
    const data = { state: "pending", reason: o.reason.slice(0, 500), since: o.since, requestedAt: o.now, leaseOwner: null, leaseUntil: null, finishedAt: null };
    await prisma.reclassification.upsert({ where: { repositoryId: BigInt(id) }, create: { repositoryId: BigInt(id), ...data }, update: data });
  }
  return o.repositoryIds.length;
}

/** Repositories with stored failure text since `since` (an installation's or all). */
export async function repositoriesWithFailures(prisma: PrismaClient, o: { since: Date; installationId?: number; owner?: string }): Promise<bigint[]> {
  const repos = await prisma.repository.findMany({
    where: { ...(o.installationId === undefined ? {} : { installationId: BigInt(o.installationId) }), ...(o.owner === undefined ? {} : { owner: o.owner }) },
    select: { id: true },
  });
  const stored = await prisma.failureText.findMany({
    where: { repositoryId: { in: repos.map((r) => r.id) }, createdAt: { gte: o.since } },
    distinct: ["repositoryId"],
    select: { repositoryId: true },
  });
  return stored.map((s) => s.repositoryId);
}
