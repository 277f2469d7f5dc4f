// What decide/ knows beyond the SHA itself: plain data, loaded by src/history from the database.

/** One job of a base-branch commit, with the cause Sift found when it failed. */
export interface TrunkJob {
  name: string;
  conclusion: string | null;
  patternId: string | null;
  signature: string | null;
}

export interface TrunkCommit {
  sha: string;
  at: Date;
  url: string | null;
  jobs: TrunkJob[];
}

/** The base branch around the merge base: the merge base itself (when Sift saw it) and recent commits. */
export interface TrunkHistory {
  branch: string;
  mergeBaseSha: string | null;
  /** Newest first. */
  commits: TrunkCommit[];
}

/** A `/known-broken` declaration (KnownBroken row). */
export interface Declaration {
  id: number;
  jobGlob: string;
  reason: string;
  declaredBy: string;
  /** null: repo-wide, declared on a default-branch commit. */
  prNumber: number | null;
  expiresAt: Date | null;
  clearedAt: Date | null;
}

/** An open issue labelled `sift:known-problem`. */
export interface KnownProblemIssueInfo {
  number: number;
  title: string;
  url: string;
  jobGlobs: string[];
  /** Sift pattern ids, or regexes written between slashes. */
  patterns: string[];
}

export interface History {
  trunk: TrunkHistory | null;
  declarations: Declaration[];
  issues: KnownProblemIssueInfo[];
  /** Issue numbers the PR body says it fixes (`Fixes #N`). */
  fixedIssues: number[];
}

export const emptyHistory: History = { trunk: null, declarations: [], issues: [], fixedIssues: [] };
