// Step 4: the verdict of each failed job from this analysis, replacing the previous one, with the
// hash of the pattern set that made it; and the failing step's text kept for re-classification.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Verdict } from "../generated/prisma/enums.js";
import { saveFailureText } from "../keep/index.js";
import type { JobReport, VerdictClass } from "./types.js";

const VERDICT: Record<VerdictClass, Verdict> = { flaky: "flaky", "known-problem": "known_problem", genuine: "genuine" };

export async function saveClassifications(prisma: PrismaClient, jobs: JobReport[], at: { repositoryId: number; now: Date }): Promise<void> {
  for (const { job, failure, finalClass, knownProblem } of jobs) {
    const data = {
      verdict: VERDICT[finalClass],
      patternId: failure.patternId,
      category: failure.category,
      patternSetHash: failure.patternSetHash ?? null,
      line: failure.line,
      excerpt: failure.excerpt,
      matchedText: failure.matchedText,
      signature: failure.signature,
      reason: failure.reason,
      knownProblem: knownProblem?.description ?? null,
    };
    await prisma.classification.upsert({ where: { jobId: job.id }, create: { jobId: job.id, ...data }, update: data });
    if (failure.kept) await saveFailureText(prisma, { jobId: job.id, repositoryId: at.repositoryId, now: at.now }, failure.kept);
  }
}
