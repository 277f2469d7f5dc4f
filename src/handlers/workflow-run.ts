// workflow_run: which PRs and branch a head SHA belongs to (Actions jobs carry no PR numbers).
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const ACTIONS = new Set(["requested", "completed"]);

export function onWorkflowRun(deps: HandlerDeps) {
  return async (context: Context<"workflow_run">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    if (!ACTIONS.has(context.payload.action)) return skip(context, deps, "only requested and completed runs matter");
    await deps.ingest.workflowRun(deliveryOf(context));
    // Re-runs are only possible once a run completed: run what waited for it (src/retry).
    if (context.payload.action === "completed") await deps.onWorkflowRunCompleted?.(context);
  };
}
