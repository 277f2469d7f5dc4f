// How long the check run of a SHA has been waiting in progress: from the first write that left it
// in progress (CheckRun.waitingSince), bounded by SIFT_REQUIRED_TIMEOUT_MINUTES.
import type { PrismaClient } from "../generated/prisma/client.js";
import { requiredWaitOver } from "../model/index.js";

export interface RequiredWait {
  since: Date;
  timedOut: boolean;
  /** When the wait runs out (null: no limit): the SHA is analysed again then, even if nothing reports. */
  deadline: Date | null;
}

export async function requiredWait(prisma: PrismaClient, at: { repositoryId: number; sha: string }, now: Date, timeoutMinutes: number): Promise<RequiredWait> {
  const row = await prisma.checkRun.findUnique({
    where: { repositoryId_headSha: { repositoryId: BigInt(at.repositoryId), headSha: at.sha } },
    select: { status: true, waitingSince: true },
  });
  const since = row?.status === "in_progress" && row.waitingSince ? row.waitingSince : now;
  return {
    since,
    timedOut: requiredWaitOver(since, now, timeoutMinutes),
    deadline: timeoutMinutes > 0 ? new Date(since.getTime() + timeoutMinutes * 60_000) : null,
  };
}

export function earliest(...dates: (Date | null | undefined)[]): Date | undefined {
  const set = dates.filter((d): d is Date => d instanceof Date);
  return set.length ? new Date(Math.min(...set.map((d) => d.getTime()))) : undefined;
}
