// The one path of slash commands in comments (issue_comment and commit_comment): only new comments by
// people carry commands; each ignored comment is counted with its reason; the command runs on the site
// the event resolves (PR head SHA, or the commented commit).
import type { Context } from "probot";
import { executeCommand, parseCommand, type CommandSite } from "../commands/index.js";
import { skip, type HandlerDeps } from "./handler-deps.js";
import { isBot } from "./is-bot.js";

type CommentContext = Context<"issue_comment"> | Context<"commit_comment">;

export async function runCommentCommand(
  context: CommentContext,
  deps: HandlerDeps,
  comment: { body?: string | null; user: { login?: string; type?: string } | null },
  site: () => Promise<CommandSite>,
): Promise<void> {
  if (!deps.commands) return skip(context, deps, "commands are off");
  if (context.payload.action !== "created") return skip(context, deps, "only new comments carry commands (edits are ignored)");
  if (isBot(comment.user)) return skip(context, deps, "comment by a bot");
  const command = parseCommand(comment.body ?? "");
  if (!command) return skip(context, deps, "no Sift command");
  const where = await site();
  const outcome = await executeCommand(deps.commands, context.octokit, where, command);
  const on = where.prNumber === null ? where.sha.slice(0, 7) : `#${where.prNumber}`;
  context.log.info(`${context.name} ${context.id}: ${command.kind} on ${on} by ${where.comment.author}: ${outcome}`);
}
