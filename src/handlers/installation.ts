// installation and installation_repositories: which accounts and repositories Sift serves.
import type { Context } from "probot";
import { deliveryOf, type HandlerDeps } from "./handler-deps.js";

export function onInstallation(deps: HandlerDeps) {
  return async (context: Context<"installation">): Promise<void> => {
    await deps.ingest.installation(deliveryOf(context));
  };
}

export function onInstallationRepositories(deps: HandlerDeps) {
  return async (context: Context<"installation_repositories">): Promise<void> => {
    await deps.ingest.installationRepositories(deliveryOf(context));
  };
}
