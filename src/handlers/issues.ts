// issues: keeps the `sift:known-problem` and `sift:flaky-test` issues Sift matches failures against.
import type { Context } from "probot";
import { TRACKED_LABELS, syncKnownProblemIssue, type CommandDeps } from "../commands/index.js";

const ACTIONS = new Set(["opened", "edited", "labeled", "unlabeled", "closed", "reopened", "deleted", "transferred"]);

export function onIssues(deps: Pick<CommandDeps, "prisma">) {
  return async (context: Context<"issues">): Promise<void> => {
    const { action, issue, repository } = context.payload;
    if (!ACTIONS.has(action)) return context.log.debug(`issues ${context.id}: ignored, ${action} does not change coverage`);
    const labels = (issue.labels ?? []).flatMap((l) => (typeof l === "string" ? [l] : l ? [l.name] : []));
    const gone = action === "deleted" || action === "transferred";
    if (!TRACKED_LABELS.some((l) => labels.includes(l)) && !(await isKnown(deps, repository.id, issue.number))) {
      return context.log.debug(`issues ${context.id}: ignored, not labelled ${TRACKED_LABELS.join(" or ")}`);
    }
    const repoRow = await deps.prisma.repository.findUnique({ where: { id: BigInt(repository.id) } });
    if (!repoRow) return context.log.debug(`issues ${context.id}: ignored, repository ${repository.full_name} not installed yet`);
    const result = await syncKnownProblemIssue(deps.prisma, {
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

async function isKnown(deps: Pick<CommandDeps, "prisma">, repositoryId: number, number: number): Promise<boolean> {
  return (await deps.prisma.knownProblemIssue.count({ where: { repositoryId: BigInt(repositoryId), number, open: true } })) > 0;
}
