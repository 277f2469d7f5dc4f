// The line a human would point at when no pattern explains the failure: ranked shapes, from the
// most specific (an assertion message, a compiler or linter diagnostic) to a test's name, a build
// tool's error and a generic error. The decisive block (classify.ts) is the last cluster of such
// lines in the failing step; its best-ranked first line wins. Lines that only relay a failure
// (GENERIC_LINE) never qualify. Line starts allow BuildKit's step prefix (step-prefix.ts).
import { allowingStepPrefix } from "./step-prefix.js";

export interface PickRank {
  id: string;
  category: string;
  source: string;
  /** A genuine error on its own: when it counts, no infrastructure pattern explains the job. */
  evidence?: boolean;
}

const RANKS: readonly PickRank[] = [
  {
    id: "sift.genuine.test-timeout",
    category: "test-timeout",
    source: String.raw`Exceeded timeout of \d+ ?ms for a (?:test|hook)|Timeout - Async callback was not invoked|^\s*E?\s*Failed: Timeout >\d|^TIMED OUT: |^Command took >\d+min|panic: test timed out after`,
  },
  {
    id: "sift.genuine.assertion",
    category: "test-failure",
    evidence: true,
    source: [
      String.raw`AssertionError\b|AssertionFailedError|ComparisonFailure|(?:^\s*|: |:\d+ |==> )[Ee]xpected:? .+ but (?:got|was|received)|^\s*E\s{2,}\S|Failed asserting that`,
      String.raw`^\s*expect\(.+\)\.(?:not\.)?\w+\(|^\s+\S+_test\.go:\d+: \S|thread '.+' panicked at|^panic: |^\s*Error:\s+(?:Not equal|Should|Expected|Received)|^\s*[Aa]ssertion .*failed`,
      String.raw`^\S+:\d+: Failure$`, // googletest
      String.raw`^\s*Assert\.\w+\(\) Failure\b|^\s*Assert\.\w+ failed\. `, // xUnit, MSTest
      String.raw`^\s*Failure/Error: (?:expect|is_expected)\b`, // RSpec
      String.raw`\brecorded an issue at \S+:\d+(?::\d+)?: `, // Swift Testing
      // Go's race detector, the sanitizers: the code under test misbehaved.
      String.raw`^WARNING: DATA RACE$|^\s*testing\.go:\d+: race detected|^WARNING: ThreadSanitizer: |^==\d+==ERROR: \w+Sanitizer: |^\S+:\d+(?::\d+)?: runtime error: `,
    ].join("|"),
  },
  {
    id: "sift.genuine.diagnostic",
    category: "build-error",
    evidence: true,
    source: String.raw`^error\[E\d+\]: |^error: (?:could not compile|aborting due to)|\S\.\w+:\d+(?::\d+)?:? (?:fatal )?error(?:\[\w+\])?: |\berror TS\d+:|^\S+\.\w+(?::\d+)+: fatal error\b|^\[ERROR\] \S+\.\w+:\[\d+|cannot find symbol|^\S+:\d+:\d+: [A-Z]{1,4}\d+ |^[Ww]ould reformat:? |^\S+\.\w+:\d+(?::\d+)?: (?:error|fatal)|^\s*(?:SyntaxError|ModuleNotFoundError|ImportError|NameError|TypeError|ReferenceError): |^\s+\d+:\d+\s+error\s+\S|^\S+\(\d+(?:,\d+)?\): (?:fatal )?error\b|^Diff in \S+ at line \d+|^\s*\S+\.\w+:\d+(?::\d+)?:? .+ \([\w/@-]+\)$` +
      String.raw`|^\S+\.go:\d+:\d+: \S` + // go build, go vet
      String.raw`|undefined reference to [\x60']|^Undefined symbols for architecture \S+:$|^(?:\S*/)?ld(?:\.\w+)?: error: ` + // linkers
      String.raw`|^\[warn\] Code style issues found` + // prettier --check
      String.raw`|^\S+\.\w+:\d+:\d+: [CWEF]: \S|^Type error: \S`, // RuboCop, Next.js
  },
  {
    id: "sift.genuine.test-failure",
    category: "test-failure",
    source: String.raw`^not ok \d+ |^\S+ > .+ FAILED$|^(?:FAILED|ERROR) \S+::\S+|^\s*--- FAIL: |^\s*● .+ › |^\s*FAIL\s+\S+\.\w+|^\s+● \S|^_{3,} \S+ _{3,}$|^\[  FAILED  \] |TEST-UNEXPECTED-(?:FAIL|TIMEOUT|ERROR)|^FAIL(?:ED)?:? [^\[\s]|^FAILED CONSISTENTLY: |^\S.*Test\S* .*(?:FAILED|failed)$|^\s*\d+\) \S.+$|<<< (?:FAILURE|ERROR)!` +
      String.raw`|^\s*Failed \S+ \[(?:< ?)?[\d.]+ ?m?s\]$|^(?:FAIL|ERROR): \w+ \([\w.]+\)` + // dotnet test, unittest
      String.raw`|^(?:\[ERROR\])?\s+\S+:\d+ » \S|^//\S+\s+(?:\(cached\) )?(?:FAILED|TIMEOUT) in ` + // surefire's errors summary, bazel
      String.raw`|Test +#\d+: .*\*{3}(?:Failed|Exception|Timeout|Not Run)|^\s+\d+ - \S+ \((?:Failed|Timeout|SEGFAULT|Subprocess aborted|Not Run|Exception)\)$` + // ctest
      // A process killed by a signal the code raised (the shell's report of it).
      String.raw`|\bSegmentation fault\b|^(?:Aborted|Bus error|Illegal instruction|Floating point exception)(?: \(core dumped\))?$|: line \d+: +\d+ (?:Aborted|Bus error|Illegal instruction|Floating point exception)\b`,
  },
  {
    id: "sift.genuine.build-error",
    category: "build-error",
    source: [
      String.raw`^\[ERROR\] COMPILATION ERROR|^> Task \S+ FAILED$|Execution failed for task|^\S+\.{4,}Failed$|^>>> Lint for `,
      String.raw`^\S+: line \d+: \S|^\S+\.sh: \d+: \S|^(?:ba|da|z)?sh: (?:(?:line )?\d+: )?\S+: (?:command )?not found`, // the shell
      String.raw`is not recognized as (?:an internal or external command|the name of a cmdlet|a name of a cmdlet)`, // cmd, PowerShell
      String.raw`^│ Error: |^The \w+ "[^"]+" is invalid: `, // terraform, kubectl
      String.raw`coverage threshold for \w+ \([\d.]+%\) not met`, // jest
    ].join("|"),
  },
  {
    id: "sift.genuine.error",
    category: "error",
    source: String.raw`^\[ERROR\] \S|^(?:ERROR|Error|error|FATAL|fatal)(?:\[\w+\])?:? \S|^npm ERR! |^npm error \S|^\s*✘ \[ERROR\] \S|^\S+: Error response from daemon: |^go: \S+@\S+: |^go: (?:errors parsing|updates to go\.mod needed|cannot find main module|go\.mod file not found|inconsistent vendoring)|^##\[error\]|^\s*(?:Caused by: |Exception in thread "[^"]*" )?[\w.$]*(?:Exception|Error)(?::|$)|^Traceback \(most recent call last\)`,
  },
];

