// push: a change of `.github/sift.yml` on the default branch changes the repository's patterns (or,
// in the org's `.github` repository, the org defaults): its stored failures are re-classified.
import type { Context } from "probot";
import { hasInstallation, skip, type HandlerDeps } from "./handler-deps.js";

const CONFIG = ".github/sift.yml";
/** GitHub lists at most this many commits in a push payload: a longer push may touch the file unseen. */
const MAX_LISTED = 2048;

export function onPush(deps: HandlerDeps) {
  return async (context: Context<"push">): Promise<void> => {
    const p = context.payload;
    if (!deps.onConfigPushed) return;
    if (!hasInstallation(p)) return skip(context, deps, "not sent to an installation");
    if (p.ref !== `refs/heads/${p.repository.default_branch}`) return skip(context, deps, `${p.ref} is not the default branch`);
    if (p.deleted) return skip(context, deps, "the branch was deleted");
    const owner = p.repository.owner?.login;
    if (!owner) return skip(context, deps, "no repository owner");
    const touched = p.commits.length >= MAX_LISTED || [...p.commits, ...(p.head_commit ? [p.head_commit] : [])].some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG));
    if (!touched) return skip(context, deps, `${CONFIG} not changed`);
    await deps.onConfigPushed({ repositoryId: p.repository.id, owner, repo: p.repository.name, sha: p.after });
  };
}
