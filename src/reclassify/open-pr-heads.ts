// The head SHAs whose report people are looking at: for each pull request of the repository seen
// since `since`, its newest head SHA (Sift does not follow pull requests closing; a closed one's
// last report is refreshed too, which is harmless).
import type { PrismaClient } from "../generated/prisma/client.js";

export async function openPullRequestHeads(prisma: PrismaClient, repositoryId: number, since: Date): Promise<Set<string>> {
  const heads = await prisma.headCommit.findMany({
    where: { repositoryId: BigInt(repositoryId), createdAt: { gte: since }, NOT: { prNumbers: { isEmpty: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { sha: true, prNumbers: true },
  });
  const seen = new Set<number>();
  const out = new Set<string>();
  for (const h of heads) {
    const fresh = h.prNumbers.filter((n) => !seen.has(n));
    h.prNumbers.forEach((n) => seen.add(n));
    if (fresh.length > 0) out.add(h.sha);
  }
  return out;
}
