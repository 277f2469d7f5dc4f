// Strict HTTP mocks for the GitHub API and the log storage behind it: a test fails on a request
// nobody mocked and on a mock nobody used. Named helpers say which endpoint a test expects.
import type { Readable } from "node:stream";
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, expect } from "vitest";

export const API = "https://api.github.com";
export const STORAGE = "https://results-receiver.actions.githubusercontent.com";

/** Octokit as the app gets it, minus retry and throttling (function form: the object form keeps throttling on). */
export function testOctokit(): InstanceType<typeof ProbotOctokit> {
  const TestOctokit = ProbotOctokit.defaults((instanceOptions: object) => ({
    ...instanceOptions,
    retry: { enabled: false },
    throttle: { enabled: false },
  }));
  return new TestOctokit({ auth: { token: "ghs_test_installation_token" } });
}

/** Call once per test file: no real network, and every mock must be used. */
export function useStrictNock(): void {
  let unmatched: string[] = [];
  const onNoMatch = (req: { method?: string; href?: string; path?: string }) => {
    unmatched.push(`${req.method ?? "?"} ${req.href ?? req.path ?? "?"}`);
  };
  beforeEach(() => {
    unmatched = [];
    nock.disableNetConnect();
    nock.emitter.on("no match", onNoMatch);
  });
  afterEach(() => {
    nock.emitter.removeListener("no match", onNoMatch);
    const pending = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(unmatched, "requests nobody mocked").toEqual([]);
    expect(pending, "mocks nobody used").toEqual([]);
  });
}

interface JobRef {
  owner?: string;
  repo?: string;
  jobId?: number;
}

function jobPath({ owner = "octo", repo = "app", jobId = 42 }: JobRef): string {
  return `/repos/${owner}/${repo}/actions/jobs/${jobId}/logs`;
}

/** The API's 302 to the storage URL; the API call itself must carry the installation token. */
export function nockJobLogRedirect(ref: JobRef = {}, location = `${STORAGE}/logs/job-42.txt?sig=abc`): string {
  nock(API, { reqheaders: { authorization: /^token ghs_test_installation_token$/ } })
    .get(jobPath(ref))
    .reply(302, "", { Location: location });
  return location;
}

/** An API error for the job log (404 not uploaded/deleted, 410 expired, 5xx). */
export function nockJobLogStatus(status: number, ref: JobRef = {}): void {
  nock(API).get(jobPath(ref)).reply(status, { message: `status ${status}` });
}

/** The storage behind the redirect; it fails the test if an Authorization header reaches it. */
export function nockLogStorage(location: string, body: string | Buffer | (() => Readable), status = 200): void {
  const url = new URL(location);
  nock(url.origin, { badheaders: ["authorization"] })
    .get(url.pathname + url.search)
    .reply(status, typeof body === "function" ? body : () => body, { "Content-Type": "text/plain" });
}

export function nockGetCheckRun(output: { title?: string | null; summary?: string | null; text?: string | null }, id = 7, owner = "octo", repo = "app"): void {
  nock(API).get(`/repos/${owner}/${repo}/check-runs/${id}`).reply(200, { id, name: "ci/other", output: { annotations_count: 0, ...output } });
}

export function nockListAnnotations(pages: object[][], id = 7, owner = "octo", repo = "app"): void {
  pages.forEach((annotations, i) => {
    const page = i + 1;
    const headers: Record<string, string> =
      page < pages.length ? { Link: `<${API}/repos/${owner}/${repo}/check-runs/${id}/annotations?per_page=100&page=${page + 1}>; rel="next"` } : {};
    nock(API)
      .get(`/repos/${owner}/${repo}/check-runs/${id}/annotations`)
      .query(page === 1 ? { per_page: "100" } : { per_page: "100", page: String(page) })
      .reply(200, annotations, headers);
  });
}

/** A commit status's target URL serving a plain-text (or other) body. */
export function nockStatusTarget(url: string, body: string | Buffer, contentType = "text/plain; charset=utf-8", status = 200): void {
  const u = new URL(url);
  nock(u.origin, { badheaders: ["authorization"] })
    .get(u.pathname + u.search)
    .reply(status, body, { "Content-Type": contentType });
}

// ── Installation tokens, Sift's check run and webhook deliveries (scheduling and reports) ──

/** The JSON bodies a mock received, in order, for assertions. */
export type Captured = unknown[];

export function nockInstallationToken(installationId: number): void {
  nock(API)
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token: `ghs_test_${installationId}`, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {} });
}

export function nockListCheckRunsForRef(owner: string, repo: string, sha: string, checkRuns: object[] = []): void {
  nock(API)
    .get(`/repos/${owner}/${repo}/commits/${sha}/check-runs`)
    .query(true)
    .reply(200, { total_count: checkRuns.length, check_runs: checkRuns });
}

export function nockCreateCheckRun(owner: string, repo: string, id: number, bodies: Captured = []): void {
  nock(API)
    .post(`/repos/${owner}/${repo}/check-runs`, (body: unknown) => (bodies.push(body), true))
    .reply(201, (_uri, body) => ({ id, ...(body as object) }));
}

export function nockUpdateCheckRun(owner: string, repo: string, id: number, bodies: Captured = []): void {
  nock(API)
    .patch(`/repos/${owner}/${repo}/check-runs/${id}`, (body: unknown) => (bodies.push(body), true))
    .reply(200, (_uri, body) => ({ id, ...(body as object) }));
}

