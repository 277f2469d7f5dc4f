// Step 1 of an analysis: the failed jobs of a head SHA, latest attempt per job only, and how many
// jobs are still running. A job failed in attempt 1 and passed in attempt 2 is not failed; a job
// cancelled by a re-run is superseded by its newer attempt.
import type { PrismaClient } from "../generated/prisma/client.js";
import type { Job } from "../generated/prisma/client.js";
import { isFailure } from "../ingest/index.js";
import type { AttemptInfo, JobInfo } from "./types.js";

export interface CollectedJobs {
  failed: { job: JobInfo; attempts: AttemptInfo[] }[];
  pendingJobs: number;
}

/** Attempts of one logical job share this key. */
function logicalKey(j: Job): string {
  if (j.provider === "actions") return `actions:${j.runId}:${j.name}`;
  if (j.provider === "check_run") return `check_run:${j.appSlug}:${j.name}`;
  return `status:${j.externalId}`;
}

export function toJobInfo(j: Job): JobInfo {
  return {
    id: j.id,
    provider: j.provider,
    externalId: j.externalId,
    name: j.name,
    workflowName: j.workflowName,
    runId: j.runId === null ? null : String(j.runId),
    runAttempt: j.runAttempt,
    conclusion: j.conclusion,
    htmlUrl: j.htmlUrl,
    headSha: j.headSha,
    headBranch: j.headBranch,
    prNumbers: j.prNumbers,
    startedAt: j.startedAt,
    completedAt: j.completedAt,
    steps: Array.isArray(j.steps) ? (j.steps as unknown[]) : null,
    runnerName: j.runnerName,
    logUrl: j.logUrl,
    appSlug: j.appSlug,
  };
}

export async function collectJobs(prisma: PrismaClient, repositoryId: number, sha: string): Promise<CollectedJobs> {
  const rows = await prisma.job.findMany({
    where: { repositoryId: BigInt(repositoryId), headSha: sha },
    orderBy: [{ runAttempt: "asc" }, { id: "asc" }],
  });
  const groups = new Map<string, Job[]>();
  for (const row of rows) groups.set(logicalKey(row), [...(groups.get(logicalKey(row)) ?? []), row]);
  const result: CollectedJobs = { failed: [], pendingJobs: 0 };
  for (const attempts of groups.values()) {
    const latest = attempts[attempts.length - 1]!;
    if (latest.status !== "completed") result.pendingJobs++;
    else if (isFailure(latest.conclusion)) {
      result.failed.push({
        job: toJobInfo(latest),
        attempts: attempts.map((a) => ({ attempt: a.runAttempt, conclusion: a.conclusion, htmlUrl: a.htmlUrl })),
      });
    }
  }
  result.failed.sort((a, b) => a.job.name.localeCompare(b.job.name));
  return result;
}
