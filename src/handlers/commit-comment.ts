// commit_comment: slash commands on a commit; on the default branch /known-broken is repo-wide.
import type { Context } from "probot";
import { executeCommand, parseCommand, type CommandDeps } from "../commands/index.js";
import { isBot } from "./is-bot.js";

export function onCommitComment(deps: CommandDeps) {
  return async (context: Context<"commit_comment">): Promise<void> => {
    const { action, comment, repository } = context.payload;
    const why = (reason: string) => context.log.debug(`commit_comment ${context.id}: ignored, ${reason}`);
    if (action !== "created") return why("only new comments carry commands");
    if (isBot(comment.user)) return why("comment by a bot");
    const command = parseCommand(comment.body ?? "");
    if (!command) return why("no Sift command");
    const repo = { owner: repository.owner.login, repo: repository.name };
    // The commit is on the default branch when the branch contains it: identical to or behind its tip.
    const { data: cmp } = await context.octokit.rest.repos.compareCommitsWithBasehead({ ...repo, basehead: `${repository.default_branch}...${comment.commit_id}` });
    const site = {
      ...repo,
      repositoryId: repository.id,
      sha: comment.commit_id,
      prNumber: null,
      onDefaultBranch: cmp.status === "identical" || cmp.status === "behind",
      comment: { id: comment.id, kind: "commit" as const, author: comment.user?.login ?? "" },
    };
    const outcome = await executeCommand(deps, context.octokit, site, command);
    context.log.info(`commit_comment ${context.id}: ${command.kind} on ${comment.commit_id.slice(0, 7)} by ${site.comment.author}: ${outcome}`);
  };
}