export interface HookDeliveryFixture {
  id: number;
  guid: string;
  delivered_at: string;
  status_code: number;
  event: string;
}

/** GET /app/hook/deliveries (one page), as the App (JWT) sees it. */
export function nockHookDeliveries(deliveries: HookDeliveryFixture[]): void {
  nock(API)
    .get("/app/hook/deliveries")
    .query(true)
    .reply(
      200,
      deliveries.map((d) => ({ redelivery: false, action: null, status: d.status_code >= 200 && d.status_code < 300 ? "OK" : "failed", ...d })),
    );
}

export function nockRedeliver(deliveryId: number): void {
  nock(API).post(`/app/hook/deliveries/${deliveryId}/attempts`).reply(202, {});
}

// ── Re-runs, permissions, comments and reactions (issue 6: retry and commands) ──

/** POST …/actions/jobs/{id}/rerun; `status` 403 with an "in progress" message simulates a running run. */
export function nockRerunJob(owner: string, repo: string, jobId: number | string, status = 201, message = ""): void {
  nock(API)
    .post(`/repos/${owner}/${repo}/actions/jobs/${jobId}/rerun`)
    .reply(status, status < 300 ? {} : { message });
}

export function nockRerunFailedJobs(owner: string, repo: string, runId: number | string, status = 201): void {
  nock(API).post(`/repos/${owner}/${repo}/actions/runs/${runId}/rerun-failed-jobs`).reply(status, {});
}

export function nockRerequestCheckRun(owner: string, repo: string, checkRunId: number | string, status = 201): void {
  nock(API).post(`/repos/${owner}/${repo}/check-runs/${checkRunId}/rerequest`).reply(status, {});
}

/** GET …/collaborators/{user}/permission; `permission` is the legacy field, `role` the role_name. */
export function nockPermission(owner: string, repo: string, user: string, permission: string, role = permission): void {
  nock(API)
    .get(`/repos/${owner}/${repo}/collaborators/${user}/permission`)
    .reply(200, { permission, role_name: role, user: { login: user } });
}

export function nockIssueCommentReaction(owner: string, repo: string, commentId: number, content: string): void {
  nock(API).post(`/repos/${owner}/${repo}/issues/comments/${commentId}/reactions`, { content }).reply(201, { id: 1, content });
}

export function nockCommitCommentReaction(owner: string, repo: string, commentId: number, content: string): void {
  nock(API).post(`/repos/${owner}/${repo}/comments/${commentId}/reactions`, { content }).reply(201, { id: 1, content });
}

/** POST an issue/PR comment; the body is pushed to `bodies` for assertions. */
export function nockCreateIssueComment(owner: string, repo: string, issue: number, bodies: string[] = []): void {
  nock(API)
    .post(`/repos/${owner}/${repo}/issues/${issue}/comments`, (b: { body: string }) => (bodies.push(b.body), true))
    .reply(201, { id: 99 });
}

export function nockCreateCommitComment(owner: string, repo: string, sha: string, bodies: string[] = []): void {
  nock(API)
    .post(`/repos/${owner}/${repo}/commits/${sha}/comments`, (b: { body: string }) => (bodies.push(b.body), true))
    .reply(201, { id: 98 });
}

export function nockGetPull(owner: string, repo: string, pr: { number: number; headSha: string; body?: string | null }): void {
  nock(API)
    .get(`/repos/${owner}/${repo}/pulls/${pr.number}`)
    .reply(200, { number: pr.number, body: pr.body ?? null, head: { sha: pr.headSha, ref: "feature" }, base: { ref: "main" } });
}

/** GET …/pulls/{n}/files, one reply per page of 100 (the last page shorter), or an error status. */
export function nockListPullFiles(owner: string, repo: string, number: number, pages: string[][] | number): void {
  const path = `/repos/${owner}/${repo}/pulls/${number}/files`;
  if (typeof pages === "number") {
    nock(API).get(path).query({ per_page: "100", page: "1" }).reply(pages, { message: `status ${pages}` });
    return;
  }
  pages.forEach((files, i) => {
    nock(API)
      .get(path)
      .query({ per_page: "100", page: String(i + 1) })
      .reply(200, files.map((filename) => ({ filename, status: "modified" })));
  });
}

/** GET …/compare/{base}...{head}: "identical" or "behind" means head is on the base branch. */
export function nockCompare(owner: string, repo: string, base: string, head: string, status: "identical" | "behind" | "ahead" | "diverged"): void {
  nock(API).get(`/repos/${owner}/${repo}/compare/${base}...${head}`).reply(200, { status });
}

/** A file's contents as the config plugin reads it (raw media type); null = 404. */
export function nockRepoFile(owner: string, repo: string, path: string, content: string | null, status = 200): void {
  const scope = nock(API).get(`/repos/${owner}/${repo}/contents/${encodeURIComponent(path)}`);
  if (content === null) scope.reply(404, { message: "Not Found" });
  else scope.reply(status, content, { "content-type": "application/vnd.github.v3.raw; charset=utf-8" });
}

/** GET a workflow run (status: queued, in_progress, completed; run_attempt: its latest attempt). */
export function nockGetWorkflowRun(owner: string, repo: string, runId: number, status = "completed", runAttempt = 1): void {
  nock(API).get(`/repos/${owner}/${repo}/actions/runs/${runId}`).reply(200, { id: runId, status, run_attempt: runAttempt, conclusion: status === "completed" ? "failure" : null });
}
