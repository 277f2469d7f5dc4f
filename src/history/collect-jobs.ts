// The failed jobs of a head SHA, latest attempt per job only, and how many jobs are still running.
// A job failed in attempt 1 and passed in attempt 2 is not failed; a job cancelled by a re-run is
// superseded by its newer attempt.
import type { Job, PrismaClient } from "../generated/prisma/client.js";
import { groupAttempts, isFailedConclusion, type AttemptInfo, type JobInfo } from "../model/index.js";

export interface CollectedJobs {
  failed: { job: JobInfo; attempts: AttemptInfo[] }[];
  pendingJobs: number;
  /** Every job of the SHA (latest attempts), in any state. */
  knownJobs: number;
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
    appSlug: j.appSlug,
    steps: Array.isArray(j.steps) ? (j.steps as unknown[]) : null,
    runnerName: j.runnerName,
    logUrl: j.logUrl,
  };
}

export async function collectJobs(prisma: Pick<PrismaClient, "job">, repositoryId: number, sha: string): Promise<CollectedJobs> {
  const rows = await prisma.job.findMany({ where: { repositoryId: BigInt(repositoryId), headSha: sha }, orderBy: [{ runAttempt: "asc" }, { id: "asc" }] });
  const result: CollectedJobs = { failed: [], pendingJobs: 0, knownJobs: 0 };
  for (const attempts of groupAttempts(rows)) {
    const latest = attempts[attempts.length - 1]!;
    result.knownJobs++;
    if (latest.status !== "completed") result.pendingJobs++;
    else if (isFailedConclusion(latest.conclusion)) {
      result.failed.push({
        job: toJobInfo(latest),
        attempts: attempts.map((a) => ({ attempt: a.runAttempt, conclusion: a.conclusion, htmlUrl: a.htmlUrl })),
      });
    }
  }
  result.failed.sort((a, b) => a.job.name.localeCompare(b.job.name));
  return result;
}