export const PICK_RANKS: readonly PickRank[] = RANKS.map((r) => ({ ...r, source: allowingStepPrefix(r.source) }));

/** Lines that report a failure without saying what failed (wrappers, summaries): never the line of a verdict. */
export const GENERIC_LINE = allowingStepPrefix([
  String.raw`^##\[error\](?:Process completed with exit code \d+|The process '[^']*' failed with exit code \d+)|^Error: Process completed with exit code`,
  String.raw`^\[ERROR\]\s*$|^\[ERROR\] (?:-> \[Help|Re-run Maven|For more information|To see the full stack|After correcting|  mvn <|Failed to execute goal|Tests run:|Errors:\s*$|Failures:\s*$|\[Help \d+\])`,
  String.raw`#\s*(?:TODO|SKIP)\b|^npm ERR! (?:code|errno|A complete log|Exit status|Failed at|This is probably|Lifecycle|$)|^npm error (?:code|errno|A complete log|Lifecycle|command|path|workspace|location|$)|^ERROR: Job failed|^\s*● Console$|\b(?:SKIPPED|XFAIL|xfail|XPASS)\b`,
  String.raw`^make(?:\[\d+\])?: \*\*\* |exited with (?:code )?\d+|^error Command failed with exit code|^ELIFECYCLE|Done\. Your build exited|^BUILD FAIL|^FAILURE: Build failed|^FAILURES!$|^\* What went wrong`,
  String.raw`^\s*(?:Tests run|Tests|Test Suites|Test Files): .*(?:Failures|failed)|^\d+ tests? completed, \d+ failed|^> (?:There were failing tests|Compilation failed; see)|^Finished: FAILURE|marked build as failure|^FAIL$|^FAIL\s+\S+\s+[\d.]+s$`,
  String.raw`^FAILED \((?:failures|errors|skipped|expected failures|unexpected successes)=|^FAIL\s+\S+ \[(?:build|setup) failed\]$|^Failed! +- Failed: `,
  String.raw`did not complete successfully: exit code: \d+|^ERROR: script returned exit code \d+|^FAILED: Build did NOT complete successfully`,
  String.raw`^collect2: error: ld returned \d+ exit status|^clang(?:\+\+)?: error: linker command failed|^error: test failed, to rerun pass|^error: \d+ targets? failed`,
  String.raw`exited \(\d+\)$|^ERROR: command finished with error: `, // turbo
].join("|"));
