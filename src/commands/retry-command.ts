// `/retry [GLOB]`: a person asked, so the automatic brakes (cap, budget, outage) do not apply, but
// GitHub's rules do: rerun-failed-jobs only when every failed job of the run is wanted, otherwise one
// job now and the others as the run completes. Commit statuses only through their CI provider, when
// Sift has credentials for it. A job whose re-run is
// already on its way (requested, or waiting for its run) is left alone: ten /retry, one re-run.
import type { ProbotOctokit } from "probot";
import { collectJobs } from "../history/index.js";
import type { JobInfo } from "../model/index.js";
import { globMatcher } from "../decide/index.js";
import type { PrismaClient } from "../generated/prisma/client.js";
import { code } from "../report/markdown.js";
import { pendingReruns, recordRetry, requestRerun, type RerunMethod } from "../retry/index.js";
import type { CommandSite } from "./command-site.js";
import type { ProviderRegistry } from "../providers/index.js";

export interface RetryCommandResult {
  requested: number;
  waiting: number;
  /** Wanted jobs left alone because their re-run is already on its way. */
  already: number;
  /** Lines for the reply when something could not be re-run; empty when all went well. */
  problems: string[];
}

export async function retryCommand(
  prisma: PrismaClient,
  octokit: ProbotOctokit,
  site: CommandSite,
  glob: string | null,
  now: Date,
  providers?: ProviderRegistry,
): Promise<RetryCommandResult> {
  const failed = (await collectJobs(prisma, site.repositoryId, site.sha)).failed.map((f) => f.job);
  const matching = glob ? failed.filter((j) => globMatcher([glob])?.(j.name)) : failed;
  const result: RetryCommandResult = { requested: 0, waiting: 0, already: 0, problems: [] };
  if (matching.length === 0) {
    result.problems.push(glob ? `No failed job of this commit matches ${code(glob)}.` : "This commit has no failed job to re-run.");
    return result;
  }
  const onTheirWay = await pendingReruns(prisma, matching.map((j) => j.id), now);
  const wanted = matching.filter((j) => !onTheirWay.has(j.id));
  result.already = matching.length - wanted.length;
  const record = (job: JobInfo, method: RerunMethod, status: "requested" | "waiting" | "failed", reason: string | null) =>
    recordRetry(prisma, { repositoryId: site.repositoryId, jobId: job.id, attempt: job.runAttempt, method, trigger: "command", requestedBy: site.comment.author, status, reason, cause: null, notBefore: null });
  const runs = new Map<string, JobInfo[]>();
  for (const job of wanted) {
    if (job.provider === "status") {
      const access = job.logUrl ? providers?.access({ context: job.name, url: job.logUrl, owner: site.owner }) : null;
      if (access?.call && access.provider.capabilities.reruns) await send(job, "provider");
      else {
        const why = access ? `${access.refusal ?? `${access.provider.title} jobs cannot be re-run through its API`}` : "GitHub cannot re-run it";
        result.problems.push(`${code(job.name)} is a commit status: ${why}; re-run it in its CI.`);
      }
    } else if (job.provider === "check_run" || job.runId === null) {
      await send(job, "rerequest");
    } else {
      runs.set(job.runId, [...(runs.get(job.runId) ?? []), job]);
    }
  }
  for (const [runId, jobs] of runs) {
    const all = failed.filter((j) => j.provider === "actions" && j.runId === runId).every((j) => jobs.includes(j));
    if (jobs.length > 1 && all) {
      await send(jobs[0] as JobInfo, "failed_jobs", jobs);
      continue;
    }
    const [first, ...rest] = jobs;
    if (first) await send(first, "job");
    for (const job of rest) {
      await record(job, "job", "waiting", "re-run once its workflow run completes");
      result.waiting++;
    }
  }
  return result;

  async function send(job: JobInfo, method: RerunMethod, group: JobInfo[] = [job]): Promise<void> {
    const status = method === "provider" ? { context: job.name, url: job.logUrl ?? null } : undefined;
    const outcome = await requestRerun(octokit, { owner: site.owner, repo: site.repo, method, externalId: job.externalId, runId: job.runId, status }, providers);
    const state = outcome.result === "requested" ? "requested" : outcome.result === "wait" ? "waiting" : "failed";
    for (const j of group) await record(j, method, state, outcome.result === "requested" ? null : outcome.message);
    if (state === "requested") result.requested += group.length;
    else if (state === "waiting") result.waiting += group.length;
    else result.problems.push(`${method === "provider" ? "Its CI" : "GitHub"} refused to re-run ${code(job.name)}.`);
  }
}
