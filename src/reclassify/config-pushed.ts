// A push to a default branch that touched `.github/sift.yml`: the repository's effective pattern
// set may have changed — or, in the org's `.github` repository, that of every repository of the
// owner (org defaults). Their stored failures of the window are re-classified.
import type { PrismaClient } from "../generated/prisma/client.js";
import { repositoriesWithFailures, requestReclassification } from "./request-reclassification.js";

export interface ConfigPush {
  repositoryId: number;
  owner: string;
  repo: string;
  sha: string;
}

export async function configPushed(prisma: PrismaClient, push: ConfigPush, o: { now: Date; windowDays: number }): Promise<number> {
  const since = new Date(o.now.getTime() - o.windowDays * 24 * 3600 * 1000);
  const org = push.repo === ".github";
  const repos = org ? await repositoriesWithFailures(prisma, { since, owner: push.owner }) : [BigInt(push.repositoryId)];
  const reason = `${org ? "org defaults" : ".github/sift.yml"} changed on the default branch of ${push.owner}/${push.repo} (${push.sha.slice(0, 12)})`;
  // A repository with nothing stored has nothing to re-classify, but its row records the request.
  return requestReclassification(prisma, { repositoryIds: org ? repos : await known(prisma, repos), reason, since, now: o.now });
}

async function known(prisma: PrismaClient, ids: bigint[]): Promise<bigint[]> {
  const rows = await prisma.repository.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return rows.map((r) => r.id);
}
