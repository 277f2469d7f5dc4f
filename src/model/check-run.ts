// The `Sift` check run: its name, the record Sift keeps of it (the CheckRun table), and the one
// definition of its status and conclusion. The record is written in the same transaction as the
// verdicts it was rendered from, before GitHub is told, so the details page and the check run show
// one state.

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

/** Re-run states after which GitHub will run the job again on its own: the check waits for them. */
const RERUN_COMING = new Set(["requested", "waiting", "held"]);

export interface CheckRunInput {
  pendingJobs: number;
  jobs: readonly { job: { name: string }; finalClass: string; retry: { state: string } | null }[];
  /**
   * A SHA whose check must conclude even without a failure (merge group, or PR head when Sift is a
   * required check): it waits for its first job, and a flaky failure counts only once a re-run passed.
   */
  required?: boolean | undefined;
  /** Jobs of the SHA Sift knows of, in any state (a required SHA with none waits for one). */
  knownJobs?: number | undefined;
  /** SIFT_REQUIRED_TIMEOUT_MINUTES have passed since the check run went in progress. */
  timedOut?: boolean | undefined;
}

export interface CheckRunState {
  status: CheckRunStatus;
  conclusion: CheckRunConclusion | null;
  /** Why a completed check failed without a genuine failure, in words for the report. */
  reasons: string[];
}

/**
 * The check run's status and conclusion, Sift being a required check:
 * - a genuine failure concludes `failure` at once (other jobs are not waited for);
 * - otherwise it stays `in_progress` while jobs still run, while a re-run of a flaky job is on its
 *   way, and (required SHAs) until the first job reports;
 * - past the timeout, whatever it still waits for counts as a failure, with the reason;
 * - then `success` when every failure left is flaky or known (on a required SHA: known, or flaky and
 *   passed on re-run, which leaves no failure), `failure` otherwise.
 */
export function checkRunState(report: CheckRunInput): CheckRunState {
  if (report.jobs.some((j) => j.finalClass === "genuine")) return { status: "completed", conclusion: "failure", reasons: [] };
  const waitingFor = waitsFor(report);
  if (waitingFor.length > 0 && !report.timedOut) return { status: "in_progress", conclusion: null, reasons: [] };
  const reasons = waitingFor.length > 0 ? [`timed out waiting for ${waitingFor.join(", ")}`] : [];
  if (report.required) {
    for (const j of report.jobs) {
      if (j.finalClass === "flaky" && !RERUN_COMING.has(j.retry?.state ?? "")) reasons.push(`flaky job ${j.job.name} did not pass and will not be re-run automatically`);
    }
  }
  return { status: "completed", conclusion: reasons.length > 0 ? "failure" : "success", reasons };
}

/** What the check run still waits for, in words ("2 jobs to finish", "the re-run of build"). */
export function waitsFor(report: CheckRunInput): string[] {
  const out: string[] = [];
  if (report.pendingJobs > 0) out.push(`${report.pendingJobs} job${report.pendingJobs === 1 ? "" : "s"} to finish`);
  const reruns = report.jobs.filter((j) => j.finalClass === "flaky" && RERUN_COMING.has(j.retry?.state ?? ""));
  if (reruns.length > 0) out.push(`the re-run of ${reruns.map((j) => j.job.name).join(", ")}`);
  if (report.required && (report.knownJobs ?? 1) === 0) out.push("a first job to report");
  return out;
}

/** Whether the wait that started at `since` has run past `timeoutMinutes` (0: no timeout). */
export function requiredWaitOver(since: Date, now: Date, timeoutMinutes: number): boolean {
  return timeoutMinutes > 0 && now.getTime() - since.getTime() >= timeoutMinutes * 60_000;
}
