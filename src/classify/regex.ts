// The one place regexes are built. RE2 only (linear time: patterns come from contributors and
// must not be able to hang the app), compiled once and cached, errors quote the pattern.
import RE2 from "re2";
import { regexTokens } from "./regex-tokens.js";

export class PatternRegexError extends Error {
  constructor(
    readonly patternId: string,
    readonly field: string,
    readonly source: string,
    readonly reason: string,
  ) {
    super(`pattern "${patternId}": ${field} ${JSON.stringify(source.length > 120 ? `${source.slice(0, 117)}...` : source)} does not compile under RE2: ${reason}`);
    this.name = "PatternRegexError";
  }
}

export interface RegexOptions {
  /** The pattern id errors name, e.g. "net.dns" or "sift.pick.test-failure". */
  id: string;
  /** Which key of the pattern holds the regex ("regex", "unless"). */
  field?: string;
  /** RE2 flags: "m" (^/$ at lines), "g" (iterate), "i". */
  flags?: string;
}

/**
 * Counted repetitions (`{m,n}`) a pattern may add up to. RE2 expands each into copies, and compile
 * time grows faster than their sum: 45 × `[a-z]{1,1000}` took 7 s to compile alone.
 */
export const MAX_REPETITIONS = 2000;

/** Constructs RE2 rejects, named the way a contributor would search for them. */
function unsupported(source: string): string | undefined {
  for (const { at, text, kind } of regexTokens(source)) {
    if (kind === "escape") {
      if (/[1-9]/.test(text[1] ?? "")) return `back-reference ${text} is not supported (RE2 has no back-references)`;
      if (text === "\\k" && source[at + 2] === "<") return "named back-reference \\k<…> is not supported (RE2 has no back-references)";
    } else if (kind === "plain" && text === "(" && source[at + 1] === "?") {
      const op = source.slice(at + 2, at + 4);
      if (op.startsWith("=") || op.startsWith("!")) return `look-ahead (?${op[0]}…) is not supported (RE2 has no look-around)`;
      if (op === "<=" || op === "<!") return `look-behind (?${op}…) is not supported (RE2 has no look-around)`;
      if (op.startsWith(">")) return "atomic group (?>…) is not supported by RE2";
    }
  }
  const repetitions = countedRepetitions(source);
  if (repetitions > MAX_REPETITIONS) return `counted repetitions ({m,n}) add up to ${repetitions}, more than ${MAX_REPETITIONS}: RE2 would take seconds to compile it`;
  return undefined;
}

/** The sum of the upper counts of `{m}`, `{m,}` and `{m,n}` outside character classes. */
export function countedRepetitions(source: string): number {
  let sum = 0;
  for (const { at, text, kind } of regexTokens(source)) {
    if (kind !== "plain" || text !== "{") continue;
    const counted = /^\{(\d+)(?:,(\d*))?\}/.exec(source.slice(at, at + 16));
    if (counted) sum += Math.max(Number(counted[1]), Number(counted[2] || 0));
  }
  return sum;
}

const MAX_CACHE = 4096;
const cache = new Map<string, RE2>();

/** Compiles (or returns the cached) RE2 for `source`; throws PatternRegexError with the reason. */
export function compileRegex(source: string, options: RegexOptions): RE2 {
  const flags = options.flags ?? "";
  const key = `${flags}\u0000${source}`;
  const hit = cache.get(key);
  if (hit) {
    hit.lastIndex = 0;
    return hit;
  }
  const field = options.field ?? "regex";
  const rejected = unsupported(source);
  if (rejected) throw new PatternRegexError(options.id, field, source, rejected);
  let re: RE2;
  try {
    re = new RE2(source, flags);
  } catch (error) {
    throw new PatternRegexError(options.id, field, source, error instanceof Error ? error.message : String(error));
  }
  if (cache.size >= MAX_CACHE) cache.delete(cache.keys().next().value as string);
  cache.set(key, re);
  return re;
}

/** Checks that `source` compiles; returns the reason when it does not. */
export function regexProblem(source: string, options: RegexOptions): string | undefined {
  try {
    compileRegex(source, options);
    return undefined;
  } catch (error) {
    return error instanceof PatternRegexError ? error.reason : String(error);
  }
}

/** An RE2.Set over many sources (one pass for all of them); sources must already compile. */
export function compileRegexSet(sources: string[], flags = "m"): InstanceType<typeof RE2.Set> {
  return new RE2.Set(sources, flags);
}

export { RE2 };
