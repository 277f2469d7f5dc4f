// repository: a repository renamed or transferred to another owner takes its new name in Sift's rows,
// and the causes rollups of the owners it left and joined are summed again (src/rollup move-repository.ts).
import type { Context } from "probot";
import { hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const MOVES = new Set(["renamed", "transferred"]);

export function onRepository(deps: HandlerDeps) {
  return async (context: Context<"repository">): Promise<void> => {
    const p = context.payload;
    if (!deps.onRepositoryMoved) return skip(context, deps, "repository moves are not followed");
    if (!MOVES.has(p.action)) return skip(context, deps, `${p.action} does not move the repository`);
    if (!hasInstallation(p) || !p.installation) return skip(context, deps, "not sent to an installation");
    const owner = p.repository.owner?.login;
    if (!owner) return skip(context, deps, "no repository owner");
    const outcome = await deps.onRepositoryMoved({
      repositoryId: BigInt(p.repository.id), installationId: BigInt(p.installation.id), owner, name: p.repository.name,
      private: p.repository.private, defaultBranch: p.repository.default_branch || undefined,
    });
    if (!outcome.moved) return skip(context, deps, outcome.why);
    const left = outcome.owners.length > 0 ? `; the causes rollup of ${outcome.owners.join(", ")} and ${owner.toLowerCase()} summed again over ${outcome.days} rows` : "";
    context.log.info(`${context.name}.${p.action} ${context.id}: ${owner}/${p.repository.name} (${p.repository.id}) stored${left}`);
  };
}
