// A repository renamed or transferred to another owner (the `repository` webhook): its stored row
// takes the new owner and name, and in the same transaction the owners' causes rollups it left and
// joined are summed again over its days, so both organisations' pages stay on OrgDailyCause instead of
// falling back to the per-repository rows until `rebuild-causes`.
import type { PrismaClient } from "../generated/prisma/client.js";
import { refreshOrgCauses } from "./refresh-org-causes.js";

export interface RepositoryMove {
  repositoryId: bigint;
  installationId: bigint;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string | undefined;
}

export type MoveOutcome =
  | { moved: true; owners: string[]; days: number }
  | { moved: false; why: string };

export async function moveRepository(prisma: PrismaClient, move: RepositoryMove): Promise<MoveOutcome> {
  return prisma.$transaction(async (tx): Promise<MoveOutcome> => {
    // the same locks, in the same order, as a verdict's transaction (sync-job-causes.ts): the repository, then owners sorted
    await tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.rollup'), ($1::bigint % 2147483647)::int)`, move.repositoryId.toString());
    const stored = await tx.repository.findUnique({ where: { id: move.repositoryId }, select: { owner: true, name: true } });
    if (!stored) return { moved: false, why: "not a repository Sift has stored" };
    const holder = await tx.repository.findFirst({ where: { owner: move.owner, name: move.name, id: { not: move.repositoryId } }, select: { id: true } });
    if (holder) return { moved: false, why: `${move.owner}/${move.name} is stored for another repository (${holder.id}): left as it is` };
    const owner = move.owner.toLowerCase();
    // the owners whose rollup sums it (any of them may be stale: a later delivery may already have changed Repository.owner)
    const summed = (await tx.orgCauseRepository.findMany({ where: { repositoryId: move.repositoryId }, select: { owner: true } })).map((r) => r.owner);
    const owners = [...new Set([...summed, stored.owner.toLowerCase(), owner])].sort();
    for (const o of owners) await tx.$queryRawUnsafe(`select 1 as locked from pg_advisory_xact_lock(hashtext('sift.rollup.org'), hashtext($1))`, o);
    await tx.installation.upsert({ where: { id: move.installationId }, create: { id: move.installationId, accountLogin: move.owner }, update: {} });
    await tx.repository.update({
      where: { id: move.repositoryId },
      data: { owner: move.owner, name: move.name, private: move.private, installationId: move.installationId, ...(move.defaultBranch ? { defaultBranch: move.defaultBranch } : {}) },
    });
    if (owners.length === 1 && summed.every((o) => o === owner)) return { moved: true, owners: [], days: 0 }; // renamed only: the owner's sums stand
    const rows = await tx.dailyCause.findMany({ where: { repositoryId: move.repositoryId }, select: { day: true, verdict: true, keyType: true, causeKey: true } });
    await tx.orgCauseRepository.deleteMany({ where: { repositoryId: move.repositoryId, owner: { not: owner } } });
    for (const o of owners) {
      const groups = rows.map((r) => ({ owner: o, day: r.day.toISOString().slice(0, 10), verdict: r.verdict, keyType: r.keyType, causeKey: r.causeKey }));
      // the groups of the owners it left are summed without it, the new owner's with it (Repository.owner decides)
      await refreshOrgCauses(tx, groups, o === owner && rows.length > 0 ? [move.repositoryId] : []);
    }
    return { moved: true, owners: owners.filter((o) => o !== owner), days: rows.length };
  }, { timeout: 60_000 });
}
