// A merge group GitHub took out of the queue (destroyed: dequeued or invalidated) after a failure on
// its SHA: remember it once, with the classes of those failures, and count each cause.
import type { PrismaClient } from "../generated/prisma/client.js";
import { groupAttempts, isFailedConclusion } from "../model/index.js";

/** The bounded set of causes (metric labels). */
export const EJECTION_CAUSES = ["genuine", "flaky", "known-problem", "timed-out", "unanalysed"] as const;
export type EjectionCause = (typeof EJECTION_CAUSES)[number];

const VERDICT_CAUSE: Record<string, EjectionCause> = { genuine: "genuine", flaky: "flaky", known_problem: "known-problem" };

export async function recordEjection(
  prisma: PrismaClient,
  at: { repositoryId: number; sha: string; reason: string; now: Date },
): Promise<EjectionCause[] | null> {
  const repositoryId = BigInt(at.repositoryId);
  const jobs = await prisma.job.findMany({
    where: { repositoryId, headSha: at.sha },
    orderBy: [{ runAttempt: "asc" }, { id: "asc" }],
    include: { classification: { select: { verdict: true } } },
  });
  const causes = new Set<EjectionCause>();
  for (const attempts of groupAttempts(jobs)) {
    const latest = attempts[attempts.length - 1]!;
    if (latest.status !== "completed" || !isFailedConclusion(latest.conclusion)) continue;
    causes.add(VERDICT_CAUSE[latest.classification?.verdict ?? ""] ?? "unanalysed");
  }
  if (causes.size === 0) {
    // No failed job, yet Sift's check failed: it timed out waiting (SIFT_REQUIRED_TIMEOUT_MINUTES).
    const check = await prisma.checkRun.findUnique({ where: { repositoryId_headSha: { repositoryId, headSha: at.sha } }, select: { conclusion: true } });
    if (check?.conclusion === "failure") causes.add("timed-out");
  }
  if (causes.size === 0) return null; // not ejected after a failure: removed by hand, or merged with others
  const list = EJECTION_CAUSES.filter((c) => causes.has(c));
  const { count } = await prisma.mergeQueueEjection.createMany({
    data: [{ repositoryId, headSha: at.sha, reason: at.reason, causes: list, createdAt: at.now }],
    skipDuplicates: true,
  });
  return count > 0 ? list : null;
}
