// What a classified failure counts for on the causes pages: flaky and known failures by their
// pattern, genuine ones by their failure line and by each failing test. The line is the stored
// signature (signature.ts) with URLs and paths folded too: "TS2322 in src/a.ts" and "TS2322 in
// src/b.ts" are one cause here. The stored signature keeps its paths, because trunk and flip
// matching must not take an error in another file for the same failure.
import { compileRegex } from "./regex.js";
import { failureSignature } from "./signature.js";

export type CauseKeyType = "pattern" | "signature" | "test";

export interface CauseKey {
  type: CauseKeyType;
  key: string;
}

export interface CauseFields {
  verdict: "flaky" | "known_problem" | "known-problem" | "genuine";
  patternId: string | null;
  signature: string | null;
  /** The failing tests' keys (FailingTest.testKey), counted for genuine failures only. */
  testKeys: readonly string[];
}

/** The cause of a failure with neither pattern nor signature. */
export const NO_CAUSE = "no pattern matched";
/** Tests counted per failure: a run that fails 500 tests is one failure, not 500 causes. */
export const MAX_TEST_CAUSES = 20;
const MAX_KEY = 300;

const FOLDS: readonly [string, string, string][] = [
  ["url", String.raw`\b[A-Za-z][A-Za-z0-9+.-]*://[^\s'"()\[\]]+`, "<url>"],
  ["file", String.raw`(?:~|\b[A-Za-z]:)?[/\\]?\b(?:[\w@.+~-]+[/\\])+[\w@+~-]+(?:\.[\w-]+)*\.[A-Za-z]\w{0,7}\b`, "<path>"],
  ["dir", String.raw`(?:~|\b[A-Za-z]:)?(?:[/\\][\w@.+~-]+){2,}[/\\]?`, "<path>"],
];

/** A stored signature as the causes pages group it: re-folded (old rows too), paths and URLs folded, no `genuine:` prefix. */
export function causeSignature(signature: string): string {
  let out = failureSignature(signature.startsWith("genuine:") ? signature.slice("genuine:".length) : signature);
  for (const [name, source, placeholder] of FOLDS) out = compileRegex(source, { id: `sift.cause.${name}`, flags: "g" }).replace(out, placeholder);
  return out.slice(0, MAX_KEY);
}

/** The causes a classified failure counts for: one by pattern or signature, then (genuine only) its tests. */
export function causeKeys(c: CauseFields): CauseKey[] {
  const derived = c.patternId === null || c.patternId.startsWith("sift.genuine.");
  if (c.verdict !== "genuine" && !derived) return [{ type: "pattern", key: (c.patternId ?? NO_CAUSE).slice(0, MAX_KEY) }];
  const signature = c.signature ? causeSignature(c.signature) : "";
  const first: CauseKey = signature ? { type: "signature", key: signature } : { type: "pattern", key: (c.patternId ?? NO_CAUSE).slice(0, MAX_KEY) };
  if (c.verdict !== "genuine") return [first];
  const tests = [...new Set(c.testKeys.map((k) => k.slice(0, MAX_KEY)))].slice(0, MAX_TEST_CAUSES);
  return [first, ...tests.map((key): CauseKey => ({ type: "test", key }))];
}
