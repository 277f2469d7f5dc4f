// At start: has this Sift version another built-in pattern set (or engine) than the one the stored
// verdicts were made with? Then every repository with stored failures in the window is
// re-classified. The hash is that of a repository without a file: built-ins and engine only.
import { builtinPatterns } from "../classify/builtins/index.js";
import { compilePatternSet } from "../classify/index.js";
import { resolvePatterns } from "../config/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { repositoriesWithFailures, requestReclassification } from "./request-reclassification.js";

export function builtinsHash(): string {
  return compilePatternSet(resolvePatterns({}, builtinPatterns())).hash;
}

/** Records `hash` and returns how many repositories were asked to re-classify (0 when it did not change). */
export async function noteBuiltinsVersion(prisma: PrismaClient, o: { hash: string; now: Date; windowDays: number }): Promise<number> {
  const seen = await prisma.builtinsVersion.findUnique({ where: { id: 1 } });
  if (seen?.hash === o.hash) return 0;
  await prisma.builtinsVersion.upsert({ where: { id: 1 }, create: { id: 1, hash: o.hash, seenAt: o.now }, update: { hash: o.hash, seenAt: o.now } });
  const since = new Date(o.now.getTime() - o.windowDays * 24 * 3600 * 1000);
  const repos = await repositoriesWithFailures(prisma, { since });
  const reason = seen ? `Sift's built-in patterns changed (${seen.hash} → ${o.hash})` : `first start with built-in patterns ${o.hash}`;
  return requestReclassification(prisma, { repositoryIds: repos, reason, since, now: o.now });
}
