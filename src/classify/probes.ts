// Probes that are not user patterns: step boundaries (for logs scanned in chunks, where the step
// split is rebuilt from them) and runner/platform signals read from the log text.

export const STEP_MARKERS = [
  { id: "sift.marker.run", source: String.raw`^##\[group\]Run .*$` },
  { id: "sift.marker.post", source: String.raw`^Post job cleanup\.$` },
  { id: "sift.marker.complete", source: String.raw`^Cleaning up orphan processes$` },
  { id: "sift.marker.error", source: String.raw`^##\[error\].*$` },
] as const;

export interface SignalProbe {
  id: string;
  category: string;
  source: string;
}

export const SIGNAL_PROBES: readonly SignalProbe[] = [
  {
    id: "sift.signal.runner-shutdown",
    category: "runner",
    source: String.raw`The runner has received a shutdown signal|The runner has lost communication with the server|lost communication with the server\. Verify the machine is running|hudson\.remoting\.Channel\$OrderlyShutdown|Agent went missing|The self-hosted runner: .* lost communication`,
  },
  { id: "sift.signal.exit-137", category: "runner", source: String.raw`exit(?:ed with)? code 137\b|exited with 137\b|Error 137$|returned non-zero exit status 137` },
  { id: "sift.signal.killed", category: "runner", source: String.raw`^Killed$|\bKilled\s+\S.*$|^.*line \d+: +\d+ Killed\b|Killed signal terminated program` },
  {
    // A runner re-tried a failed test: pytest-rerunfailures, jest retryTimes, vitest and Playwright
    // retries, surefire's flakes, Gradle's later PASSED, nextest's tries (retried-attempts.ts).
    id: "sift.signal.test-retried",
    category: "tests",
    source: String.raw`\bRERUN\b|LOGGING RETRY ERRORS|\(retry [x#]\d+\)|^\s*\d+ flaky\s*$|^(?:\[\w+\] )?(?:Flakes|Flaked tests): ?$|^[^\s>].* > .+ PASSED$|^\s*(?:TRY \d+ \S+|FLAKY \d+/\d+) \[`,
  },
  {
    id: "sift.signal.platform-timeout",
    category: "timeout",
    source: String.raw`^##\[error\]The job running on runner .* has exceeded the maximum execution time of \d+ minutes|^##\[error\]The action .* has timed out after \d+ minutes|Build timed out \(after \d+ minutes\)|No output has been received in the last \d+m|\[taskcluster:error\] Task aborted - max run time exceeded|ERROR: Job failed: execution took longer than`,
  },
];
