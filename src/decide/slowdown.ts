// Did a job get slower? Its successful runs of the last few days (recent) against the two weeks
// before (baseline). Flagged only when all of these hold, so noise and thin samples never raise it:
// enough runs on both sides, the recent median at least `minIncrease` above the baseline median,
// and a one-sided Mann–Whitney U test saying recent runs are longer with p ≤ `alpha`.
import { mannWhitneyGreater } from "./mann-whitney.js";
import { median } from "./median.js";

export interface SlowdownPolicy {
  recentDays: number;
  baselineDays: number;
  minRecent: number;
  minBaseline: number;
  /** 0.2: the recent median must be at least 20 % above the baseline median. */
  minIncrease: number;
  alpha: number;
}

export const defaultSlowdownPolicy: SlowdownPolicy = { recentDays: 3, baselineDays: 14, minRecent: 5, minBaseline: 10, minIncrease: 0.2, alpha: 0.01 };

export interface Slowdown {
  flagged: boolean;
  /** Why it is (or is not) flagged, in words for the page. */
  reason: string;
  recentRuns: number;
  baselineRuns: number;
  recentMedian: number | null;
  baselineMedian: number | null;
  /** recentMedian / baselineMedian − 1. */
  increase: number | null;
  p: number | null;
}

/** Durations in seconds of successful runs: recent ones and the baseline's. */
export function detectSlowdown(recent: readonly number[], baseline: readonly number[], policy: SlowdownPolicy = defaultSlowdownPolicy): Slowdown {
  const recentMedian = median(recent);
  const baselineMedian = median(baseline);
  const increase = recentMedian !== null && baselineMedian ? recentMedian / baselineMedian - 1 : null;
  const base = { recentRuns: recent.length, baselineRuns: baseline.length, recentMedian, baselineMedian, increase };
  if (recent.length < policy.minRecent || baseline.length < policy.minBaseline) {
    return { ...base, flagged: false, p: null, reason: `too few runs to tell (${recent.length} recent, ${baseline.length} baseline; at least ${policy.minRecent} and ${policy.minBaseline} needed)` };
  }
  const { p } = mannWhitneyGreater(recent, baseline);
  const pct = (f: number) => `${Math.round(f * 100)} %`;
  if (increase === null || increase < policy.minIncrease) {
    return { ...base, flagged: false, p, reason: `median ${increase === null ? "unchanged" : `${increase >= 0 ? "+" : ""}${pct(increase)}`}, below the +${pct(policy.minIncrease)} threshold` };
  }
  if (p > policy.alpha) return { ...base, flagged: false, p, reason: `median +${pct(increase)} but not significant (p = ${p.toPrecision(2)} > ${policy.alpha})` };
  return { ...base, flagged: true, p, reason: `median +${pct(increase)}, Mann–Whitney p = ${p.toPrecision(2)} ≤ ${policy.alpha}` };
}
