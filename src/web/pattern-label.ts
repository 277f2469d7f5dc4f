// Bounded label values for per-pattern metrics: every built-in library id names itself, other ids
// (repo and org patterns, Sift's own signal ids) the first `maxOthers` seen by this process; the rest
// share "other", so a config with 1,000 patterns cannot blow up the time series.
import { builtinPatterns } from "../classify/builtins/index.js";

export const OTHER_PATTERN_LABEL = "other";
export const MAX_OTHER_PATTERN_LABELS = 100;

export function patternLabeller(maxOthers = MAX_OTHER_PATTERN_LABELS, builtins: ReadonlySet<string> = new Set(builtinPatterns().map((p) => p.id))): (id: string) => string {
  const others = new Set<string>();
  return (id) => {
    if (builtins.has(id) || others.has(id)) return id;
    if (others.size < maxOthers) {
      others.add(id);
      return id;
    }
    return OTHER_PATTERN_LABEL;
  };
}
