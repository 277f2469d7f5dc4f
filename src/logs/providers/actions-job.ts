// GitHub Actions job logs. The API answers 302 to short-lived storage; that storage rejects requests
// carrying an Authorization header, so the redirect is never followed by Octokit (which would resend
// the token): the Location is fetched with a bare fetch and streamed, keeping only the tail.
import { DEFAULT_MAX_LOG_BYTES, fetchFailure, type LogFetchResult } from "../fetch-result.js";
import { readLogText } from "../read-log-text.js";
import { messageOf, statusOf, type GitHub } from "./github.js";

export interface ActionsJobRef {
  owner: string;
  repo: string;
  jobId: number;
  /** When the job completed: a 404 soon after means "not uploaded yet", later it means "deleted". */
  completedAt?: Date;
}

export interface ActionsJobLogOptions {
  maxBytes?: number;
  /** Plain fetch for the storage URL (no credentials ever added). */
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  /** How long after completion a 404 is still worth retrying. */
  uploadGraceMs?: number;
  /** Gives up on a storage download that takes longer than this. */
  timeoutMs?: number;
  /** Storage that failed or broke off is asked again (through a fresh redirect) after these delays. */
  storageRetryDelaysMs?: readonly number[];
}

const STORAGE_RETRY_DELAYS_MS = [1_000, 3_000];

const ROUTE = "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs";

/**
 * A storage answer that failed (5xx, a stale URL, no answer, a body that broke off) is usually gone a
 * second later: ask again, each time through a fresh redirect, before settling for "look again later".
 */
export async function fetchActionsJobLog(octokit: GitHub, job: ActionsJobRef, options: ActionsJobLogOptions = {}): Promise<LogFetchResult> {
  const delays = options.storageRetryDelaysMs ?? STORAGE_RETRY_DELAYS_MS;
  for (let attempt = 0; ; attempt++) {
    const { result, fromStorage } = await fetchOnce(octokit, job, options);
    const delay = delays[attempt];
    if (result.ok || !fromStorage || delay === undefined) return result;
    await new Promise((r) => setTimeout(r, delay));
  }
}

async function fetchOnce(octokit: GitHub, job: ActionsJobRef, options: ActionsJobLogOptions): Promise<{ result: LogFetchResult; fromStorage: boolean }> {
  const api = (result: LogFetchResult) => ({ result, fromStorage: false });
  const storage = (result: LogFetchResult) => ({ result, fromStorage: true });
  const { maxBytes = DEFAULT_MAX_LOG_BYTES, fetch = globalThis.fetch, now = () => new Date(), uploadGraceMs = 10 * 60_000, timeoutMs = 5 * 60_000 } = options;
  const apiUrl = `https://api.github.com/repos/${job.owner}/${job.repo}/actions/jobs/${job.jobId}/logs`;
  let response: Awaited<ReturnType<GitHub["request"]>>;
  try {
    response = await octokit.request(ROUTE, {
      owner: job.owner,
      repo: job.repo,
      job_id: job.jobId,
      request: { redirect: "manual", parseSuccessResponseBody: false },
    });
  } catch (error) {
    return api(apiFailure(error, job, now(), uploadGraceMs));
  }
  const location = (response.headers as Record<string, string | undefined>).location;
  let body: AsyncIterable<Uint8Array> | null;
  if (response.status >= 300 && response.status < 400) {
    await (response.data as ReadableStream | null)?.cancel().catch(() => undefined);
    if (!location) return api(fetchFailure(`job log: ${response.status} without a Location header`, true));
    const stored = await fetch(location, { redirect: "follow", signal: AbortSignal.timeout(timeoutMs) }).catch((e: unknown) => e as Error);
    if (stored instanceof Error) return storage(fetchFailure(`job log storage could not be read: ${stored.message}`, true));
    // A stale signed URL (403/404/410) needs a fresh redirect: retry rather than give up.
    if (!stored.ok || stored.body === null) return storage(fetchFailure(`job log storage answered ${stored.status}`, true));
    body = stored.body as AsyncIterable<Uint8Array>;
  } else {
    body = response.data as AsyncIterable<Uint8Array> | null; // some servers answer 200 directly
  }
  if (body === null) return api(fetchFailure(`job log: empty answer (${response.status})`, true));
  try {
    return api(await readLogText(body, maxBytes, { provider: "actions-job", url: apiUrl }));
  } catch (error) {
    return storage(fetchFailure(`job log download broke off: ${messageOf(error)}`, true));
  }
}

function apiFailure(error: unknown, job: ActionsJobRef, at: Date, graceMs: number): LogFetchResult {
  const status = statusOf(error);
  if (status === 410) return fetchFailure("job log expired (410 Gone): past the repository's log retention", false);
  if (status === 404) {
    const recent = job.completedAt === undefined || at.getTime() - job.completedAt.getTime() < graceMs;
    return recent
      ? fetchFailure("job log not found (404): not uploaded yet right after completion; will try again", true)
      : fetchFailure("job log not found (404): deleted, or never uploaded", false);
  }
  const transient = status === undefined || status >= 500 || status === 429;
  return fetchFailure(`job log could not be read (${status ?? "network error"}): ${messageOf(error)}`, transient);
}
