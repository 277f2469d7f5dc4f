// One CI job attempt as ingest stores it, whatever the provider. Mapped from a payload by the
// jobFrom* functions, written by upsertJob.
import { isFailedConclusion, type Provider } from "../model/index.js";

export type { Provider };

export interface JobRecord {
  provider: Provider;
  /** Actions job id, check run id, or `${sha}/${context}` for a commit status (contexts repeat across SHAs). */
  externalId: string;
  headSha: string;
  name: string;
  workflowName: string | null;
  runId: string | null;
  runAttempt: number;
  status: string; // queued, in_progress, completed
  conclusion: string | null;
  startedAt: Date | null;
  completedAt: Date | null;
  prNumbers: number[];
  headBranch: string | null;
  appSlug: string | null;
  checkRunId: string | null;
  htmlUrl: string | null;
  /** Where the log comes from: the Actions API path, or the provider's target/details URL. */
  logUrl: string | null;
  runnerName: string | null;
  labels: string[];
  steps: unknown[] | null;
}

/** Conclusions that make a head SHA due for analysis: model/failed-conclusion.ts. */
export const isFailure = isFailedConclusion;

export function toDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}
