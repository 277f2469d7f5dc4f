// check_suite: PR numbers and branch of a head SHA, also for CI apps that send no workflow_run.
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

export function onCheckSuite(deps: HandlerDeps) {
  return async (context: Context<"check_suite">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    if (deps.appId !== undefined && context.payload.check_suite.app?.id === deps.appId) return skip(context, deps, "Sift's own check suite");
    await deps.ingest.checkSuite(deliveryOf(context));
  };
}
