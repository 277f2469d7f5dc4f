// When Sift cannot tell, the failure is genuine and the report says why.
import type { ClassifiedFailure } from "./verdict.js";

export function failClosed(reason: string): ClassifiedFailure {
  return {
    class: "genuine",
    patternId: null,
    category: null,
    reason,
    line: null,
    excerpt: null,
    matchedText: null,
    signature: null,
    retry: null,
    issue: null,
    step: null,
    notes: [],
  };
}

/**
 * Sift is stopping: the analysis ends without a verdict (its SHA is handed back and analysed again
 * by the next process), never with a genuine verdict made up from an interrupted classification.
 */
export class AnalysisStopped extends Error {
  override name = "AnalysisStopped";
}
