// What the webhook backfill reads: workflow runs of a repository, open pull requests, a branch's
// head, and a commit's combined status. Every GET answers ETags and 304s (http.ts json()).
import type { Routes } from "../context.js";
import { json, notFound } from "../http.js";

export const backfillRoutes: Routes = {
  "GET /repos/:owner/:repo/actions/runs": ({ state, res, params, url }) => {
    const status = url.searchParams.get("status");
    const perPage = Number(url.searchParams.get("per_page") ?? 30);
    const runs = [...state.workflowRuns.values()]
      .filter((r) => r.owner === params.owner && r.repo === params.repo)
      .filter((r) => !status || r.status === status || r.conclusion === status)
      .sort((a, b) => b.id - a.id)
      .slice(0, perPage);
    json(res, 200, {
      total_count: runs.length,
      workflow_runs: runs.map((r) => ({
        id: r.id,
        run_attempt: r.runAttempt,
        head_sha: r.headSha,
        head_branch: r.headBranch,
        status: r.status,
        conclusion: r.conclusion,
        updated_at: r.updatedAt,
        pull_requests: r.pullRequests.map((number) => ({ number })),
      })),
    });
  },
  "GET /repos/:owner/:repo/pulls": ({ state, res }) => {
    json(res, 200, [...state.pulls.values()].map((p) => ({ number: p.number, state: "open", head: { sha: p.headSha, ref: p.headRef }, base: { sha: p.baseSha, ref: p.baseRef } })));
  },
  "GET /repos/:owner/:repo/branches/:branch": ({ state, res, params }) => {
    const sha = state.branches.get(`${params.owner}/${params.repo}:${params.branch}`);
    if (!sha) return notFound(res);
    json(res, 200, { name: params.branch, commit: { sha } });
  },
  "GET /repos/:owner/:repo/commits/:ref/status": ({ state, res, params }) => {
    const statuses = state.statuses.get(`${params.owner}/${params.repo}@${params.ref}`) ?? [];
    const worst = statuses.some((s) => s.state === "failure" || s.state === "error") ? "failure" : statuses.some((s) => s.state === "pending") ? "pending" : "success";
    json(res, 200, { state: worst, sha: params.ref, total_count: statuses.length, statuses });
  },
};
