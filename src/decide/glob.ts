// Job and workflow globs (`/retry GLOB`, `/known-broken GLOB`, exclude_workflows, issue job lists).
// Case-insensitive, and `*` crosses `/` because job names such as `build / test (1, 2)` are not paths.
import picomatch from "picomatch";
import { globProblem as globProblemWithin } from "../classify/glob-problem.js";

export type NameMatcher = (name: string) => boolean;

const options = { nocase: true, dot: true, bash: true } as const;

/** A matcher for any of the globs, or null when one of them is not a usable glob. */
export function globMatcher(globs: readonly string[]): NameMatcher | null {
  const tests: NameMatcher[] = [];
  for (const g of globs) {
    const problem = globProblem(g);
    if (problem) return null;
    tests.push(picomatch(g, options));
  }
  return (name) => tests.some((t) => t(name));
}

/** Why a glob cannot be used, or null when it is fine. */
export function globProblem(glob: string): string | null {
  return globProblemWithin(glob, { maxLength: 200, options });
}
