// The one definition of "the same job across attempts". A re-run gets a new job id; its attempts
// share the workflow run and name (Actions), the CI app and check name (check runs), or the status
// context on the commit. Only the latest attempt counts: a job that failed, was re-run and passed is
// not a failure.
import type { AttemptInfo, JobInfo } from "./job.js";

export interface AttemptFields {
  provider: string;
  externalId: string;
  name: string;
  runId: string | bigint | null;
  appSlug?: string | null | undefined;
}

/** Attempts of one job share this key. */
export function sameJobKey(job: AttemptFields): string {
  if (job.provider === "actions") return `actions\u0000${job.runId ?? ""}\u0000${job.name}`;
  if (job.provider === "check_run") return `check_run\u0000${job.appSlug ?? ""}\u0000${job.name}`;
  return `status\u0000${job.externalId}`;
}

/** Rows grouped by job, each group oldest attempt first, groups in the order first seen. */
export function groupAttempts<T extends AttemptFields & { runAttempt: number; id: number }>(rows: readonly T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(sameJobKey(row), [...(groups.get(sameJobKey(row)) ?? []), row]);
  return [...groups.values()].map((g) => g.sort((a, b) => a.runAttempt - b.runAttempt || a.id - b.id));
}

/** The latest attempt of every job, in the order first seen. */
export function latestAttempts<T extends AttemptFields & { runAttempt: number; id: number }>(jobs: readonly T[]): T[] {
  return groupAttempts(jobs).map((g) => g[g.length - 1] as T);
}

/** Every attempt of the given job, oldest first, for the report. */
export function attemptsOf(job: JobInfo, jobs: readonly JobInfo[]): AttemptInfo[] {
  const key = sameJobKey(job);
  return groupAttempts(jobs.filter((j) => sameJobKey(j) === key))
    .flat()
    .map((j) => ({ attempt: j.runAttempt, conclusion: j.conclusion, htmlUrl: j.htmlUrl }));
}
