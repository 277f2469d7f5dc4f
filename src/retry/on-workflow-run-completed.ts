// The hook the workflow_run handler calls when a run completes: re-runs are only possible now.
// 1. record what earlier re-runs of this run produced, 2. re-run the next job waiting for this run,
// 3. end repo-wide declarations whose job now passed on the default branch.
import type { ProbotOctokit } from "probot";
import { clearPassingDeclarations } from "./clear-passing-declarations.js";
import { recordRetryOutcomes } from "./record-outcomes.js";
import { runStoredRetries, type StoredRetryDeps } from "./run-stored-retries.js";

export interface CompletedRun {
  repositoryId: number;
  runId: string;
  headBranch: string | null;
  defaultBranch: string;
}

export async function onWorkflowRunCompleted(deps: StoredRetryDeps, octokit: ProbotOctokit, run: CompletedRun): Promise<void> {
  const { prisma } = deps;
  const now = deps.now();
  await recordRetryOutcomes(prisma, run, now, deps.metrics);
  const waiting = await prisma.retry.findMany({
    where: { repositoryId: BigInt(run.repositoryId), status: "waiting", OR: [{ notBefore: null }, { notBefore: { lte: now } }], job: { runId: BigInt(run.runId) } },
    include: { job: true, repository: true },
    orderBy: { id: "asc" },
  });
  // GitHub re-runs one job of a run at a time: the next one waits for the next completion,
  // except rerun-failed-jobs rows, which go together.
  const first = waiting[0];
  if (first) await runStoredRetries(deps, octokit, first.method === "failed_jobs" ? waiting.filter((w) => w.method === "failed_jobs") : [first]);
  if (run.headBranch === run.defaultBranch) {
    const passed = await prisma.job.findMany({
      where: { repositoryId: BigInt(run.repositoryId), runId: BigInt(run.runId), conclusion: "success" },
      select: { name: true },
    });
    await clearPassingDeclarations(prisma, { repositoryId: run.repositoryId, passedJobNames: passed.map((p) => p.name), branch: run.defaultBranch, now });
  }
}
