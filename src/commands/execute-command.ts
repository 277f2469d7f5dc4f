// Executes a parsed command: usage for invalid ones, a reasoned refusal for people without write
// access, otherwise the action and a 👍. Everything echoed back is escaped and cannot ping anyone.
// A flood is braked first (rate-limit.ts): past the limit, one "slow down" reply, then silence; and a
// usage or refusal reply is sent once per window, not once per command.
import type { ProviderRegistry } from "../providers/index.js";
import type { Logger } from "pino";
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import { inline } from "../report/markdown.js";
import type { Metrics } from "../model/index.js";
import { checkPermission } from "./check-permission.js";
import { react, reply, type CommandSite } from "./command-site.js";
import { clearKnownBroken, declareKnownBroken } from "./known-broken-command.js";
import { makeDueNow } from "../schedule/index.js";
import { COMMANDS_PER_MINUTE, claimReply, countCommand, windowOf } from "./rate-limit.js";
import { USAGE, type Command } from "./parse-command.js";
import { retryCommand } from "./retry-command.js";

export interface CommandDeps {
  prisma: PrismaClient;
  now: () => Date;
  metrics?: Metrics | undefined;
  log?: Logger | undefined;
  /** CI providers beside Actions: `/retry` re-runs their statuses through them. */
  providers?: ProviderRegistry | undefined;
}

/** limited: over the rate limit, ignored; already: the re-run asked for is on its way, nothing new. */
export type CommandOutcome = "usage" | "refused" | "done" | "nothing" | "limited" | "already";

export async function executeCommand(deps: CommandDeps, octokit: ProbotOctokit, site: CommandSite, command: Command): Promise<CommandOutcome> {
  const now = deps.now();
  const window = windowOf(site, now);
  if (!(await countCommand(deps.prisma, window))) {
    if (await claimReply(deps.prisma, window)) {
      await reply(octokit, site, `${inline(site.comment.author, 60)}: Sift takes at most ${COMMANDS_PER_MINUTE} commands a minute from one person in a repository. This one and the next ones this minute are ignored.`);
    }
    deps.log?.info(`command by ${site.comment.author} on ${site.owner}/${site.repo} ignored: over ${COMMANDS_PER_MINUTE} a minute`);
    return "limited";
  }
  if (command.kind === "invalid") {
    if (await claimReply(deps.prisma, window)) await reply(octokit, site, `${inline(command.problem)}\n\n${USAGE}`);
    return "usage";
  }
  const permission = await checkPermission(octokit, site, site.comment.author);
  if (!permission.allowed) {
    const who = inline(site.comment.author, 60);
    if (await claimReply(deps.prisma, window)) {
      await reply(octokit, site, `Sorry ${who}, only people with write, maintain or admin permission on this repository can use Sift commands (you have ${inline(permission.has, 40)}). Nothing was done.`);
    }
    return "refused";
  }
  if (command.kind === "retry") {
    const result = await retryCommand(deps.prisma, octokit, site, command.glob, now, deps.providers);
    deps.metrics?.retries.inc({ trigger: "command", status: "requested" }, result.requested);
    if (result.problems.length) await reply(octokit, site, result.problems.join("\n"));
    if (result.requested + result.waiting === 0 && result.already > 0 && result.problems.length === 0) {
      await react(octokit, site, "+1");
      return "already";
    }
    if (result.requested + result.waiting === 0) return "nothing";
    // The check run goes in progress with the re-run: analyse again now, from the stored state.
    await makeDueNow(deps.prisma, site, now);
  } else if (command.kind === "known-broken") {
    if (site.prNumber === null && !site.onDefaultBranch) {
      await reply(octokit, site, "`/known-broken` works in a pull request or on a commit of the default branch.");
      return "nothing";
    }
    await declareKnownBroken(deps.prisma, site, command.glob, command.reason, now);
    await makeDueNow(deps.prisma, site, now);
  } else {
    const cleared = await clearKnownBroken(deps.prisma, site, command.glob, now);
    if (cleared === 0) {
      await reply(octokit, site, "There was no active `/known-broken` declaration here to clear.");
      return "nothing";
    }
    await makeDueNow(deps.prisma, site, now);
  }
  await react(octokit, site, "+1");
  return "done";
}
