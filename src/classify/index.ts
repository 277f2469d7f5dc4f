// The classify stage (PURE): compiled patterns + a normalised log → a verdict.
export { classify, classifyLog, type ClassifyInput, type LogFacts } from "./classify.js";
export { compilePatternSet, patternSetHash, type CompiledPatternSet, type CompiledPattern, type Probe } from "./compile.js";
export { compileRegex, regexProblem, PatternRegexError, type RegexOptions } from "./regex.js";
export { memoryTextSource, SEGMENT_CHARS, type Segment, type TextSource } from "./textSource.js";
export { locate, locateFirst } from "./locate.js";
export { failureSignature } from "./signature.js";
export { rawProbeSources, scanRawChunk } from "./rawScan.js";
export type { JobContext, JobSignals, RetryPolicy, Verdict, VerdictClass } from "./verdict.js";
