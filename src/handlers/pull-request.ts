// pull_request: head SHA ↔ PR number and base branch.
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const ACTIONS = new Set(["opened", "synchronize", "reopened"]);

export function onPullRequest(deps: HandlerDeps) {
  return async (context: Context<"pull_request">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    if (!ACTIONS.has(context.payload.action)) return skip(context, deps, "the head SHA did not change");
    await deps.ingest.pullRequest(deliveryOf(context));
  };
}
