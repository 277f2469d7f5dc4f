// The one definition of "this job failed": what makes a head SHA due and a job worth classifying.
// Cancelled, skipped and neutral do not count.
/** For queries that filter on the stored conclusion (history pages). */
export const FAILED_CONCLUSIONS: readonly string[] = ["failure", "timed_out", "startup_failure", "error"];
const FAILED = new Set(FAILED_CONCLUSIONS);

export function isFailedConclusion(conclusion: string | null | undefined): boolean {
  return conclusion !== null && conclusion !== undefined && FAILED.has(conclusion);
}
