// The three ways GitHub re-runs a job, and the fourth: a commit status's own CI provider (CircleCI,
// Jenkins…). A refusal because the run is still running is a reason to wait, not a failure.
import type { ProbotOctokit } from "probot";
import type { ProviderRegistry } from "../providers/index.js";

export type RerunMethod = "job" | "failed_jobs" | "rerequest" | "provider";

export interface RerunTarget {
  owner: string;
  repo: string;
  method: RerunMethod;
  /** Actions job id or check run id. */
  externalId: string;
  runId: string | null;
  /** Method "provider": the status to re-run through its provider. */
  status?: { context: string; url: string | null } | undefined;
}

/** `unanswered`: no answer, a 5xx or 429: GitHub may or may not have acted (see rerun-once.ts). */
export type RerunOutcome = { result: "requested" } | { result: "wait"; message: string } | { result: "failed"; message: string; unanswered: boolean };

const STILL_RUNNING = ["in progress", "not completed", "still running", "already running", "is running"];

export async function requestRerun(octokit: ProbotOctokit, t: RerunTarget, providers?: ProviderRegistry): Promise<RerunOutcome> {
  if (t.method === "provider") return rerunThroughProvider(t, providers);
  const base = { owner: t.owner, repo: t.repo };
  try {
    if (t.runId === null && t.method === "failed_jobs") return { result: "failed", message: "no workflow run id", unanswered: false };
    if (t.method === "job") {
      await octokit.request("POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun", { ...base, job_id: Number(t.externalId) });
    } else if (t.method === "failed_jobs") {
      await octokit.request("POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs", { ...base, run_id: Number(t.runId) });
    } else {
      await octokit.request("POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest", { ...base, check_run_id: Number(t.externalId) });
    }
    return { result: "requested" };
  } catch (err) {
    const status = (err as { status?: number }).status;
    const message = (err as Error).message || String(err);
    if ((status === 403 || status === 409) && STILL_RUNNING.some((s) => message.toLowerCase().includes(s))) return { result: "wait", message };
    const unanswered = status === undefined || status >= 500 || status === 429;
    return { result: "failed", message: status ? `${status} ${message}` : message, unanswered };
  }
}

async function rerunThroughProvider(t: RerunTarget, providers: ProviderRegistry | undefined): Promise<RerunOutcome> {
  if (!providers || !t.status?.url) return { result: "failed", message: "no CI provider to re-run this status through", unanswered: false };
  const outcome = await providers.rerun({ context: t.status.context, url: t.status.url, owner: t.owner });
  if (outcome.result === "failed") return { ...outcome, unanswered: false }; // a provider's re-run cannot be checked afterwards: never sent twice
  return outcome.result === "requested" ? { result: "requested" } : outcome;
}
