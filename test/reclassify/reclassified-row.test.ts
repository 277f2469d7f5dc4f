// The row a re-classification writes: decide/'s additions (a known problem, flaky-test evidence)
// survive a pattern change that does not touch them; history keeps the failure's time.
import { expect, it } from "vitest";
import { diffPatternSets } from "../../src/backtest/index.js";
import type { Verdict } from "../../src/classify/index.js";
import { reclassifiedRow } from "../../src/reclassify/index.js";

const at = new Date("2026-05-01T00:00:00Z");
const verdict = (o: Partial<Verdict>): Verdict => ({
  class: "genuine", patternId: "sift.genuine.error", category: "error", description: "", reason: "an error", line: 9, excerpt: "x", matchedText: "Error: x",
  signature: "error: x", retry: { enabled: false }, truncatedHeadBytes: 0, patternSetHash: "new", problems: [], ...o,
});

it("takes the new verdict, keeping the row's time", () => {
  const { row, changed } = reclassifiedRow({ verdict: "genuine", patternId: "sift.genuine.error", knownProblem: null, updatedAt: at }, verdict({ class: "flaky", patternId: "net.reset", description: "Connection reset" }));
  expect(changed).toBe(true);
  expect(row).toMatchObject({ verdict: "flaky", patternId: "net.reset", reason: "Connection reset", confidence: "high", patternSetHash: "new", updatedAt: at });
});

it("keeps a known problem known, and flaky-test evidence while the patterns say genuine", () => {
  expect(reclassifiedRow({ verdict: "known_problem", patternId: "a", knownProblem: "#12", updatedAt: at }, verdict({ class: "flaky", patternId: "b" })).row).toMatchObject({ verdict: "known_problem", patternId: "b" });
  const evidence = reclassifiedRow({ verdict: "flaky", patternId: "sift.evidence.flaky-test", knownProblem: null, updatedAt: at }, verdict({}));
  expect(evidence).toEqual({ row: { patternSetHash: "new", updatedAt: at }, changed: false });
});

it("says which patterns a new set adds, changes and removes", () => {
  const p = (id: string, regex: string) => ({ pattern: { id, regex, class: "flaky" } as never, origin: "repo" as const });
  const diff = diffPatternSets([p("same", "a"), p("edited", "b"), p("gone", "c")], [p("same", "a"), p("edited", "B"), p("new", "d")]);
  expect([...diff.byId]).toEqual([["edited", "changed"], ["new", "added"], ["gone", "removed"]]);
});
