// Adapts a `workflow_run` completed webhook to onWorkflowRunCompleted (called by the handler).
import type { Context } from "probot";
import { onWorkflowRunCompleted } from "./on-workflow-run-completed.js";
import type { StoredRetryDeps } from "./run-stored-retries.js";

export function workflowRunHook(deps: StoredRetryDeps) {
  return async (context: Context<"workflow_run">): Promise<void> => {
    const { workflow_run: run, repository } = context.payload;
    await onWorkflowRunCompleted(deps, context.octokit, {
      repositoryId: repository.id,
      runId: String(run.id),
      headBranch: run.head_branch,
      defaultBranch: repository.default_branch,
    });
  };
}
