// Job and workflow globs (`/retry GLOB`, `/known-broken GLOB`, exclude_workflows, issue job lists).
// Case-insensitive, and `*` crosses `/` because job names such as `build / test (1, 2)` are not paths.
import picomatch from "picomatch";

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
  if (glob.length === 0) return "empty glob";
  if (glob.length > 200) return "glob longer than 200 characters";
  for (const ch of glob) if (ch < " " || ch === "\u007f") return "glob contains a control character";
  let square = 0;
  let curly = 0;
  for (const ch of glob) {
    if (ch === "[") square++;
    else if (ch === "]") square--;
    else if (ch === "{") curly++;
    else if (ch === "}") curly--;
    if (square < 0 || curly < 0) return "unbalanced brackets";
  }
  if (square !== 0 || curly !== 0) return "unbalanced brackets";
  try {
    picomatch.makeRe(glob, options);
  } catch (err) {
    return `not a glob (${(err as Error).message})`;
  }
  return null;
}
