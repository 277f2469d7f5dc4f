// issue_comment: slash commands in pull request comments.
import type { Context } from "probot";
import { executeCommand, parseCommand, type CommandDeps } from "../commands/index.js";
import { isBot } from "./is-bot.js";

export function onIssueComment(deps: CommandDeps) {
  return async (context: Context<"issue_comment">): Promise<void> => {
    const { action, comment, issue, repository } = context.payload;
    const why = (reason: string) => context.log.debug(`issue_comment ${context.id}: ignored, ${reason}`);
    if (action !== "created") return why("only new comments carry commands (edits are ignored)");
    if (isBot(comment.user)) return why("comment by a bot");
    if (!issue.pull_request) return why("not a pull request");
    const command = parseCommand(comment.body ?? "");
    if (!command) return why("no Sift command");
    const { data: pr } = await context.octokit.rest.pulls.get({ owner: repository.owner.login, repo: repository.name, pull_number: issue.number });
    const site = {
      owner: repository.owner.login,
      repo: repository.name,
      repositoryId: repository.id,
      sha: pr.head.sha,
      prNumber: issue.number,
      onDefaultBranch: false,
      comment: { id: comment.id, kind: "issue" as const, author: comment.user?.login ?? "" },
    };
    const outcome = await executeCommand(deps, context.octokit, site, command);
    context.log.info(`issue_comment ${context.id}: ${command.kind} on #${issue.number} by ${site.comment.author}: ${outcome}`);
  };
}
