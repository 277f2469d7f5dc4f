// What every handler gets: the ingest service and Sift's own App id (to ignore its own check runs).
import type { Context } from "probot";
import type { Delivery, Ingest } from "../ingest/index.js";
import type { CommandDeps } from "../commands/index.js";
import type { ConfigCheckResult, PullRequestRef } from "../config-check/index.js";
import type { ConfigPush } from "../reclassify/index.js";
import type { MoveOutcome, RepositoryMove } from "../rollup/index.js";

export interface HandlerDeps {
  ingest: Ingest;
  appId: number | undefined;
  /** Slash commands and known-problem issues (issue_comment, commit_comment, issues); off when absent. */
  commands?: CommandDeps | undefined;
  /** Re-runs waiting for a workflow run to complete (src/retry workflowRunHook). */
  onWorkflowRunCompleted?: ((context: Context<"workflow_run">) => Promise<void>) | undefined;
  /** A successful Actions job stored: queued for `successful: true` statistics (src/statistics); off when absent. */
  onJobSucceeded?: ((job: { repositoryId: number; installationId: number; externalId: string }) => Promise<void>) | undefined;
  /** The `Sift config` check of a pull request's `.github/sift.yml` (src/config-check); off when absent. */
  checkConfig?: ((octokit: Context["octokit"], pr: PullRequestRef) => Promise<ConfigCheckResult>) | undefined;
  /** `.github/sift.yml` changed on a default branch: re-classify (src/reclassify); off when absent. */
  onConfigPushed?: ((push: ConfigPush) => Promise<void>) | undefined;
  /** A repository renamed or transferred: its row and its owners' causes rollups follow (src/rollup); off when absent. */
  onRepositoryMoved?: ((move: RepositoryMove) => Promise<MoveOutcome>) | undefined;
}

type AnyContext = Pick<Context, "id" | "name" | "log"> & { payload: object };

export function deliveryOf(context: AnyContext): Delivery {
  return { id: context.id, event: context.name, payload: context.payload, log: context.log };
}

/** Returns early with a debug line saying why, counted in sift_webhooks_total{outcome="ignored"}. */
export function skip(context: AnyContext, deps: HandlerDeps, why: string): void {
  const action = "action" in context.payload && typeof context.payload.action === "string" ? `.${context.payload.action}` : "";
  context.log.debug(`${context.name}${action} ${context.id}: ignored, ${why}`);
  deps.ingest.ignored(context.name);
}

export function hasInstallation(payload: object): boolean {
  return "installation" in payload && payload.installation != null;
}
