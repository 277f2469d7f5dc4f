// status: commit statuses of Jenkins, CircleCI, Buildbot, GitLab mirrors… recorded as jobs.
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

export function onStatus(deps: HandlerDeps) {
  return async (context: Context<"status">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    await deps.ingest.status(deliveryOf(context));
  };
}
