// A `classifyJob` stage that downloads nothing: the job's kept text (FailureText) judged again with
// the analysis's pattern set. A job with no kept text (no log was ever had) keeps its stored
// failure-level verdict; with neither, it is genuine and says why (fail closed).
import type { Classification, PrismaClient } from "../generated/prisma/client.js";
import { reclassify } from "../backtest/index.js";
import type { CompiledPatternSet } from "../classify/index.js";
import { failureTextFromRow } from "../keep/index.js";
import { failClosed, type AnalysisStages, type ClassifiedFailure } from "../model/index.js";
import { toFailure } from "./classify-job.js";

export function createStoredClassifyStage(prisma: PrismaClient): AnalysisStages<CompiledPatternSet>["classifyJob"] {
  return async (job, ctx) => {
    const kept = await prisma.failureText.findUnique({ where: { jobId: job.id } });
    if (kept) return toFailure(reclassify(await failureTextFromRow(kept), ctx.config.compiled, job));
    const stored = await prisma.classification.findUnique({ where: { jobId: job.id } });
    if (stored) return fromStored(stored, ctx.config.compiled.hash);
    return failClosed("no kept text of this job's log to classify it again (nothing is downloaded when patterns change)");
  };
}

function fromStored(c: Classification, patternSetHash: string): ClassifiedFailure {
  return {
    class: c.verdict === "flaky" ? "flaky" : "genuine",
    patternId: c.patternId,
    category: c.category,
    reason: c.reason,
    line: c.line,
    excerpt: c.excerpt,
    matchedText: c.matchedText,
    signature: c.signature,
    retry: null,
    issue: null,
    step: null,
    notes: [],
    patternSetHash,
  };
}
