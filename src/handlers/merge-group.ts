// merge_group: a merge queue wants checks on its group's SHA (checks_requested), or is done with it
// (destroyed: merged, or ejected after a failure).
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const ACTIONS = new Set(["checks_requested", "destroyed"]);

export function onMergeGroup(deps: HandlerDeps) {
  return async (context: Context<"merge_group">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    if (!ACTIONS.has(context.payload.action)) return skip(context, deps, "only checks_requested and destroyed matter");
    await deps.ingest.mergeGroup(deliveryOf(context));
  };
}
