// PURE: a stored verdict and what the new pattern set says of the same kept text → the row to
// write. What decide/ added on top of the patterns stays: a declaration, issue or broken trunk
// (knownProblem), and flaky-test evidence or a declared flaky test while the patterns still say
// genuine. The row keeps its updatedAt: history counts a failure when it happened, not when it was
// re-classified.
import type { Verdict } from "../classify/index.js";
import { confidenceOf, DECLARED_PATTERN, EVIDENCE_PATTERN } from "../decide/index.js";
import type { VerdictClass } from "../model/index.js";

export type StoredVerdict = "flaky" | "known_problem" | "genuine";

export interface StoredClassification {
  verdict: StoredVerdict;
  patternId: string | null;
  knownProblem: string | null;
  updatedAt: Date;
}

export interface ReclassifiedRow {
  verdict: StoredVerdict;
  patternId: string | null;
  category: string | null;
  line: number | null;
  excerpt: string | null;
  matchedText: string | null;
  signature: string | null;
  reason: string;
  confidence: string;
  patternSetHash: string;
  updatedAt: Date;
}

const TO_DB: Record<VerdictClass, StoredVerdict> = { flaky: "flaky", "known-problem": "known_problem", genuine: "genuine" };
const BY_DECIDE = new Set([EVIDENCE_PATTERN, DECLARED_PATTERN]);

/** `changed`: the final class or the deciding pattern differs from the stored one. */
export function reclassifiedRow(stored: StoredClassification, v: Verdict): { row: ReclassifiedRow | { patternSetHash: string; updatedAt: Date }; changed: boolean } {
  const keepsDecision = stored.patternId !== null && BY_DECIDE.has(stored.patternId) && v.class === "genuine";
  if (keepsDecision) return { row: { patternSetHash: v.patternSetHash, updatedAt: stored.updatedAt }, changed: false };
  const finalClass: VerdictClass = stored.knownProblem ? "known-problem" : v.class;
  const row: ReclassifiedRow = {
    verdict: TO_DB[finalClass],
    patternId: v.patternId,
    category: v.category,
    line: v.line,
    excerpt: v.excerpt || null,
    matchedText: v.matchedText || null,
    signature: v.signature || null,
    reason: v.class === "genuine" ? v.reason : v.description || v.reason,
    confidence: confidenceOf({ finalClass, failure: { patternId: v.patternId, line: v.line } }),
    patternSetHash: v.patternSetHash,
    updatedAt: stored.updatedAt,
  };
  return { row, changed: row.verdict !== stored.verdict || row.patternId !== stored.patternId };
}
