// A top-level list of one `.github/sift.yml` layer (patterns, statistics): its entries up to the
// most it may hold, with a problem where it is not a list or holds more.
import type { ConfigProblem } from "../model/index.js";

export function listEntries(raw: unknown, file: string, key: "patterns" | "statistics", most: number, problems: ConfigProblem[]): unknown[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ file, path: key, message: `must be a list of ${key}` });
    return [];
  }
  if (raw.length > most) problems.push({ file, path: key, message: `at most ${most} ${key}: the ${raw.length - most} after the ${most}th are ignored` });
  return raw.slice(0, most);
}
