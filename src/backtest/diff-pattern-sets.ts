// PURE: which patterns a new effective pattern set adds, changes or removes, by id (built-ins,
// org and repo layers alike: a repo pattern that replaces a built-in of its id changes it).
import type { SourcedPattern } from "../config/index.js";

export type PatternChange = "added" | "changed" | "removed";

export interface PatternSetDiff {
  /** id → how the new set differs from the old one; ids absent here are the same in both. */
  byId: Map<string, PatternChange>;
}

export function diffPatternSets(before: readonly SourcedPattern[], after: readonly SourcedPattern[]): PatternSetDiff {
  const old = new Map(before.map((s) => [s.pattern.id, JSON.stringify([s.origin, s.pattern])]));
  const byId = new Map<string, PatternChange>();
  for (const s of after) {
    const was = old.get(s.pattern.id);
    if (was === undefined) byId.set(s.pattern.id, "added");
    else if (was !== JSON.stringify([s.origin, s.pattern])) byId.set(s.pattern.id, "changed");
  }
  const now = new Set(after.map((s) => s.pattern.id));
  for (const id of old.keys()) if (!now.has(id)) byId.set(id, "removed");
  return { byId };
}
