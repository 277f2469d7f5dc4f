// A CI error is not a failed test: failures are counted as infrastructure or test apart.
import type { ClassifiedFailure } from "../analyse/types.js";

export type FailureKind = "infrastructure" | "test";

// Pattern categories that describe the code under test rather than the machine running it.
const TEST_CATEGORIES = new Set(["test", "tests", "flaky-test", "assertion", "build", "compile", "lint", "typecheck"]);

export function kindOfCategory(category: string | null, patternId: string | null): FailureKind {
  if (patternId === null || category === null) return "test";
  return TEST_CATEGORIES.has(category.toLowerCase()) ? "test" : "infrastructure";
}

/** Genuine failures without a pattern are the code's (fail closed); matched CI causes are infrastructure. */
export function failureKind(failure: Pick<ClassifiedFailure, "category" | "patternId">): FailureKind {
  return kindOfCategory(failure.category, failure.patternId);
}
