// workflow_job: the source of truth for GitHub Actions jobs (queued, in_progress, completed).
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

export function onWorkflowJob(deps: HandlerDeps) {
  return async (context: Context<"workflow_job">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    await deps.ingest.workflowJob(deliveryOf(context));
  };
}
