// check_run: jobs of CI apps other than GitHub Actions (Buildkite, Azure Pipelines, CircleCI…).
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const JOB_ACTIONS = new Set(["created", "completed"]);

export function onCheckRun(deps: HandlerDeps) {
  return async (context: Context<"check_run">): Promise<void> => {
    const { payload } = context;
    if (!hasInstallation(payload)) return skip(context, deps, "not sent to an installation");
    if (!JOB_ACTIONS.has(payload.action)) return skip(context, deps, "not a job starting or finishing");
    const app = payload.check_run.app;
    if (deps.appId !== undefined && app?.id === deps.appId) return skip(context, deps, "Sift's own check run");
    // Actions sends a check_run for each job too; workflow_job already counts it.
    if (app?.slug === "github-actions") return skip(context, deps, "a GitHub Actions job, counted through workflow_job");
    await deps.ingest.checkRun(deliveryOf(context));
  };
}
