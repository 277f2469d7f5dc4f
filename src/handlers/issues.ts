// issues: keeps the `sift:known-problem` and `sift:flaky-test` issues Sift matches failures against.
import type { Context } from "probot";
import { TRACKED_LABELS, syncKnownProblemIssue } from "../commands/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { skip, type HandlerDeps } from "./handler-deps.js";

const ACTIONS = new Set(["opened", "edited", "labeled", "unlabeled", "closed", "reopened", "deleted", "transferred"]);

export function onIssues(deps: HandlerDeps) {
  return async (context: Context<"issues">): Promise<void> => {
    const { action, issue, repository } = context.payload;
    if (!deps.commands) return skip(context, deps, "commands are off");
    const { prisma } = deps.commands;
    if (!ACTIONS.has(action)) return skip(context, deps, `${action} does not change coverage`);
    const labels = (issue.labels ?? []).flatMap((l) => (typeof l === "string" ? [l] : l ? [l.name] : []));
    const gone = action === "deleted" || action === "transferred";
    if (!TRACKED_LABELS.some((l) => labels.includes(l)) && !(await isKnown(prisma, repository.id, issue.number))) {
      return skip(context, deps, `not labelled ${TRACKED_LABELS.join(" or ")}`);
    }
    const repoRow = await prisma.repository.findUnique({ where: { id: BigInt(repository.id) } });
    if (!repoRow) return skip(context, deps, `repository ${repository.full_name} not installed yet`);
    const result = await syncKnownProblemIssue(prisma, {
      repositoryId: repository.id,
      number: issue.number,
      title: issue.title,
      htmlUrl: issue.html_url,
      body: issue.body ?? null,
      open: !gone && issue.state === "open",
      labels,
    });
    context.log.info(`issues ${context.id}: tracked issue #${issue.number} ${result}`);
  };
}

async function isKnown(prisma: PrismaClient, repositoryId: number, number: number): Promise<boolean> {
  return (await prisma.knownProblemIssue.count({ where: { repositoryId: BigInt(repositoryId), number, open: true } })) > 0;
}
