// A CI job attempt as an analysis sees it (from the `Job` table).

export type Provider = "actions" | "check_run" | "status";

export interface JobInfo {
  id: number; // Sift's row id
  provider: Provider;
  externalId: string; // Actions job id, check run id, `${sha}/${context}` of a status
  name: string;
  workflowName: string | null;
  runId: string | null; // bigint as string
  runAttempt: number;
  conclusion: string | null;
  htmlUrl: string | null;
  headSha: string;
  headBranch: string | null;
  prNumbers: number[];
  startedAt: Date | null;
  completedAt: Date | null;
  /** Check runs: the CI app that ran the job (attempts of one check share it). */
  appSlug?: string | null;
  /** Actions: the steps the jobs API reported (name, number, conclusion, times). */
  steps?: unknown[] | null;
  /** Actions: the runner that took the job; null when none ever did. */
  runnerName?: string | null;
  /** Statuses: the target_url; check runs: the details_url. */
  logUrl?: string | null;
}

export interface AttemptInfo {
  attempt: number;
  conclusion: string | null;
  htmlUrl: string | null;
}
