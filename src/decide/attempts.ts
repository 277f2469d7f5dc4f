// Only the latest attempt of a job counts: a job that failed, was re-run and passed is not a failure,
// and jobs GitHub cancels while a re-run replaces them are not failures either.
import type { AttemptInfo, JobInfo } from "../analyse/types.js";

const FAILED = new Set(["failure", "timed_out", "startup_failure", "error"]);

/** Whether a conclusion means the job failed (cancelled, skipped and neutral do not). */
export function isFailedConclusion(conclusion: string | null): boolean {
  return conclusion !== null && FAILED.has(conclusion);
}

/** Attempts of one job share provider, workflow run and name; a re-run gets a new id. */
export function attemptKey(job: Pick<JobInfo, "provider" | "runId" | "name">): string {
  return `${job.provider}\u0000${job.runId ?? ""}\u0000${job.name}`;
}

function later(a: JobInfo, b: JobInfo): boolean {
  if (a.runAttempt !== b.runAttempt) return a.runAttempt > b.runAttempt;
  return (a.completedAt?.getTime() ?? 0) > (b.completedAt?.getTime() ?? 0) || (a.completedAt?.getTime() === b.completedAt?.getTime() && a.id > b.id);
}

/** The latest attempt of every job, in the order first seen. */
export function latestAttempts(jobs: readonly JobInfo[]): JobInfo[] {
  const byKey = new Map<string, JobInfo>();
  for (const job of jobs) {
    const key = attemptKey(job);
    const seen = byKey.get(key);
    if (!seen || later(job, seen)) byKey.set(key, job);
  }
  return [...byKey.values()];
}

/** Every attempt of the given job, oldest first, for the report. */
export function attemptsOf(job: JobInfo, jobs: readonly JobInfo[]): AttemptInfo[] {
  const key = attemptKey(job);
  return jobs
    .filter((j) => attemptKey(j) === key)
    .sort((a, b) => a.runAttempt - b.runAttempt || a.id - b.id)
    .map((j) => ({ attempt: j.runAttempt, conclusion: j.conclusion, htmlUrl: j.htmlUrl }));
}
