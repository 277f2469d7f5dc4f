// issues: keeps the `sift:known-problem` issues Sift matches failures against.
import type { Context } from "probot";
import { KNOWN_PROBLEM_LABEL, syncKnownProblemIssue, type CommandDeps } from "../commands/index.js";

const ACTIONS = new Set(["opened", "edited", "labeled", "unlabeled", "closed", "reopened", "deleted", "transferred"]);

export function onIssues(deps: Pick<CommandDeps, "prisma">) {
  return async (context: Context<"issues">): Promise<void> => {
    const { action, issue, repository } = context.payload;
    if (!ACTIONS.has(action)) return context.log.debug(`issues ${context.id}: ignored, ${action} does not change coverage`);
    const labels = (issue.labels ?? []).flatMap((l) => (typeof l === "string" ? [l] : l ? [l.name] : []));
    const gone = action === "deleted" || action === "transferred";
    if (!labels.includes(KNOWN_PROBLEM_LABEL) && !(await isKnown(deps, repository.id, issue.number))) {
      return context.log.debug(`issues ${context.id}: ignored, not labelled ${KNOWN_PROBLEM_LABEL}`);
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
    context.log.info(`issues ${context.id}: known-problem issue #${issue.number} ${result}`);
  };
}

async function isKnown(deps: Pick<CommandDeps, "prisma">, repositoryId: number, number: number): Promise<boolean> {
  return (await deps.prisma.knownProblemIssue.count({ where: { repositoryId: BigInt(repositoryId), number, open: true } })) > 0;
}
