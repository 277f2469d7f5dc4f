// The config stage: `.github/sift.yml` schema, validation, merging of org/repo/built-ins, loading.
export { configSchema, patternSchema, type Pattern, type PatternInput, type SiftConfig, type SiftConfigInput } from "./schema.js";
export { MAX_REGEX_BYTES, validateConfig, type ConfigProblem, type ValidatedConfig, type ValidateOptions } from "./validate.js";
export { mergePatternLists, mergeSettings, resolvePatterns, type ConfigLayers, type PatternOrigin, type SourcedPattern } from "./merge.js";
export { configFromFiles, configPath, loadConfig, type LoadedConfig } from "./load.js";
export { keyPath, locateProblems, MAX_CONFIG_BYTES, parseConfigText, type ParsedConfigText } from "./parse-config-text.js";
