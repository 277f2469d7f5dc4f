// The named groups of a statistic's regex (`(?P<kb>\d+)` or `(?<kb>\d+)`): each is one value.
// Read from the source, since RE2 objects do not list their group names before a match.
import { regexTokens } from "./regex-tokens.js";

/** At most this many named groups in one statistic's regex. */
export const MAX_STATISTIC_GROUPS = 10;

export function statisticGroupNames(source: string): string[] {
  const names: string[] = [];
  for (const { at, text, kind } of regexTokens(source)) {
    if (kind !== "plain" || text !== "(") continue;
    const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(at, at + 40));
    if (named) names.push(named[1] as string);
  }
  return names;
}
