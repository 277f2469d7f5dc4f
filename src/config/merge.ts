// Org defaults (the org's `.github` repo, reached through `_extends`) + repo config + built-ins.
// Pattern lists combine by id (a repo pattern replaces the org or built-in pattern with its id);
// precedence is repo patterns, then org patterns, then built-ins, each in file order.
import { configSchema, type Pattern, type PatternOrigin, type SiftConfig, type SourcedPattern } from "../model/index.js";
import type { ValidatedConfig } from "./validate.js";

export type { PatternOrigin, SourcedPattern };

export interface ConfigLayers {
  org?: ValidatedConfig;
  repo?: ValidatedConfig;
}

/**
 * Settings other than patterns: what the repo wrote wins over the org's, key by key inside a section
 * (a repo's `retry: { max_attempts: 2 }` keeps the org's `exclude_workflows`); defaults fill the rest;
 * statistics combine by id as patterns do (a repo statistic replaces the org's with its id).
 */
export function mergeSettings(layers: ConfigLayers): SiftConfig {
  const given = mergeGiven([layers.org?.given ?? {}, layers.repo?.given ?? {}]);
  let statistics: SiftConfig["statistics"] = [];
  for (const layer of [layers.org, layers.repo]) {
    if (layer?.explicit.has("statistics")) statistics = mergePatternLists(layer.config.statistics, statistics);
  }
  const shape = configSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(given)) {
    const parsed = shape[key]?.safeParse(value);
    if (parsed?.success) merged[key] = parsed.data;
  }
  return { ...configSchema.parse({}), ...merged, patterns: [], statistics } as SiftConfig;
}

const isSection = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Settings as written, farthest layer first: a nearer layer's key replaces, inside a section too (lists are replaced whole). */
export function mergeGiven(layers: readonly Readonly<Record<string, unknown>>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer)) out[key] = isSection(out[key]) && isSection(value) ? { ...out[key], ...value } : value;
  }
  return out;
}

/** Combines two pattern lists by id: `override` entries replace same-id `base` entries. */
export function mergePatternLists<T extends { id: string }>(override: readonly T[], base: readonly T[]): T[] {
  const ids = new Set(override.map((p) => p.id));
  return [...override, ...base.filter((p) => !ids.has(p.id))];
}

/** The effective, ordered pattern list with where each came from. */
export function resolvePatterns(layers: ConfigLayers, builtins: readonly Pattern[]): SourcedPattern[] {
  const settings = mergeSettings(layers);
  const repo = (layers.repo?.config.patterns ?? []).map((pattern) => ({ pattern, origin: "repo" as const }));
  const org = (layers.org?.config.patterns ?? []).map((pattern) => ({ pattern, origin: "org" as const }));
  const use = settings.builtins;
  const disabled = new Set(typeof use === "object" ? use.disable : []);
  const library =
    use === false ? [] : builtins.filter((p) => !disabled.has(p.id)).map((pattern) => ({ pattern, origin: "builtin" as const }));
  const byId = (s: SourcedPattern) => ({ ...s, id: s.pattern.id });
  return mergePatternLists(mergePatternLists(repo.map(byId), org.map(byId)), library.map(byId)).map(({ pattern, origin }) => ({ pattern, origin }));
}
