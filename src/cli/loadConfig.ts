// Reads a `.github/sift.yml`-style file for the CLI: the same validation and merging as the app
// (built-ins included), with every problem kept for display.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { builtinPatterns } from "../classify/builtins/index.js";
import { compilePatternSet, type CompiledPatternSet } from "../classify/index.js";
import { mergeSettings, resolvePatterns } from "../config/merge.js";
import type { SiftConfig } from "../config/schema.js";
import { validateConfig, type ConfigProblem } from "../config/validate.js";

export interface LoadedConfig {
  compiled: CompiledPatternSet;
  settings: SiftConfig;
  problems: ConfigProblem[];
  /** Set when the file itself could not be used (unreadable, not YAML). */
  error?: string;
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function loadConfig(path: string | undefined): LoadedConfig {
  let raw: unknown = {};
  let error: string | undefined;
  if (path !== undefined) {
    try {
      const text = readFileSync(path, "utf8");
      // JSON is YAML too, and JSON.parse is much faster for generated configs.
      raw = (text.trimStart().startsWith("{") ? tryJson(text) : undefined) ?? parse(text) ?? {};
    } catch (e) {
      error = `${path}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
      raw = {};
    }
  }
  const repo = validateConfig(raw, path ?? "(no config)");
  const layers = { repo };
  const compiled = compilePatternSet(resolvePatterns(layers, builtinPatterns()), repo.problems);
  return { compiled, settings: mergeSettings(layers), problems: compiled.problems, ...(error ? { error } : {}) };
}
