// The verdict of each failed job from this analysis, replacing the previous one (inside the
// transaction that also stores the check run's record).
import type { Prisma } from "../generated/prisma/client.js";
import type { Verdict } from "../generated/prisma/enums.js";
import type { JobReport, VerdictClass } from "../model/index.js";

const VERDICT: Record<VerdictClass, Verdict> = { flaky: "flaky", "known-problem": "known_problem", genuine: "genuine" };

export async function saveClassifications(prisma: Prisma.TransactionClient, jobs: JobReport[]): Promise<void> {
  for (const { job, failure, finalClass, knownProblem } of jobs) {
    const data = {
      verdict: VERDICT[finalClass],
      patternId: failure.patternId,
      category: failure.category,
      line: failure.line,
      excerpt: failure.excerpt,
      matchedText: failure.matchedText,
      signature: failure.signature,
      reason: failure.reason,
      knownProblem: knownProblem?.description ?? null,
    };
    await prisma.classification.upsert({ where: { jobId: job.id }, create: { jobId: job.id, ...data }, update: data });
  }
}
