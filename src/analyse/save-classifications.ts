// The verdict of each failed job from this analysis, with the hash of the pattern set that made it,
// replacing the previous one (inside the transaction that also stores the check run's record), with
// its failing tests (and the tests its runner reported flaky) for later flaky-test evidence, and the
// causes and health rollups (src/rollup/).
import type { Prisma } from "../generated/prisma/client.js";
import type { Verdict } from "../generated/prisma/enums.js";
import { failingTestKey } from "../classify/index.js";
import type { JobReport, VerdictClass } from "../model/index.js";
import { refreshMainDaysOfJobs, syncJobCauses } from "../rollup/index.js";

const VERDICT: Record<VerdictClass, Verdict> = { flaky: "flaky", "known-problem": "known_problem", genuine: "genuine" };

export async function saveClassifications(prisma: Prisma.TransactionClient, jobs: JobReport[], repositoryId: number): Promise<void> {
  for (const { job, failure, finalClass, knownProblem, confidence, evidence } of jobs) {
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
      confidence: confidence ?? null,
      observedPatternIds: failure.observed ?? [],
      evidence: (evidence ?? []).map((e) => ({ text: e.text, links: e.links.map((l) => ({ label: l.label, url: l.url })) })),
    };
    await prisma.classification.upsert({ where: { jobId: job.id }, create: { jobId: job.id, ...data }, update: data });
    await saveFailingTests(prisma, repositoryId, job.id, failure);
  }
  // the causes pages' rollup, in the same transaction: a new verdict of a job moves its count
  await syncJobCauses(prisma, jobs.map((j) => j.job.id));
  // and the health pages' stored days of these commits: a new verdict can make a commit broken or green
  await refreshMainDaysOfJobs(prisma, jobs.map((j) => j.job.id));
}

async function saveFailingTests(prisma: Prisma.TransactionClient, repositoryId: number, jobId: number, failure: JobReport["failure"]): Promise<void> {
  const row = (t: { id: string; file?: string | undefined }, runnerFlaky: string | null) => ({
    repositoryId: BigInt(repositoryId),
    jobId,
    testKey: failingTestKey(t.id),
    testId: t.id,
    file: t.file ?? null,
    runnerFlaky,
  });
  const rows = [...(failure.tests ?? []).map((t) => row(t, null)), ...(failure.flakyReports ?? []).map((r) => row(r, r.how))];
  await prisma.failingTest.deleteMany({ where: { jobId } });
  if (rows.length > 0) await prisma.failingTest.createMany({ data: rows });
}
