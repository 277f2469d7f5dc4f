// Broken periods of the default branch: from its first red commit to the first green commit after
// it (time to fix), or still open. Commits come oldest first and need not be all of them: every
// commit whose state differs from the one before, and the latest, are enough (`n` counts them all).
import { median } from "./median.js";

export interface SettledCommit {
  sha: string;
  /** When Sift first saw the commit. */
  at: Date;
  red: boolean;
  /** 1 for the oldest commit of the window, counting every settled commit. */
  n: number;
  /** Jobs red for a genuine or known reason on this commit. */
  redJobs: readonly string[];
}

export interface BrokenPeriod {
  sinceSha: string;
  since: Date;
  /** The period's latest red commit. */
  lastSha: string;
  /** The period began before the window: its start (and time to fix) is only a lower bound. */
  startUnknown: boolean;
  /** Jobs red on the first red commit, and on the latest red commit of the period. */
  firstJobs: readonly string[];
  lastJobs: readonly string[];
  /** Red commits in the period. */
  commits: number;
  /** The first green commit after the period; null while it is open. */
  fixSha: string | null;
  fixedAt: Date | null;
  /** Time to fix, or for an open period how long it has been red until `now`. */
  seconds: number;
}

export function brokenPeriods(commits: readonly SettledCommit[], now: Date): BrokenPeriod[] {
  const periods: BrokenPeriod[] = [];
  let open: { first: SettledCommit; last: SettledCommit } | null = null;
  for (const c of commits) {
    if (c.red) {
      if (open) open.last = c;
      else open = { first: c, last: c };
      continue;
    }
    if (open) periods.push(period(open.first, open.last, c, now));
    open = null;
  }
  if (open) periods.push(period(open.first, open.last, null, now));
  return periods;
}

function period(first: SettledCommit, last: SettledCommit, fix: SettledCommit | null, now: Date): BrokenPeriod {
  const end = fix ? fix.at : now;
  return {
    sinceSha: first.sha,
    since: first.at,
    lastSha: last.sha,
    startUnknown: first.n === 1,
    firstJobs: first.redJobs,
    lastJobs: last.redJobs,
    commits: (fix ? fix.n : last.n + 1) - first.n,
    fixSha: fix?.sha ?? null,
    fixedAt: fix?.at ?? null,
    seconds: Math.max(0, (end.getTime() - first.at.getTime()) / 1000),
  };
}

/** The median time to fix of closed periods whose start is known; null without one. */
export function medianTimeToFix(periods: readonly BrokenPeriod[]): number | null {
  return median(periods.filter((p) => p.fixSha !== null && !p.startUnknown).map((p) => p.seconds));
}
