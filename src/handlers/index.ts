// handlers: one per event; each reads a few fields, returns early with a reason, calls one service.
import type { Probot } from "probot";
import { onCheckRun } from "./check-run.js";
import { onCheckSuite } from "./check-suite.js";
import type { HandlerDeps } from "./handler-deps.js";
import { onInstallation, onInstallationRepositories } from "./installation.js";
import { onPullRequest } from "./pull-request.js";
import { onStatus } from "./status.js";
import { onWorkflowJob } from "./workflow-job.js";
import { onWorkflowRun } from "./workflow-run.js";
import { onIssueComment } from "./issue-comment.js";
import { onCommitComment } from "./commit-comment.js";
import { onIssues } from "./issues.js";
import { onPush } from "./push.js";
import { onMergeGroup } from "./merge-group.js";
import { onRepository } from "./repository.js";

export type { HandlerDeps } from "./handler-deps.js";

export function registerHandlers(app: Probot, deps: HandlerDeps): void {
  app.on("workflow_job", onWorkflowJob(deps));
  app.on("check_run", onCheckRun(deps));
  app.on("status", onStatus(deps));
  app.on("workflow_run", onWorkflowRun(deps));
  app.on("pull_request", onPullRequest(deps));
  app.on("check_suite", onCheckSuite(deps));
  app.on("merge_group", onMergeGroup(deps));
  app.on("installation", onInstallation(deps));
  app.on("installation_repositories", onInstallationRepositories(deps));
  app.on("push", onPush(deps));
  app.on("repository", onRepository(deps));
  if (deps.commands) {
    app.on("issue_comment", onIssueComment(deps));
    app.on("commit_comment", onCommitComment(deps));
    app.on("issues", onIssues(deps));
  }
}
