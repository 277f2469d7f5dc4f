// A new cause that starts recurring: a failure signature (the error line with numbers, hashes, paths
// and timestamps folded; classify/signature.ts) first seen in the repository within the last 7 days that
// has already failed at least 3 jobs on at least 2 pull requests. One pull request re-running one broken
// change does not count; the same new error showing up on several pull requests does.

export const NEW_CAUSE_RULE = { withinDays: 7, minJobs: 3, minPullRequests: 2 } as const;

export interface CauseSpread {
  firstSeen: Date;
  jobs: number;
  pullRequests: number;
}

export function isNewRecurringCause(spread: CauseSpread, now: Date, rule = NEW_CAUSE_RULE): boolean {
  const recent = now.getTime() - spread.firstSeen.getTime() <= rule.withinDays * 24 * 3600_000;
  return recent && spread.jobs >= rule.minJobs && spread.pullRequests >= rule.minPullRequests;
}
