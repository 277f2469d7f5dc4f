// Remembers the effective pattern set (ids, layers, classes, observe mode) and `demote` settings a
// repository's latest analysis used, so the patterns page lists every pattern, matched or not, and
// says which are observed, without asking GitHub. Written only when its hash or settings change.
import type { LoadedConfig } from "../config/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";

export interface PatternSetEntry {
  id: string;
  origin: "repo" | "org" | "builtin";
  class: "flaky" | "known-problem";
  category: string;
  observe: boolean;
}

export function patternSetEntries(config: LoadedConfig): PatternSetEntry[] {
  return config.compiled.sourced.map(({ pattern, origin }) => ({ id: pattern.id, origin, class: pattern.class, category: pattern.category, observe: pattern.mode === "observe" }));
}

export async function savePatternSet(prisma: PrismaClient, repositoryId: number, config: LoadedConfig): Promise<void> {
  // A configuration that could not be read compiles to nothing: keep the last good list on the page.
  if (config.compiled.sourced.length === 0 && config.problems.length > 0) return;
  const id = BigInt(repositoryId);
  const demote = config.settings.demote;
  const row = await prisma.repositoryPatternSet.findUnique({ where: { repositoryId: id }, select: { hash: true, demote: true } });
  if (row && row.hash === config.compiled.hash && JSON.stringify(row.demote) === JSON.stringify(demote)) return;
  const data = { hash: config.compiled.hash, patterns: patternSetEntries(config) as object[], demote };
  await prisma.repositoryPatternSet.upsert({ where: { repositoryId: id }, create: { repositoryId: id, ...data }, update: data });
}
