// Loads `.github/sift.yml` through Probot's config plugin, which follows `_extends` and falls back to
// the owner's `.github` repository: the repo's own file is one layer, everything it extends the org layer.
// If the configuration cannot be read, no pattern applies (every failure stays genuine) and the
// report says why: a repo may have disabled a built-in that misfires on it.
import type { ProbotOctokit } from "probot";
import { builtinPatterns } from "../classify/builtins/index.js";
import { compilePatternSet, type CompiledPatternSet } from "../classify/index.js";
import { mergeGiven, mergePatternLists, mergeSettings, resolvePatterns, type ConfigLayers } from "./merge.js";
import { configSchema, type AnalysisConfig, type SiftConfig } from "../model/index.js";
import { validateConfig, type ConfigProblem, type ValidatedConfig } from "./validate.js";

export const configPath = ".github/sift.yml";

/** The configuration of one analysis, with classify/'s compiled pattern set. */
export type LoadedConfig = AnalysisConfig<CompiledPatternSet>;

type ConfigFiles = { owner: string; repo: string; path: string; config: Record<string, unknown> | null }[];

export async function loadConfig(octokit: Pick<ProbotOctokit, "config">, owner: string, repo: string): Promise<LoadedConfig> {
  let files: ConfigFiles;
  try {
    ({ files } = await octokit.config.get({ owner, repo, path: configPath }));
  } catch (err) {
    const problem = { file: `${owner}/${repo}/${configPath}`, path: "", message: `could not be read (${describe(err)}); no pattern applies until it can` };
    return { settings: configSchema.parse({}), compiled: compilePatternSet([]), problems: [problem] };
  }
  return configFromFiles(files, owner, repo);
}

/** PURE: the files the config plugin returned → settings, compiled patterns, problems. */
export function configFromFiles(files: ConfigFiles, owner: string, repo: string): LoadedConfig {
  const layers: ConfigLayers = {};
  const orgLayers: ValidatedConfig[] = [];
  const missing = missingExtends(files);
  for (const file of files) {
    if (file.config === null) continue;
    const validated = validateConfig(file.config, nameOf(file));
    const own = file.owner.toLowerCase() === owner.toLowerCase() && file.repo.toLowerCase() === repo.toLowerCase();
    if (own && !layers.repo) layers.repo = validated;
    else orgLayers.push(validated);
  }
  if (orgLayers.length > 0) layers.org = mergeOrgLayers(orgLayers);
  const problems = [...(layers.repo?.problems ?? []), ...(layers.org?.problems ?? []), ...missing];
  const compiled = compilePatternSet(resolvePatterns(layers, builtinPatterns()), problems);
  return { settings: mergeSettings(layers), compiled, problems: compiled.problems };
}

const nameOf = (f: ConfigFiles[number]) => `${f.owner}/${f.repo}/${f.path}`;

/**
 * The config plugin answers a file it could not find with `config: null` and stops there. After
 * a file that had a config, that is the target of its `_extends` (the plugin removed the key):
 * without a word, the org's patterns and settings a maintainer asked for would silently not apply.
 * (A null file after a null one is the org's `.github` fallback, looked for on its own.)
 */
function missingExtends(files: ConfigFiles): ConfigProblem[] {
  return files.flatMap((file, i) => {
    const from = files[i - 1];
    if (file.config !== null || !from || from.config === null) return [];
    const message = `${nameOf(file)} was not found (a missing repository or file, or one the App cannot read): its patterns and settings do not apply`;
    return [{ file: nameOf(from), path: "_extends", message }];
  });
}

/** A chain of `_extends` files: the nearer file wins, as the config plugin merges them. */
function mergeOrgLayers(chain: ValidatedConfig[]): ValidatedConfig {
  const given = mergeGiven([...chain].reverse().map((l) => l.given));
  const settings = mergeSettings({ repo: { ...(chain[0] as ValidatedConfig), given } });
  const patterns = chain.reduce((acc, layer) => mergePatternLists(acc, layer.config.patterns), [] as SiftConfig["patterns"]);
  const statistics = chain.reduce((acc, layer) => mergePatternLists(acc, layer.config.statistics), [] as SiftConfig["statistics"]);
  return {
    config: { ...settings, patterns, statistics },
    problems: chain.flatMap((l) => l.problems),
    explicit: new Set(chain.flatMap((l) => [...l.explicit])),
    given,
  };
}

function describe(err: unknown): string {
  const e = err as { status?: number; message?: string; name?: string; cause?: unknown };
  if (e.status) return `HTTP ${e.status}`;
  const message = (e.message ?? String(err)).replace("[@probot/octokit-plugin-config] ", "");
  // The YAML parser's own reason (a syntax error and where, or an alias bomb refused), in one line.
  const cause = e.cause instanceof Error ? e.cause.message.split("\n")[0]?.slice(0, 200) : undefined;
  return cause ? `${message}: ${cause}` : message;
}
