// commit_comment: slash commands on a commit; on the default branch /known-broken is repo-wide.
import type { Context } from "probot";
import { commitSite } from "../commands/index.js";
import { runCommentCommand } from "./comment-command.js";
import type { HandlerDeps } from "./handler-deps.js";

export function onCommitComment(deps: HandlerDeps) {
  return async (context: Context<"commit_comment">): Promise<void> => {
    const { comment, repository } = context.payload;
    await runCommentCommand(context, deps, comment, () => commitSite(context.octokit, repository, comment, comment.commit_id));
  };
}
