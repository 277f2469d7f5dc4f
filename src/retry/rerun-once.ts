// Asks GitHub for a re-run at most once, even when its answer is lost (a timeout, a 502 after GitHub
// acted, a process killed mid-request). Before the request, the workflow run's run_attempt is written
// on the Retry rows with status "requesting"; a later try first asks GitHub whether the run moved
// past that attempt — then GitHub took the earlier request, and Sift only records it.
import type { ProbotOctokit } from "probot";
import type { PrismaClient } from "../generated/prisma/client.js";
import type { ProviderRegistry } from "../providers/index.js";
import { requestRerun, type RerunOutcome, type RerunTarget } from "./request-rerun.js";

/** A "requesting" row still there this long after is an interrupted request: the sweep checks it. */
export const REQUESTING_CHECK_MS = 2 * 60_000;
/** After an answer that never came (or a 5xx), look again this much later. */
export const UNANSWERED_RETRY_MS = 2 * 60_000;

export interface RerunOnceResult {
  status: "requested" | "waiting" | "failed";
  reason: string | null;
  notBefore: Date | null;
}

export async function rerunOnce(prisma: PrismaClient, octokit: ProbotOctokit, target: RerunTarget, rowIds: number[], now: Date, providers?: ProviderRegistry): Promise<RerunOnceResult> {
  const rows = await prisma.retry.findMany({ where: { id: { in: rowIds } }, select: { runAttempt: true } });
  const known = rows.reduce<number | null>((m, r) => (r.runAttempt !== null && (m === null || r.runAttempt > m) ? r.runAttempt : m), null);
  let runAttempt: number | null = null;
  if (target.method !== "rerequest" && target.runId !== null) {
    const current = await currentRunAttempt(octokit, target);
    if (current === null) return { status: "waiting", reason: "GitHub did not say where the workflow run stands; Sift will look again", notBefore: new Date(now.getTime() + UNANSWERED_RETRY_MS) };
    if (known !== null && current > known) return { status: "requested", reason: `GitHub had already started it (run attempt ${current}); its answer was lost`, notBefore: null };
    runAttempt = current;
  }
  await prisma.retry.updateMany({ where: { id: { in: rowIds } }, data: { status: "requesting", runAttempt, notBefore: new Date(now.getTime() + REQUESTING_CHECK_MS) } });
  return toResult(await requestRerun(octokit, target, providers), target, now);
}

async function currentRunAttempt(octokit: ProbotOctokit, target: RerunTarget): Promise<number | null> {
  try {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/actions/runs/{run_id}", { owner: target.owner, repo: target.repo, run_id: Number(target.runId) });
    return typeof data.run_attempt === "number" ? data.run_attempt : 1;
  } catch {
    return null;
  }
}

function toResult(outcome: RerunOutcome, target: RerunTarget, now: Date): RerunOnceResult {
  if (outcome.result === "requested") return { status: "requested", reason: null, notBefore: null };
  if (outcome.result === "wait") return { status: "waiting", reason: outcome.message, notBefore: null };
  if (!outcome.unanswered) return { status: "failed", reason: outcome.message, notBefore: null };
  // A re-request cannot be checked afterwards: rather no second run of another app's check.
  if (target.method === "rerequest") return { status: "failed", reason: `${outcome.message} (GitHub's answer was lost; a re-request is not sent twice)`, notBefore: null };
  return { status: "waiting", reason: `GitHub did not answer (${outcome.message}); Sift checks whether it re-ran the job and asks again if not`, notBefore: new Date(now.getTime() + UNANSWERED_RETRY_MS) };
}
