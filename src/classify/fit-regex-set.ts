// One RE2.Set over the whole-log probes, even when some patterns cannot join it: regexes that compile one by
// one can still be too large together (RE2's memory budget), and one such pattern must not silence
// Sift for a repository. Required sources (built-ins, Sift's own probes) always go in; optional ones
// (repo and org patterns) go in lightest first (so one huge pattern cannot crowd out the small ones)
// as long as the set still compiles. The set keeps the sources' own order.
import { compileRegexSet } from "./regex.js";

export type RegexSet = ReturnType<typeof compileRegexSet>;

export interface FittedSet {
  set: RegexSet;
  /** Indices (into the sources) in the set, in order: the set's match() answers positions in this list. */
  kept: number[];
  /** Optional sources that could not join the set with those before them. */
  dropped: number[];
  /** Optional sources never tried because the attempt budget ran out (dropped too). */
  untried: number[];
}

/** Set compilations one config may cost (a failed one of 1000 patterns takes about a second). */
const MAX_ATTEMPTS = 16;

export function fitRegexSet(sources: readonly string[], required: (index: number) => boolean, weight: (source: string) => number = (s) => s.length): FittedSet {
  let attempts = 0;
  const compile = (indices: readonly number[]): RegexSet | undefined => {
    attempts++;
    try {
      return compileRegexSet(indices.map((i) => sources[i] as string));
    } catch {
      return undefined;
    }
  };
  const all = sources.map((_, i) => i);
  const whole = compile(all);
  if (whole) return { set: whole, kept: all, dropped: [], untried: [] };

  const accepted = new Set<number>();
  const inOrder = (extra: readonly number[]) => {
    const more = new Set(extra);
    return all.filter((i) => required(i) || accepted.has(i) || more.has(i));
  };
  let best = compileRegexSet(inOrder([]).map((i) => sources[i] as string)); // the required sources alone must fit: a failure is Sift's bug
  let rest = all.filter((i) => !required(i)).sort((a, b) => weight(sources[a] as string) - weight(sources[b] as string));
  const dropped: number[] = [];
  while (rest.length > 0 && attempts < MAX_ATTEMPTS) {
    // The longest prefix of `rest` that still fits (the whole of it does not).
    let lo = 0;
    let hi = rest.length - 1;
    while (lo < hi && attempts < MAX_ATTEMPTS) {
      const mid = (lo + hi + 1) >> 1;
      const set = compile(inOrder(rest.slice(0, mid)));
      if (set) {
        lo = mid;
        best = set;
      } else hi = mid - 1;
    }
    for (const i of rest.slice(0, lo)) accepted.add(i);
    if (lo < hi) break; // out of attempts: what is not known to fit stays out
    dropped.push(rest[lo] as number);
    rest = rest.slice(lo + 1);
    if (rest.length === 0 || attempts >= MAX_ATTEMPTS) break;
    const set = compile(inOrder(rest));
    if (set) {
      for (const i of rest) accepted.add(i);
      best = set;
      rest = [];
    }
  }
  const kept = inOrder([]);
  return { set: best, kept, dropped, untried: rest.filter((i) => !accepted.has(i) && !dropped.includes(i)) };
}
