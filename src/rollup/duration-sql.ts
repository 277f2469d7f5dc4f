// What a job's duration is, in SQL, for every figure that reads one (the rollup, its live days, and
// the durations pages): a successful job's seconds from start to end, both known and in order. A
// failed run is left out: a crash after 10 s is not "faster". `j` is the Job row.

/** Seconds from start to end, exactly as the org grid has always summed them. */
export const JOB_SECONDS = `extract(epoch from (j."completedAt" - j."startedAt"))::float8`;

/** A successful job with a duration. */
export const SUCCESSFUL_WITH_DURATION = `j.conclusion = 'success' and j."startedAt" is not null and j."completedAt" >= j."startedAt"`;

/** Jobs of repository `repo` (bigint) finished on UTC day `day` (a date expression). */
export function finishedOn(repo: string, day: string): string {
  return `j."repositoryId" = ${repo} and j."completedAt" >= (${day})::timestamp and j."completedAt" < (${day} + 1)::timestamp`;
}

/** The figures of a day's jobs over `s` (seconds), in DailyDuration's column order after the key. */
export const DAY_FIGURES = `count(*)::int, sum(s), sum(s * s), min(s), max(s),
  percentile_cont(0.5) within group (order by s), percentile_cont(0.9) within group (order by s)`;
