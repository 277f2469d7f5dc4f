// Commit statuses only carry a target_url. Providers turn that URL into a log; the one built in
// reads URLs that serve text/plain (raw log endpoints); src/providers adds CircleCI, Jenkins, GitLab…
// target_url is set by whoever may post statuses: only http(s), no credentials sent, size-capped.
import { DEFAULT_MAX_LOG_BYTES, fetchFailure, type LogFetchResult } from "../fetch-result.js";
import { readLogText } from "../read-log-text.js";

export interface StatusRef {
  context: string;
  targetUrl: string | null;
  /** The repository owner: provider credentials are chosen per organisation. */
  owner?: string;
  /** For another app's check run read through its provider: the app's slug. */
  appSlug?: string | null;
}

export interface StatusLogOptions {
  maxBytes?: number;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

export interface StatusLogProvider {
  readonly name: string;
  /** Whether this provider knows how to read the status's target_url. */
  handles(status: StatusRef): boolean;
  fetch(status: StatusRef, options: StatusLogOptions): Promise<LogFetchResult>;
}

export const plainTextStatusProvider: StatusLogProvider = {
  name: "plain-text",
  handles: (status) => status.targetUrl !== null && /^https?:\/\//i.test(status.targetUrl),
  async fetch(status, { maxBytes = DEFAULT_MAX_LOG_BYTES, fetch = globalThis.fetch, timeoutMs = 60_000 }) {
    const url = status.targetUrl as string;
    try {
      const res = await fetch(url, { redirect: "follow", signal: AbortSignal.timeout(timeoutMs) });
      if (!res.ok || res.body === null) {
        await res.body?.cancel();
        return fetchFailure(`status target answered ${res.status}`, res.status >= 500 || res.status === 429);
      }
      const type = res.headers.get("content-type") ?? "";
      if (!/^text\/plain\b/i.test(type)) {
        await res.body.cancel();
        return fetchFailure(`status target is not a plain-text log (${type || "no content type"})`, false);
      }
      return await readLogText(res.body as AsyncIterable<Uint8Array>, maxBytes, { provider: "status", url });
    } catch (error) {
      return fetchFailure(`status target could not be read: ${error instanceof Error ? error.message : String(error)}`, true);
    }
  },
};

export async function fetchStatusLog(
  status: StatusRef,
  options: StatusLogOptions = {},
  providers: readonly StatusLogProvider[] = [plainTextStatusProvider],
): Promise<LogFetchResult> {
  const provider = providers.find((p) => p.handles(status));
  if (provider === undefined) return fetchFailure(`no log provider for status "${status.context}" (${status.targetUrl ?? "no target_url"})`, false);
  return provider.fetch(status, options);
}
