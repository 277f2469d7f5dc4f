// The slow half of loading a config for the CLI: YAML, zod validation, merging with the built-in
// library and one RE2 compile per pattern. Imported only when the config cache misses, so a
// warm `sift classify` never loads yaml, zod or the library.
import { parse } from "yaml";
import { builtinPatterns } from "../classify/builtins/index.js";
import { compilePatternSet, type CompiledPatternSet } from "../classify/index.js";
import { mergeSettings, resolvePatterns } from "../config/merge.js";
import { validateConfig } from "../config/validate.js";
import type { CheckedConfig } from "./config-cache.js";

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** `text` undefined: no config file. `error` is set when the text is not YAML (defaults apply). */
export function checkConfig(path: string | undefined, text: string | undefined): { checked: CheckedConfig; compiled: CompiledPatternSet } {
  let raw: unknown = {};
  let error: string | undefined;
  if (text !== undefined) {
    try {
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
  const checked: CheckedConfig = {
    patterns: compiled.patterns.map(({ pattern, origin }) => ({ pattern, origin })),
    problems: compiled.problems,
    settings: mergeSettings(layers),
    hash: compiled.hash,
    ...(error ? { error } : {}),
  };
  return { checked, compiled };
}
