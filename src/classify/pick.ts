// The line a human would point at when no pattern explains the failure: ranked shapes of test
// failures, then build/compiler errors, then generic errors; the first line of the best rank in
// the failing step wins. Lines that only say "something failed" never qualify.

export interface PickRank {
  id: string;
  category: string;
  source: string;
}

export const PICK_RANKS: readonly PickRank[] = [
  {
    id: "sift.genuine.test-timeout",
    category: "test-timeout",
    source: String.raw`Exceeded timeout of \d+ ?ms for a (?:test|hook)|Timeout - Async callback was not invoked|^\s*E?\s*Failed: Timeout >\d|^TIMED OUT: |^Command took >\d+min|panic: test timed out after`,
  },
  {
    id: "sift.genuine.test-failure",
    category: "test-failure",
    source: String.raw`^not ok \d+ |^\S+ > .+ FAILED$|^(?:FAILED|ERROR) \S+::\S+|^--- FAIL: |^\s*● .+ › |AssertionError\b|AssertionFailedError|ComparisonFailure|(?:^\s*|: )Expected:? .+ but (?:got|was|received)|^\s*FAIL\s+\S+\.\w+|^\s+● \S|^_{3,} \S+ _{3,}$|^\[  FAILED  \] |TEST-UNEXPECTED-(?:FAIL|TIMEOUT|ERROR)|^FAIL(?:ED)?:? [^\[\s]|^\s*(?:Tests run|Tests): .*(?:Failures|failed): [1-9]|^FAILED CONSISTENTLY: |^\S.*Test\S* .*(?:FAILED|failed)$|^\s+\d+\) \S.+$`,
  },
  {
    id: "sift.genuine.build-error",
    category: "build-error",
    source: String.raw`\berror(?:\[E\d+\])?: |\berror TS\d+:|: fatal error\b|^\[ERROR\] (?:COMPILATION ERROR|\S+\.\w+:\[\d+)|cannot find symbol|^\S+:\d+:\d+: [A-Z]{1,4}\d+ |^Would reformat: |^\S+\.{4,}Failed$|^\S+\.\w+:\d+(?::\d+)?: (?:error|fatal)|^\s*(?:SyntaxError|ModuleNotFoundError|ImportError|NameError|TypeError|ReferenceError): |^> Task \S+ FAILED$|^>>> Lint for |^E\s{2,}\S`,
  },
  {
    id: "sift.genuine.error",
    category: "error",
    source: String.raw`^FAILURE: |^BUILD FAIL|^\[ERROR\] \S|^(?:ERROR|Error|error|FATAL|fatal)(?:\[\w+\])?:? \S|Execution failed for task|^npm ERR! |^##\[error\]|^\s*(?:Caused by: |Exception in thread "[^"]*" )?[\w.$]*(?:Exception|Error)(?::|$)|^Traceback \(most recent call last\)|^make(?:\[\d+\])?: \*\*\* |exited with (?:code )?[1-9]\d*`,
  },
];

/** Lines that report a failure without saying what failed: never the line of a verdict. */
export const GENERIC_LINE = String.raw`^##\[error\](?:Process completed with exit code \d+|The process '[^']*' failed with exit code \d+)|^Error: Process completed with exit code|^\[ERROR\]\s*$|^\[ERROR\] (?:-> \[Help|Re-run Maven|For more information|To see the full stack|After correcting|  mvn <args>|Failed to execute goal)|#\s*(?:TODO|SKIP)\b|^npm ERR! (?:code|errno|A complete log|$)|^ERROR: Job failed|^\s*● Console$|\b(?:SKIPPED|XFAIL|xfail|XPASS)\b`;
