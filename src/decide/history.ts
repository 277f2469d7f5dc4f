// What decide/ knows beyond the SHA itself: plain data, loaded by src/history from the database.

/** One job of a base-branch commit, with the cause Sift found when it failed. */
export interface TrunkJob {
  name: string;
  conclusion: string | null;
  patternId: string | null;
  signature: string | null;
  /** The failing tests Sift stored for it (ids and files as the runner printed them). */
  tests?: { id: string; file: string | null }[];
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

/** A flip: a job that failed and then passed when re-run at the same commit (whoever asked for the re-run). */
export interface Flip {
  sha: string;
  /** Pull requests of that commit (empty for a branch commit). */
  prNumbers: number[];
  jobName: string;
  /** The attempt that passed (or, for a runner's own report, the job whose runner said so). */
  url: string | null;
  at: Date;
  /** The runner re-tried the test itself until it passed, in its words (no job re-run involved). */
  runnerSaid?: string;
}

/** Flips in the repository within evidence.window_days, for the tests and signatures asked about. */
export interface FlakyEvidence {
  /** A failing test of a flipped job, or a test a runner reported flaky. */
  tests: { id: string; file: string | null; flip: Flip }[];
  /** A flipped job without test ids, by its normalised failure signature. */
  signatures: { signature: string; jobName: string; flip: Flip }[];
  /** The evidence could not be read: failures stay genuine and the report says why. */
  error?: string;
}

/** An open issue labelled `sift:flaky-test` and the test ids it lists. */
export interface FlakyTestIssue {
  number: number;
  title: string;
  url: string;
  testIds: string[];
}

/** The files the commit's pull requests change, fetched only when evidence would make a failure flaky. */
export type ChangedFiles =
  | { kind: "files"; files: string[] }
  /** They could not be had (API error, too many files, no pull request): evidence cannot clear a test. */
  | { kind: "unknown"; reason: string }
  /** A default-branch commit: no pull request to blame. */
  | { kind: "not-needed" };

export interface History {
  trunk: TrunkHistory | null;
  declarations: Declaration[];
  issues: KnownProblemIssueInfo[];
  /** Issue numbers the PR body says it fixes (`Fixes #N`). */
  fixedIssues: number[];
  /** Flips of the failing tests (and signatures) of this commit's genuine failures. */
  flakyEvidence?: FlakyEvidence;
  flakyTestIssues?: FlakyTestIssue[];
  changedFiles?: ChangedFiles;
}

export const emptyHistory: History = { trunk: null, declarations: [], issues: [], fixedIssues: [] };
