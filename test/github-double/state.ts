// What the GitHub double serves and what it received. Tests seed it and assert on it directly.
import { OAuthState } from "./oauth-state.js";

export interface DoubleJob {
  id: number;
  runId: number;
  owner: string;
  repo: string;
  name: string;
  headSha: string;
  conclusion: string | null;
  status: string;
  runAttempt: number;
  /** Served through the 302 → storage redirect; undefined → 404 (not uploaded yet). */
  log?: string;
}

export interface DoubleCheckRun {
  id: number;
  owner: string;
  repo: string;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  details_url?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: unknown[] };
  /** Every create/update body, in order. */
  writes: Record<string, unknown>[];
  app: { id: number; slug: string };
}

/** A workflow run as `GET …/actions/runs` lists it (backfill); its jobs are the DoubleJobs of its id. */
export interface DoubleRun {
  id: number;
  owner: string;
  repo: string;
  headSha: string;
  headBranch: string;
  runAttempt: number;
  status: string;
  conclusion: string | null;
  updatedAt: string;
  pullRequests: number[];
}

/** A commit status as `GET …/commits/:ref/status` lists it. */
export interface DoubleStatus {
  context: string;
  state: "pending" | "success" | "failure" | "error";
  target_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface HookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
  action: string | null;
  redelivery: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: unknown;
  /** Date.now() on arrival. */
  at: number;
}

export class GitHubState {
  appId = 1;
  appSlug = "sift-test";
  installations = new Map<number, { id: number; account: { login: string; type: string } }>();
  jobs = new Map<number, DoubleJob>();
  /** `${owner}/${repo}:${path}` → file text (for .github/sift.yml); `${owner}/${repo}@${ref}:${path}` at one ref. */
  contents = new Map<string, string>();
  checkRuns = new Map<number, DoubleCheckRun>();
  hookDeliveries: HookDelivery[] = [];
  redeliveries: number[] = [];
  reruns: { owner: string; repo: string; kind: "job" | "failed_jobs" | "run" | "rerequest"; id: number }[] = [];
  /** Workflow runs still running: a job re-run there gets GitHub's 403 (see routes/actions.ts). */
  runsInProgress = new Set<number>();
  /** run id → run_attempt raised by accepted re-runs (otherwise the highest attempt of its jobs). */
  runAttempts = new Map<number, number>();
  /** login → admin, maintain, write, triage, read (absent: none). */
  permissions = new Map<string, string>();
  pulls = new Map<number, { number: number; headSha: string; headRef: string; baseRef: string; baseSha: string; body: string | null }>();
  /** PR number → the files it changes (GET …/pulls/:number/files, paginated like GitHub's). */
  pullFiles = new Map<number, string[]>();
  /** SHAs on the default branch, for compare (commit comments there declare repo-wide). */
  defaultBranchShas = new Set<string>();
  commitComments: { owner: string; repo: string; sha: string; body: string }[] = [];
  comments: { owner: string; repo: string; issue: number; body: string }[] = [];
  reactions: { owner: string; repo: string; commentId: number; content: string }[] = [];
  requests: RecordedRequest[] = [];
  /** Requests that reached log storage with an Authorization header (must stay empty). */
  storageAuthViolations: string[] = [];
  tokens = new Set<string>();
  /** Sign in with GitHub: people, codes and user tokens (routes/oauth.ts). */
  oauth = new OAuthState();
  nextId = 1_000_000;
  /** Workflow runs listed by `GET …/actions/runs` (only these: jobs alone list no run). */
  workflowRuns = new Map<number, DoubleRun>();
  /** `${owner}/${repo}@${sha}` → its commit statuses (latest per context). */
  statuses = new Map<string, DoubleStatus[]>();
  /** `${owner}/${repo}:${branch}` → the branch's head SHA. */
  branches = new Map<string, string>();

  /** A workflow run's current run_attempt, as `GET …/actions/runs/{id}` reports it. */
  runAttempt(runId: number): number {
    const jobs = [...this.jobs.values()].filter((j) => j.runId === runId).map((j) => j.runAttempt);
    return Math.max(1, this.runAttempts.get(runId) ?? 0, ...jobs);
  }

  checkRunsFor(owner: string, repo: string, sha: string): DoubleCheckRun[] {
    return [...this.checkRuns.values()].filter((c) => c.owner === owner && c.repo === repo && c.head_sha === sha);
  }
}
