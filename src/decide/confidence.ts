// How sure Sift is of a final class, in one place (README: "Confidence"):
// - high: a pattern, a runner/platform signal, a declaration, a known-problem issue, broken trunk, a
//   declared flaky test or at least evidence.min_flips flips made the failure flaky or known; or a
//   genuine failure whose decisive line is a compiler or test-failure message, with no re-run at the
//   same commit ever having cleared it;
// - medium: genuine on a generic error line, or genuine although some re-run evidence (too little,
//   or overruled by broken trunk or the PR changing the test) says the test can be flaky;
// - low: the genuine fallback without a specific line: no log, no failing step, nothing recognisable,
//   a platform timeout, or Sift could not classify the job.
import type { ClassifiedFailure, Confidence, VerdictClass } from "../model/index.js";

// The picker's compiler and test-failure lines (src/classify/pick.ts): an assertion and a diagnostic are the most specific.
const SPECIFIC = new Set(["sift.genuine.assertion", "sift.genuine.diagnostic", "sift.genuine.test-failure", "sift.genuine.test-timeout", "sift.genuine.build-error"]);

/** `contested`: flips or a declaration say the failing test can be flaky, yet the failure stayed genuine. */
export function confidenceOf(r: { finalClass: VerdictClass; failure: Pick<ClassifiedFailure, "patternId" | "line">; contested?: boolean }): Confidence {
  if (r.finalClass !== "genuine") return "high";
  const f = r.failure;
  if (f.patternId === null || f.line === null || f.patternId === "sift.genuine.unknown" || f.patternId.startsWith("sift.signal.")) return "low";
  if (r.contested === true || !SPECIFIC.has(f.patternId)) return "medium";
  return "high";
}
