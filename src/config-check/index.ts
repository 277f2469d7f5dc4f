// config-check/: the `Sift config` check run of pull requests that change `.github/sift.yml`.
export { checkConfigChange, type ConfigCheckDeps, type ConfigCheckResult, type PullRequestRef } from "./check-config-change.js";
export { renderConfigCheck, CONFIG_CHECK_NAME, type BacktestPart, type RenderedConfigCheck, type ConfigAnnotation } from "./render-config-check.js";
export { backtestConfigChange, type ConfigBacktest, type ConfigBacktestDeps } from "./backtest-config-change.js";
export { renderBacktestSection, type BacktestSection, type FailureLink } from "./render-backtest-section.js";
export { configBacktest, type ConfigBacktestLinks } from "./run-config-backtest.js";
