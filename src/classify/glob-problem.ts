// Why a glob cannot be used (job names, test ids), or null. Globs come from comments and repository
// config: bounded in length and stars so picomatch's regex stays small, and refused with a reason.
import picomatch from "picomatch";

export interface GlobLimits {
  maxLength: number;
  /** More stars than this is refused (a test-id glob's backtracking grows with them). */
  maxStars?: number;
  options: picomatch.PicomatchOptions;
}

export function globProblem(glob: string, limits: GlobLimits): string | null {
  if (glob.trim() === "") return "empty glob";
  if (glob.length > limits.maxLength) return `glob longer than ${limits.maxLength} characters`;
  if (limits.maxStars !== undefined && (glob.match(/\*/g)?.length ?? 0) > limits.maxStars) return `more than ${limits.maxStars} stars`;
  let square = 0;
  let curly = 0;
  for (const ch of glob) {
    if (ch < " " || ch === "\u007f") return "glob contains a control character";
    square += ch === "[" ? 1 : ch === "]" ? -1 : 0;
    curly += ch === "{" ? 1 : ch === "}" ? -1 : 0;
    if (square < 0 || curly < 0) return "unbalanced brackets";
  }
  if (square !== 0 || curly !== 0) return "unbalanced brackets";
  try {
    picomatch.makeRe(glob, limits.options);
  } catch (err) {
    return `not a glob (${(err as Error).message})`;
  }
  return null;
}
