// issue_comment: slash commands in pull request comments.
import type { Context } from "probot";
import { pullRequestSite } from "../commands/index.js";
import { runCommentCommand } from "./comment-command.js";
import { skip, type HandlerDeps } from "./handler-deps.js";

export function onIssueComment(deps: HandlerDeps) {
  return async (context: Context<"issue_comment">): Promise<void> => {
    const { comment, issue, repository } = context.payload;
    if (!issue.pull_request) return skip(context, deps, "not a pull request");
    await runCommentCommand(context, deps, comment, () => pullRequestSite(context.octokit, repository, comment, issue.number));
  };
}
