// The named groups of a statistic's regex (`(?P<kb>\d+)` or `(?<kb>\d+)`): each is one value.
// Read from the source, since RE2 objects do not list their group names before a match.

/** At most this many named groups in one statistic's regex. */
export const MAX_STATISTIC_GROUPS = 10;

export function statisticGroupNames(source: string): string[] {
  const names: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      inClass = c !== "]";
      continue;
    }
    if (c === "[") {
      inClass = true;
      if (source[i + 1] === "^") i++;
      if (source[i + 1] === "]") i++;
      continue;
    }
    if (c !== "(") continue;
    const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i, i + 40));
    if (named) names.push(named[1] as string);
  }
  return names;
}
