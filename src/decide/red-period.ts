// When has the default branch "turned red"? A broken period is a run of settled default-branch commits
// that are red (a genuine or known-problem failure; the history page's rule), ended by a settled green
// one. Commits still running or waiting for analysis neither start nor end a period.
//
// A period is named by the last green commit before it (its anchor): analysing its commits in any order
// gives the same name, so "once per broken period" is one outbox key.

export interface BranchCommit {
  sha: string;
  /** Analysed, or all its jobs completed. */
  settled: boolean;
  red: boolean;
}

/** The name of the period the commit `sha` is red in ("start" when no green commit came before), or null when it is not in one. */
export function redPeriodAnchor(newestFirst: readonly BranchCommit[], sha: string, opts: { complete: boolean }): string | null {
  const at = newestFirst.findIndex((c) => c.sha === sha);
  if (at < 0 || !newestFirst[at]?.red) return null;
  // A newer settled green commit: the branch is green again, nothing to say about this one.
  if (newestFirst.slice(0, at).some((c) => c.settled && !c.red)) return null;
  const green = newestFirst.slice(at + 1).find((c) => c.settled && !c.red);
  if (green) return green.sha;
  // Without the whole history, a red run longer than the list cannot be named stably: say nothing.
  return opts.complete ? "start" : null;
}
