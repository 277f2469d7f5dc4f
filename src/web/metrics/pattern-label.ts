// Bounded label values for per-pattern metrics: every built-in library id names itself, other ids
// (repo and org patterns, Sift's own signal ids) the first `maxOthers` seen by this process; the rest
// share "other", so a config with 1,000 patterns cannot blow up the time series.
import { builtinPatterns } from "../../classify/builtins/index.js";
import { boundedLabel, OTHER_LABEL } from "./bounded-label.js";

export const OTHER_PATTERN_LABEL = OTHER_LABEL;
export const MAX_OTHER_PATTERN_LABELS = 100;

export function patternLabeller(maxOthers = MAX_OTHER_PATTERN_LABELS, builtins: ReadonlySet<string> = new Set(builtinPatterns().map((p) => p.id))): (id: string) => string {
  const other = boundedLabel(maxOthers);
  return (id) => (builtins.has(id) ? id : other(id));
}
