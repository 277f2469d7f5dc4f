// The one definition of "kind": was a failure the CI's doing (infrastructure) or the doing of the
// code under test (test)? Derived from the verdict, so that database rows, /metrics and the history
// page count alike, and old rows are counted by today's rule without a migration.
import type { VerdictClass } from "./verdict.js";

export type FailureKind = "infrastructure" | "test";

export const FAILURE_KINDS: readonly FailureKind[] = ["infrastructure", "test"];

// Causes that belong to the machine, network or services running the job, not to the code.
const INFRASTRUCTURE_CATEGORIES = new Set([
  "runner", "network", "registry", "disk", "memory", "oom", "timeout", "git", "rate-limit", "service",
  "port", "workspace", "artifacts", "infrastructure", "infra", "cancelled", "github", "coverage", "cache",
]);

export interface KindFields {
  verdict: VerdictClass | "known_problem";
  patternId: string | null;
  category: string | null;
}

/**
 * Every genuine failure is the code's (fail closed), and so is a failure without a cause or with a
 * cause Sift derives from the code's own output (`sift.genuine.*`: assertions, compile errors). A
 * flaky or known failure is infrastructure when its cause is a CI one (runner, network, registry,
 * disk, memory, timeout…); a flaky test or a known broken test stays a test failure.
 */
export function failureKind(v: KindFields): FailureKind {
  if (v.verdict === "genuine" || v.patternId === null || v.category === null) return "test";
  if (v.patternId.startsWith("sift.genuine.")) return "test";
  return INFRASTRUCTURE_CATEGORIES.has(v.category.toLowerCase()) ? "infrastructure" : "test";
}
