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
 * Settings other than patterns: the repo's explicit keys win over the org's, defaults fill the rest;
 * statistics combine by id as patterns do (a repo statistic replaces the org's with its id).
 */
export function mergeSettings(layers: ConfigLayers): SiftConfig {
  const merged: Record<string, unknown> = {};
  let statistics: SiftConfig["statistics"] = [];
  for (const layer of [layers.org, layers.repo]) {
    if (!layer) continue;
    for (const key of layer.explicit) {
      if (key === "statistics") statistics = mergePatternLists(layer.config.statistics, statistics);
      else if (key !== "patterns") merged[key] = (layer.config as Record<string, unknown>)[key];
    }
  }
  return { ...configSchema.parse({}), ...merged, patterns: [], statistics } as SiftConfig;
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
