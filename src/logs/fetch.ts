// Log retrieval: one entry point over the providers. Never throws — a provider crash becomes a
// failed fetch with the reason, so the failure counts as genuine and the report says why.
import { fetchActionsJobLog, type ActionsJobRef } from "./providers/actions-job.js";
import { fetchCheckRunLog, type CheckRunRef } from "./providers/check-run.js";
import type { GitHub } from "./providers/github.js";
import { fetchStatusLog, plainTextStatusProvider, type StatusLogProvider, type StatusRef } from "./providers/status.js";
import { DEFAULT_MAX_LOG_BYTES, fetchFailure, type LogFetchResult } from "./fetch-result.js";

export type LogTarget =
  | { kind: "actions-job"; job: ActionsJobRef }
  | { kind: "check-run"; checkRun: CheckRunRef }
  | { kind: "status"; status: StatusRef };

export interface FetchLogDeps {
  octokit: GitHub;
  /** Config `log.max_bytes`: only the tail of a larger log is read. */
  maxBytes?: number;
  /** Plain fetch for storage and status URLs (never given credentials). */
  fetch?: typeof globalThis.fetch;
  now?: () => Date;
  statusProviders?: readonly StatusLogProvider[];
}

export async function fetchLog(target: LogTarget, deps: FetchLogDeps): Promise<LogFetchResult> {
  const { octokit, maxBytes = DEFAULT_MAX_LOG_BYTES, fetch, now, statusProviders = [plainTextStatusProvider] } = deps;
  try {
    switch (target.kind) {
      case "actions-job":
        return await fetchActionsJobLog(octokit, target.job, { maxBytes, fetch, now });
      case "check-run":
        return await fetchCheckRunLog(octokit, target.checkRun, { maxBytes });
      case "status":
        return await fetchStatusLog(target.status, { maxBytes, fetch }, statusProviders);
    }
  } catch (error) {
    return fetchFailure(`log retrieval crashed: ${error instanceof Error ? error.message : String(error)}`, false);
  }
}
