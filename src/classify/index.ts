// The classify stage (PURE): compiled patterns + a normalised log → a verdict.
export { classify, classifyLog, type ClassifyInput, type LogFacts } from "./classify.js";
export { compilePatternSet, patternSetHash, type CompiledPatternSet, type CompiledPattern, type Probe } from "./compile.js";
export { compileRegex, regexProblem, PatternRegexError, type RegexOptions } from "./regex.js";
export { memoryTextSource, SEGMENT_CHARS, type Segment, type TextSource } from "./text-source.js";
export { locate, locateFirst } from "./locate.js";
export { failureSignature } from "./signature.js";
export { rawProbeSources, scanRawChunk } from "./raw-scan.js";
export type { JobContext, JobSignals, RetryPolicy, Verdict, VerdictClass } from "./verdict.js";
export { failingTests, failingTestsInSource, failingTestsOf, MAX_FAILING_TESTS, type FailingTest, type FailingTests } from "./failing-tests.js";
export { runnerFlakyReports, runnerFlakyReportsInSource, runnerFlakyReportsOf, testKey, type RunnerFlakyReport } from "./runner-flaky-reports.js";
export { flakyTestMatcher, namesTest, testIdsFromIssue, testScopes, type DeclaredMatch, type FlakyTestMatcher, type TestRef } from "./flaky-test-globs.js";
export { testEventsInRange, testEventsInSource, type LineAt } from "./test-events-in-range.js";
export type { TestEvent, TestOutcome, TestRunner } from "./test-events.js";
export { failingTestKey, normaliseTestPath, samePathBySuffix, sameTest, type TestRef as FailingTestRef } from "./failing-test-key.js";
export { extractStatistics, statisticNumber, statisticsFor } from "./extract-statistics.js";
export { MAX_STATISTIC_GROUPS, statisticGroupNames } from "./statistic-groups.js";
export { causeKeys, causeSignature, NO_CAUSE, MAX_TEST_CAUSES, type CauseKey, type CauseKeyType, type CauseFields } from "./cause-keys.js";
