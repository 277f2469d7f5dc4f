// config-check/: the `Sift config` check run of pull requests that change `.github/sift.yml`.
export { checkConfigChange, type ConfigCheckDeps, type ConfigCheckResult, type PullRequestRef } from "./check-config-change.js";
export { renderConfigCheck, CONFIG_CHECK_NAME, type RenderedConfigCheck, type ConfigAnnotation } from "./render-config-check.js";
