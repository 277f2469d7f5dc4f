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
