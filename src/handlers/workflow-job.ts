// workflow_job: the source of truth for GitHub Actions jobs (queued, in_progress, completed). A job that
// succeeded is also offered to the statistics queue (its log may hold a `successful: true` statistic).
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

export function onWorkflowJob(deps: HandlerDeps) {
  return async (context: Context<"workflow_job">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    const outcome = await deps.ingest.workflowJob(deliveryOf(context));
    const { workflow_job: job, repository, installation } = context.payload;
    if (outcome !== "stored" || !deps.onJobSucceeded || job.conclusion !== "success" || !installation) return;
    await deps.onJobSucceeded({ repositoryId: repository.id, installationId: installation.id, externalId: String(job.id) });
  };
}
