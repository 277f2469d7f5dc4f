// backtest/: a pattern set over the stored failures of a window, compared with today's verdicts.
export { reclassify, type StoredJob } from "./reclassify.js";
export { runBacktest, type BacktestChange, type BacktestOptions, type BacktestResult } from "./run-backtest.js";
export { renderBacktest } from "./render-backtest.js";
