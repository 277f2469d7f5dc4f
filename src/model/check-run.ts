// The `Sift` check run: its name, and the record Sift keeps of it (the CheckRun table). The record is
// written in the same transaction as the verdicts it was rendered from, before GitHub is told, so the
// details page and the check run show one state.

export const CHECK_RUN_NAME = "Sift";

export type CheckRunStatus = "in_progress" | "completed";
export type CheckRunConclusion = "success" | "failure";

/** What Sift wrote (or is about to write) to the check run of a head SHA. */
export interface CheckRunRecord {
  /** null until GitHub created it. */
  checkRunId: string | null;
  status: CheckRunStatus;
  conclusion: CheckRunConclusion | null;
  title: string;
  /** What was last written (output-hash.ts); a writer skips an update with the same content. */
  outputHash: string | null;
}

/**
 * The check run's status and conclusion for a report: in progress while jobs still run or while a
 * re-run Sift asked for is on its way; then red when anything genuine is left, green otherwise.
 */
export function checkRunState(report: {
  pendingJobs: number;
  jobs: readonly { finalClass: string; retry: { state: string } | null }[];
}): { status: CheckRunStatus; conclusion: CheckRunConclusion | null } {
  const rerunning = report.jobs.some((j) => j.retry?.state === "requested");
  if (report.pendingJobs > 0 || rerunning) return { status: "in_progress", conclusion: null };
  return { status: "completed", conclusion: report.jobs.some((j) => j.finalClass === "genuine") ? "failure" : "success" };
}
