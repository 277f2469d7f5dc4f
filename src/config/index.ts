// The config stage: `.github/sift.yml` schema, validation, merging of org/repo/built-ins, loading.
export { configSchema, patternSchema, type Pattern, type PatternInput, type SiftConfig, type SiftConfigInput } from "./schema.js";
export { validateConfig, type ConfigProblem, type ValidatedConfig } from "./validate.js";
export { mergePatternLists, mergeSettings, resolvePatterns, type ConfigLayers, type PatternOrigin, type SourcedPattern } from "./merge.js";
export { configFromFiles, configPath, loadConfig, type LoadedConfig } from "./load.js";
