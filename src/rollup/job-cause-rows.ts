// The JobCause rows of one classified failed job (pure): one per cause it counts for, all on the UTC
// day it failed, each carrying the job-seconds it lost.
import { causeKeys } from "../classify/index.js";
import { failureKind, isFailedConclusion, sameJobKey, type AttemptFields } from "../model/index.js";

type Verdict = "flaky" | "known_problem" | "genuine";

export interface ClassifiedJob extends AttemptFields {
  id: number;
  repositoryId: bigint;
  headSha: string;
  runAttempt: number;
  conclusion: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  classification: { verdict: Verdict; patternId: string | null; category: string | null; signature: string | null; updatedAt: Date };
  /** Keys of the tests the failing step named (not the runner's flaky reports). */
  testKeys: string[];
}

export interface JobCauseRow {
  jobId: number;
  keyType: string;
  causeKey: string;
  repositoryId: bigint;
  day: Date;
  verdict: Verdict;
  kind: string;
  category: string | null;
  jobName: string;
  seconds: number;
  at: Date;
}

/** Seconds a finished attempt ran; 0 without both times. */
export function attemptSeconds(j: { startedAt: Date | null; completedAt: Date | null }): number {
  if (!j.startedAt || !j.completedAt) return 0;
  return Math.max(0, Math.round((j.completedAt.getTime() - j.startedAt.getTime()) / 1000));
}

/** The UTC day of `at`, as the DATE column stores it. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/**
 * `unjudged` are the job's other attempts without a verdict of their own: the failed ones before this
 * one were never classified (a re-run came first), so their time is lost to this failure's causes.
 */
export function jobCauseRows(job: ClassifiedJob, unjudged: readonly (AttemptFields & { runAttempt: number; conclusion: string | null; startedAt: Date | null; completedAt: Date | null })[]): JobCauseRow[] {
  const c = job.classification;
  const key = sameJobKey(job);
  const earlier = unjudged.filter((a) => a.runAttempt < job.runAttempt && isFailedConclusion(a.conclusion) && sameJobKey(a) === key);
  const seconds = attemptSeconds(job) + earlier.reduce((s, a) => s + attemptSeconds(a), 0);
  const at = job.completedAt ?? c.updatedAt;
  const kind = failureKind({ verdict: c.verdict, patternId: c.patternId, category: c.category });
  return causeKeys({ verdict: c.verdict, patternId: c.patternId, signature: c.signature, testKeys: job.testKeys }).map((k) => ({
    jobId: job.id,
    keyType: k.type,
    causeKey: k.key,
    repositoryId: job.repositoryId,
    day: utcDay(at),
    verdict: c.verdict,
    kind,
    category: c.category,
    jobName: job.name,
    seconds,
    at,
  }));
}
