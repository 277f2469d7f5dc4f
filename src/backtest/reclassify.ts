// PURE: a stored failure text judged again with another pattern set, as the classify stage judged
// the log: the kept lines with the failing step where it was, line numbers as in the whole log.
import { classify, type CompiledPatternSet, type Verdict } from "../classify/index.js";
import type { FailureText } from "../keep/index.js";
import { createLineIndex } from "../logs/index.js";
import type { LogFormat, NormalisedLog } from "../logs/index.js";

export interface StoredJob {
  name: string;
  workflowName: string | null;
  headBranch: string | null;
  conclusion: string | null;
}

export function reclassify(kept: FailureText, compiled: CompiledPatternSet, job: StoredJob): Verdict {
  const verdict = classify({
    log: keptLog(kept),
    compiled,
    context: { jobName: job.name, ...(job.workflowName ? { workflowName: job.workflowName } : {}), ...(job.headBranch ? { branch: job.headBranch } : {}) },
    signals: { conclusion: job.conclusion },
  });
  return verdict.line === null ? verdict : { ...verdict, line: verdict.line + kept.firstLine - 1 };
}

function keptLog(kept: FailureText): NormalisedLog {
  const index = createLineIndex(kept.text);
  const local = (n: number) => Math.min(index.lineCount, Math.max(1, n - kept.firstLine + 1));
  const step = { name: kept.stepName ?? "(whole log)", startLine: local(kept.stepStart), endLine: local(kept.stepEnd), post: false };
  return {
    text: kept.text,
    format: kept.format as LogFormat,
    steps: [step],
    failingStep: step,
    failingStepReason: kept.stepReason,
    truncatedHeadBytes: kept.truncatedHeadBytes,
    ...index,
  };
}
