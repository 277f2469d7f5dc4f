// `/known-broken GLOB reason…` and `/known-broken --clear [GLOB]`. On a PR the declaration covers that
// PR; on a default-branch commit it is repo-wide for 7 days (declaring it again renews it) and ends
// itself once the job passes there (src/retry/clear-passing-declarations.ts).
import type { PrismaClient } from "../generated/prisma/client.js";
import type { CommandSite } from "./command-site.js";

export const REPO_WIDE_DAYS = 7;

function scope(site: CommandSite) {
  return { repositoryId: BigInt(site.repositoryId), prNumber: site.prNumber, clearedAt: null };
}

export async function declareKnownBroken(prisma: PrismaClient, site: CommandSite, glob: string, reason: string, now: Date): Promise<void> {
  const expiresAt = site.prNumber === null ? new Date(now.getTime() + REPO_WIDE_DAYS * 86_400_000) : null;
  const existing = await prisma.knownBroken.findFirst({ where: { ...scope(site), jobGlob: glob } });
  const data = { reason, declaredBy: site.comment.author, headSha: site.sha, expiresAt };
  if (existing && (existing.expiresAt === null || existing.expiresAt > now)) {
    await prisma.knownBroken.update({ where: { id: existing.id }, data });
    return;
  }
  await prisma.knownBroken.create({ data: { ...data, repositoryId: BigInt(site.repositoryId), jobGlob: glob, prNumber: site.prNumber } });
}

/** Clears the active declarations of this PR (or the repo-wide ones), only those with GLOB when given. */
export async function clearKnownBroken(prisma: PrismaClient, site: CommandSite, glob: string | null, now: Date): Promise<number> {
  const { count } = await prisma.knownBroken.updateMany({
    where: { ...scope(site), ...(glob ? { jobGlob: glob } : {}) },
    data: { clearedAt: now, clearedBy: site.comment.author },
  });
  return count;
}
