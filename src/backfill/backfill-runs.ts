// Recent workflow runs of the repository (one page, newest first, conditional): for each failed run
// of which Sift has no failed job of that attempt, its jobs are listed and the missing ones stored.
import { upsertHeadCommit } from "../ingest/index.js";
import { isFailedConclusion } from "../model/index.js";
import type { BackfillRound } from "./backfill-context.js";
import { conditionalGet } from "./conditional-get.js";
import { pickJobs, pickRuns, type RunSummary } from "./github-shapes.js";
import { ingestMissing, workflowJobRecords } from "./ingest-missing.js";

export async function backfillRuns(round: BackfillRound): Promise<number> {
  const { repo, limits } = round;
  const at = { owner: repo.owner, repo: repo.name };
  const { data: runs } = await conditionalGet(round.octokit, round, "/repos/{owner}/{repo}/actions/runs", { ...at, status: "completed", per_page: limits.runs }, pickRuns);
  const since = round.now.getTime() - limits.windowMs;
  const failed = runs.filter((r) => isFailedConclusion(r.conclusion) && r.updatedAt !== null && Date.parse(r.updatedAt) >= since);
  if (failed.length === 0) return 0;
  const known = await knownFailedAttempts(round, failed);
  let stored = 0;
  for (const run of failed.filter((r) => !known.has(`${r.id}:${r.runAttempt}`)).slice(0, limits.jobLists)) {
    await upsertHeadCommit(round.sql, repo.id, { sha: run.headSha, branch: run.headBranch, baseBranch: null, baseSha: null, prNumbers: run.prNumbers }, round.now);
    const { data: jobs } = await conditionalGet(round.octokit, round, "/repos/{owner}/{repo}/actions/runs/{run_id}/jobs", { ...at, run_id: run.id, filter: "latest", per_page: 100 }, pickJobs);
    stored += await ingestMissing(round, workflowJobRecords(round, jobs));
  }
  return stored;
}

/** `${runId}:${attempt}` of the runs Sift already holds a failed job of: webhooks reached it. */
async function knownFailedAttempts(round: BackfillRound, runs: RunSummary[]): Promise<Set<string>> {
  const rows = await round.sql.query(
    `select distinct "runId"::text as run, "runAttempt" as attempt from "Job"
     where "repositoryId" = $1::bigint and provider = 'actions' and "runId" = any($2::bigint[]) and status = 'completed'
       and conclusion in ('failure', 'timed_out', 'startup_failure')`,
    [String(round.repo.id), runs.map((r) => String(r.id))],
  );
  return new Set(rows.map((r) => `${String(r.run)}:${String(r.attempt)}`));
}
