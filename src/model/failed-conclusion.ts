// The one definition of "this job failed": what makes a head SHA due and a job worth classifying.
// Cancelled, skipped and neutral do not count.
const FAILED = new Set(["failure", "timed_out", "startup_failure", "error"]);

export function isFailedConclusion(conclusion: string | null | undefined): boolean {
  return conclusion !== null && conclusion !== undefined && FAILED.has(conclusion);
}
