// The head SHAs of the most recently updated open pull requests and of the default branch: their
// finished check runs (other CI apps) and commit statuses, each read conditionally, missing ones stored.
import { upsertHeadCommit } from "../ingest/index.js";
import type { BackfillRound } from "./backfill-context.js";
import { conditionalGet } from "./conditional-get.js";
import { pickBranchSha, pickCheckRuns, pickPulls, pickStatuses } from "./github-shapes.js";
import { checkRunRecords, ingestMissing, statusRecords } from "./ingest-missing.js";

export async function backfillHeads(round: BackfillRound): Promise<number> {
  const { repo } = round;
  const at = { owner: repo.owner, repo: repo.name };
  const { data: pulls } = await conditionalGet(round.octokit, round, "/repos/{owner}/{repo}/pulls", { ...at, state: "open", sort: "updated", direction: "desc", per_page: round.limits.pulls }, pickPulls);
  const shas = new Set<string>();
  for (const pr of pulls) {
    await upsertHeadCommit(round.sql, repo.id, { sha: pr.headSha, branch: pr.headRef, baseBranch: pr.baseRef, baseSha: pr.baseSha, prNumbers: [pr.number] }, round.now);
    shas.add(pr.headSha);
  }
  const trunk = await conditionalGet(round.octokit, round, "/repos/{owner}/{repo}/branches/{branch}", { ...at, branch: repo.defaultBranch }, pickBranchSha).catch(
    (err: unknown) => {
      if ((err as { status?: number }).status === 404) return { data: null }; // an empty repository has no default branch yet
      throw err;
    },
  );
  if (trunk.data) shas.add(trunk.data);
  let stored = 0;
  for (const sha of shas) {
    const { data: checks } = await conditionalGet(round.octokit, round, "/repos/{owner}/{repo}/commits/{ref}/check-runs", { ...at, ref: sha, filter: "latest", status: "completed", per_page: 100 }, pickCheckRuns);
    // Actions jobs come through workflow runs (above), and Sift's own check run is no job
    const others = checks.filter((c) => {
      const app = c.app as { id?: number; slug?: string } | null;
      return app?.slug !== "github-actions" && (round.appId === undefined || app?.id !== round.appId);
    });
    stored += await ingestMissing(round, checkRunRecords(round, others));
    const { data: combined } = await conditionalGet(round.octokit, round, "/repos/{owner}/{repo}/commits/{ref}/status", { ...at, ref: sha, per_page: 100 }, pickStatuses);
    stored += await ingestMissing(round, statusRecords(round, sha, combined.statuses));
  }
  return stored;
}
