// backtest/: a pattern set over the stored failures of a window, compared with today's verdicts.
export { reclassify, type StoredJob } from "./reclassify.js";
export {
  runBacktest,
  type BacktestChange,
  type BacktestContradiction,
  type BacktestFailure,
  type BacktestOptions,
  type BacktestResult,
  type VerdictName,
} from "./run-backtest.js";
export { renderBacktest } from "./render-backtest.js";
export { diffPatternSets, type PatternChange, type PatternSetDiff } from "./diff-pattern-sets.js";
export { failedEveryRerun, rerunOutcomes, type RerunOutcomes } from "./rerun-outcomes.js";
