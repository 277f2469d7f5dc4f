// Whether an owner's causes rollup (OrgDailyCause) may answer for a reader: the reader can read every
// repository of the owner, and the rollup sums exactly the ones with failures. A repository's move
// (the `repository` webhook) sums both owners' rollups again (src/rollup/move-repository.ts); one Sift
// missed, or a deleted repository, leaves its failures in the old owner's sums until `rebuild-causes`,
// and until then the page reads the per-repository rows, which follow Repository, so nobody sees
// failures of a repository they cannot read.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { RepoRef } from "../reader.js";

/** The lower-cased owner whose rollup stands for `readable`, or undefined to read per repository. */
export async function ownerRollup(prisma: PrismaClient, owner: string, all: readonly RepoRef[], readable: readonly RepoRef[]): Promise<string | undefined> {
  if (readable.length !== all.length) return undefined;
  const key = owner.toLowerCase();
  const ids = new Set(all.map((r) => r.id.toString()));
  const covered = new Set((await prisma.orgCauseRepository.findMany({ where: { owner: key }, select: { repositoryId: true } })).map((r) => r.repositoryId.toString()));
  if ([...covered].some((id) => !ids.has(id))) return undefined;
  const uncovered = all.filter((r) => !covered.has(r.id.toString())).map((r) => r.id);
  if (uncovered.length > 0 && (await prisma.dailyCause.findFirst({ where: { repositoryId: { in: uncovered } }, select: { repositoryId: true } }))) return undefined;
  return key;
}
