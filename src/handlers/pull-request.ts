// pull_request: head SHA ↔ PR number and base branch; a changed `.github/sift.yml` gets its `Sift config` check.
import type { Context } from "probot";
import { deliveryOf, hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const ACTIONS = new Set(["opened", "synchronize", "reopened"]);

export function onPullRequest(deps: HandlerDeps) {
  return async (context: Context<"pull_request">): Promise<void> => {
    if (!hasInstallation(context.payload)) return skip(context, deps, "not sent to an installation");
    if (!ACTIONS.has(context.payload.action)) return skip(context, deps, "the head SHA did not change");
    await deps.ingest.pullRequest(deliveryOf(context));
    if (!deps.checkConfig) return;
    const { pull_request: pr, repository } = context.payload;
    const at = { owner: repository.owner.login, repo: repository.name, repositoryId: repository.id, number: pr.number, headSha: pr.head.sha };
    const result = await deps.checkConfig(context.octokit, at);
    if (!result.written) context.log.debug(`pull_request.${context.payload.action} ${context.id}: no Sift config check, ${result.reason}`);
  };
}
