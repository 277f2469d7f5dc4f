// Reads a `.github/sift.yml`-style file for the CLI: the same validation and merging as the app
// (built-ins included), with every problem kept for display. The checked result is cached
// between runs (config-cache.ts): a warm run only compiles the patterns it already knows compile.
import { readFileSync } from "node:fs";
// Not the classify index: the engine itself loads later, while a large log is being scanned.
import { compilePatternSet, type CompiledPatternSet } from "../classify/compile.js";
import type { SiftConfig } from "../config/schema.js";
import type { ConfigProblem } from "../config/validate.js";
import { configCacheDir, configCacheKey, readCachedConfig, writeCachedConfig, type CheckedConfig } from "./config-cache.js";

export interface LoadedConfig {
  compiled: CompiledPatternSet;
  settings: SiftConfig;
  problems: ConfigProblem[];
  /** Set when the file itself could not be used (unreadable, not YAML). */
  error?: string;
  /** What the offline run leaves out (an `_extends` it cannot follow). */
  notes: string[];
}

function recompile(checked: CheckedConfig): CompiledPatternSet {
  const compiled = compilePatternSet(checked.patterns, checked.problems, { prechecked: true });
  compiled.hash = checked.hash; // the hash of the list as written, failing patterns included
  return compiled;
}

export async function loadConfig(path: string | undefined, cacheDir = configCacheDir()): Promise<LoadedConfig> {
  let text: string | undefined;
  let unreadable: string | undefined;
  if (path !== undefined) {
    try {
      text = readFileSync(path, "utf8");
    } catch (e) {
      unreadable = `${path}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`;
    }
  }
  const key = configCacheKey(path, text);
  const hit = readCachedConfig(cacheDir, key);
  const { checked, compiled } = hit ? { checked: hit, compiled: recompile(hit) } : (await import("./check-config.js")).checkConfig(path, text);
  if (!hit) writeCachedConfig(cacheDir, key, checked);
  const error = unreadable ?? checked.error;
  return { compiled, settings: checked.settings, problems: compiled.problems, notes: checked.notes ?? [], ...(error ? { error } : {}) };
}
