// Demotion, as data: a flaky pattern whose automatic re-runs rarely pass is not evidence of flakiness
// any more. It keeps classifying, but triggers no re-run by itself until its rescue rate recovers or a
// maintainer promotes it back (`demote.promote` in .github/sift.yml, reviewed like any pattern change).
import type { SiftConfig } from "../model/index.js";

/** A pattern's concluded automatic re-runs in a repository, and how many of them passed. */
export interface PatternRerunStats {
  patternId: string;
  /** Automatic re-runs whose attempt has concluded. */
  reruns: number;
  /** Of those, the ones that passed ("success"). */
  passed: number;
}

export interface DemotePolicy {
  enabled: boolean;
  /** 0–1: below this share of passing re-runs a pattern is demoted. */
  minRescueRate: number;
  /** Concluded re-runs a pattern needs before its rate counts. */
  minReruns: number;
  /** Ids a maintainer promoted back. */
  promote: readonly string[];
}

export interface Demotion {
  patternId: string;
  reruns: number;
  passed: number;
  /** "pattern X is demoted: 2 of 12 re-runs passed (17 %, below demote.min_rescue_rate 30 %)". */
  reason: string;
}

export const defaultDemotePolicy: DemotePolicy = { enabled: true, minRescueRate: 0.3, minReruns: 10, promote: [] };

export function demotePolicyOf(demote: SiftConfig["demote"]): DemotePolicy {
  return { enabled: demote.enabled, minRescueRate: demote.min_rescue_rate, minReruns: demote.min_reruns, promote: demote.promote };
}

/** passed / reruns, or null without a concluded re-run. */
export function rescueRate(s: Pick<PatternRerunStats, "reruns" | "passed">): number | null {
  return s.reruns > 0 ? s.passed / s.reruns : null;
}

const percent = (share: number) => `${Math.round(share * 100)} %`;

/** Why this pattern no longer triggers re-runs, or undefined when it still does. */
export function demotionOf(stats: PatternRerunStats, policy: DemotePolicy): Demotion | undefined {
  if (!policy.enabled || policy.promote.includes(stats.patternId)) return undefined;
  const rate = rescueRate(stats);
  if (rate === null || stats.reruns < policy.minReruns || rate >= policy.minRescueRate) return undefined;
  const reason =
    `pattern ${stats.patternId} is demoted: ${stats.passed} of ${stats.reruns} re-runs passed ` +
    `(${percent(rate)}, below demote.min_rescue_rate ${percent(policy.minRescueRate)}), so it triggers no automatic re-run`;
  return { patternId: stats.patternId, reruns: stats.reruns, passed: stats.passed, reason };
}

/** The demoted patterns among `stats`, by id. */
export function demotedPatterns(stats: readonly PatternRerunStats[], policy: DemotePolicy): Map<string, Demotion> {
  const out = new Map<string, Demotion>();
  for (const s of stats) {
    const d = demotionOf(s, policy);
    if (d) out.set(s.patternId, d);
  }
  return out;
}

/** How a maintainer brings a demoted pattern back, for the report and the pages. */
export function promoteHint(patternId: string): string {
  return `To let it re-run again, add ${patternId} to demote.promote in .github/sift.yml.`;
}
