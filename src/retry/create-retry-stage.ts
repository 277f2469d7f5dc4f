// The `retry` stage for analyse-commit.
import type { AnalysisStages } from "../analyse/index.js";
import { executeRetryPlan, type ExecuteDeps } from "./execute-plan.js";

export function createRetryStage(deps: ExecuteDeps): AnalysisStages["retry"] {
  return (octokit, report) => executeRetryPlan(deps, octokit, report);
}
