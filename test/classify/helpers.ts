// Builds compiled pattern sets and classifies small synthetic logs for the engine tests.
import { classify, compilePatternSet, type JobContext, type JobSignals, type Verdict } from "../../src/classify/index.js";
import type { PatternOrigin } from "../../src/config/merge.js";
import { patternSchema, type PatternInput } from "../../src/config/schema.js";
import { normaliseLog, type ApiStep } from "../../src/logs/index.js";

export function compiled(patterns: (PatternInput & { origin?: PatternOrigin })[]) {
  return compilePatternSet(patterns.map(({ origin, ...p }) => ({ pattern: patternSchema.parse(p), origin: origin ?? "repo" })));
}

/** A GitHub Actions log: `setup` lines, then a failing step `Run test` with `lines`, then cleanup. */
export function ghaLog(lines: string[], options: { setup?: string[]; cleanup?: string[]; exitCode?: number } = {}): string {
  const body = [
    ...(options.setup ?? ["Current runner version: '2.300.0'"]),
    "##[group]Run make test",
    "make test",
    "##[endgroup]",
    ...lines,
    `##[error]Process completed with exit code ${options.exitCode ?? 1}.`,
    "Post job cleanup.",
    ...(options.cleanup ?? ["[command]/usr/bin/git version"]),
    "Cleaning up orphan processes",
  ];
  return body.map((l, i) => `2024-05-01T10:00:${String(i % 60).padStart(2, "0")}.1234567Z ${l}`).join("\n") + "\n";
}

export function verdictOf(
  text: string,
  patterns: (PatternInput & { origin?: PatternOrigin })[],
  extra: { context?: JobContext; signals?: JobSignals; apiSteps?: ApiStep[] } = {},
): Verdict {
  return classify({
    log: normaliseLog(text, extra.apiSteps ? { apiSteps: extra.apiSteps } : {}),
    compiled: compiled(patterns),
    ...(extra.context ? { context: extra.context } : {}),
    ...(extra.signals ? { signals: extra.signals } : {}),
  });
}
