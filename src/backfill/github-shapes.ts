// The few fields the backfill keeps of GitHub's answers (the ETag cache holds these, not whole
// answers). Pure.
type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? (v.filter((x) => x && typeof x === "object") as Loose[]) : []);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const num = (v: unknown): number | null => (typeof v === "number" ? v : null);
const prNumbers = (v: unknown): number[] => list(v).map((p) => num(p.number)).filter((n): n is number => n !== null);

export interface RunSummary {
  id: number;
  runAttempt: number;
  headSha: string;
  headBranch: string | null;
  conclusion: string | null;
  updatedAt: string | null;
  prNumbers: number[];
}

export function pickRuns(data: unknown): RunSummary[] {
  return list((data as Loose | null)?.workflow_runs).flatMap((r) => {
    const id = num(r.id);
    const headSha = str(r.head_sha);
    if (id === null || headSha === null) return [];
    return [{ id, runAttempt: num(r.run_attempt) ?? 1, headSha, headBranch: str(r.head_branch), conclusion: str(r.conclusion), updatedAt: str(r.updated_at), prNumbers: prNumbers(r.pull_requests) }];
  });
}

const JOB_FIELDS = ["id", "run_id", "run_attempt", "head_sha", "head_branch", "name", "workflow_name", "status", "conclusion", "started_at", "completed_at", "html_url", "runner_name", "labels", "steps"];
const CHECK_FIELDS = ["id", "name", "head_sha", "status", "conclusion", "started_at", "completed_at", "html_url", "details_url", "app", "pull_requests"];
const STATUS_FIELDS = ["context", "state", "target_url", "created_at", "updated_at"];
const only = (o: Loose, keys: string[]): Loose => Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));

/** Workflow jobs as `workflow_job` payloads carry them (the ingest schema validates them). */
export function pickJobs(data: unknown): Loose[] {
  return list((data as Loose | null)?.jobs).map((j) => only(j, JOB_FIELDS));
}

export function pickCheckRuns(data: unknown): Loose[] {
  return list((data as Loose | null)?.check_runs).map((c) => {
    const app = c.app && typeof c.app === "object" ? only(c.app as Loose, ["id", "slug"]) : null;
    return { ...only(c, CHECK_FIELDS), app };
  });
}

export function pickStatuses(data: unknown): { sha: string | null; statuses: Loose[] } {
  const d = (data ?? {}) as Loose;
  return { sha: str(d.sha), statuses: list(d.statuses).map((s) => only(s, STATUS_FIELDS)) };
}

export interface OpenPull {
  number: number;
  headSha: string;
  headRef: string | null;
  baseRef: string | null;
  baseSha: string | null;
}

export function pickPulls(data: unknown): OpenPull[] {
  return list(data).flatMap((p) => {
    const head = (p.head ?? {}) as Loose;
    const base = (p.base ?? {}) as Loose;
    const number = num(p.number);
    const headSha = str(head.sha);
    if (number === null || headSha === null) return [];
    return [{ number, headSha, headRef: str(head.ref), baseRef: str(base.ref), baseSha: str(base.sha) }];
  });
}

export function pickBranchSha(data: unknown): string | null {
  return str(((data as Loose | null)?.commit as Loose | undefined)?.sha);
}
