// decide/: PURE. Verdicts of a head SHA + history → final classes, known problems, re-run plan.
export { decide, needsChangedFiles, type DecideInput } from "./decide.js";
export { judgeEvidence, evidenceContext, evidenceSubjects, defaultEvidencePolicy, EVIDENCE_PATTERN, DECLARED_PATTERN, type EvidencePolicy, type EvidenceOutcome } from "./flaky-evidence.js";
export { confidenceOf } from "./confidence.js";
export { failingTestKey, sameTest, samePathBySuffix, normaliseTestPath, type TestRef } from "../classify/failing-test-key.js";
export { changedTestFile } from "./changed-files.js";
export { defaultDemotePolicy, demotedPatterns, demotePolicyOf, demotionOf, promoteHint, rescueRate, type Demotion, type DemotePolicy, type PatternRerunStats } from "./demotion.js";
export { planRetries, type RetryContext, type RetryPlan } from "./plan-retries.js";
export { retryGate, backoffUntil, type PreviousRetry, type RetryPolicy } from "./retry-gate.js";
export { activeOutages, isBurst, outageNote, defaultOutageOptions, type CauseSighting, type Outage, type OutageBaseline, type OutageEvidence, type OutageOptions } from "./outages.js";
export { poissonTail } from "./poisson.js";
export { baseJobName } from "./job-name.js";
export { globMatcher, globProblem, type NameMatcher } from "./glob.js";
export { matchTrunk, type TrunkMatch } from "./trunk.js";
export { redPeriodAnchor, type BranchCommit } from "./red-period.js";
export { isNewRecurringCause, NEW_CAUSE_RULE, type CauseSpread } from "./new-cause.js";
export { isActiveDeclaration, matchDeclaration, firstUrl } from "./declarations.js";
export { parseKnownProblemIssueBody, issueCovers, type RegexTest } from "./known-problem-issues.js";
export { fixedIssues } from "./fixed-issues.js";
export { resolveKnownProblem } from "./known-problem.js";
export {
  emptyHistory,
  type History,
  type TrunkHistory,
  type TrunkCommit,
  type TrunkJob,
  type Declaration,
  type KnownProblemIssueInfo,
  type Flip,
  type FlakyEvidence,
  type FlakyTestIssue,
  type ChangedFiles,
} from "./history.js";
export { median } from "./median.js";
export { mannWhitneyGreater, upperNormalTail, type MannWhitney } from "./mann-whitney.js";
export { detectSlowdown, defaultSlowdownPolicy, type Slowdown, type SlowdownPolicy } from "./slowdown.js";
export { brokenPeriods, medianTimeToFix, type SettledCommit, type BrokenPeriod } from "./broken-periods.js";
