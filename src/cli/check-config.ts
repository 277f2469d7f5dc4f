// The slow half of loading a config for the CLI: YAML, zod validation, merging with the built-in
// library and one RE2 compile per pattern. Imported only when the config cache misses, so a
// warm `sift classify` never loads yaml, zod or the library.
import { builtinPatterns } from "../classify/builtins/index.js";
import { compilePatternSet, type CompiledPatternSet } from "../classify/index.js";
import { mergeSettings, resolvePatterns } from "../config/merge.js";
import { parseConfigText } from "../config/parse-config-text.js";
import { validateConfig, type ValidatedConfig } from "../config/validate.js";
import type { CheckedConfig } from "./config-cache.js";
import { locatedProblem } from "./located-problem.js";

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The file as one layer, its problems located by line and column as the `Sift config` check locates them. */
function parseLayer(path: string | undefined, text: string | undefined): { repo: ValidatedConfig; extends: boolean } {
  const file = path ?? "(no config)";
  if (text === undefined) return { repo: validateConfig({}, file), extends: false };
  // JSON is YAML too, and JSON.parse is much faster for generated configs (their problems have no line).
  const json = text.trimStart().startsWith("{") ? tryJson(text) : undefined;
  if (json !== undefined) return { repo: validateConfig(json, file), extends: typeof json === "object" && json !== null && "_extends" in json };
  const parsed = parseConfigText(text, file);
  return { repo: parsed.validated, extends: parsed.extends };
}

/**
 * `text` undefined: no config file. `error` is set when the file cannot be used at all (not YAML,
 * not a mapping, too large: the defaults apply); `notes` say what the offline run leaves out.
 */
export function checkConfig(path: string | undefined, text: string | undefined): { checked: CheckedConfig; compiled: CompiledPatternSet } {
  const { repo, extends: extendsOthers } = parseLayer(path, text);
  const whole = repo.problems.filter((p) => p.path === "");
  const error = whole.length > 0 ? whole.map(locatedProblem).join("; ") : undefined;
  const layers = { repo: { ...repo, problems: repo.problems.filter((p) => p.path !== "") } };
  const compiled = compilePatternSet(resolvePatterns(layers, builtinPatterns()), layers.repo.problems);
  const notes = extendsOthers ? [`${path}: _extends is not followed offline: only this file's patterns and the built-ins apply`] : [];
  const checked: CheckedConfig = {
    patterns: compiled.patterns.map(({ pattern, origin }) => ({ pattern, origin })),
    problems: compiled.problems,
    settings: mergeSettings(layers),
    hash: compiled.hash,
    ...(error ? { error } : {}),
    ...(notes.length > 0 ? { notes } : {}),
  };
  return { checked, compiled };
}

