// The `retry` stage: executes decide/'s plan (src/retry) and folds what GitHub answered back into the
// report, so that the check run says what really happened: a refused re-run is not "re-running".
import { executeRetryPlan, type ExecuteDeps } from "../retry/index.js";
import type { AnalysisStages, JobReport } from "../model/index.js";

export function createRetryStage(deps: ExecuteDeps): AnalysisStages["retry"] {
  return async (octokit, report) => {
    const outcomes = await executeRetryPlan(deps, octokit, report);
    const jobs = report.jobs.map((j): JobReport => {
      const outcome = outcomes.get(j.job.id);
      if (!outcome || j.retry?.state !== "requested" || outcome.status === "requested") return j;
      const who = j.failure.providerRerun?.provider ?? "GitHub";
      if (outcome.status === "failed") return { ...j, retry: { state: "not-retryable", reason: `${who} refused the re-run: ${outcome.reason}` } };
      return { ...j, retry: { state: "waiting", reason: "waiting: re-run once its workflow run completes" } };
    });
    return { ...report, jobs };
  };
}
