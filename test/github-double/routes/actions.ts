// Actions: jobs, runs, logs (302 to storage that rejects Authorization, as GitHub's does), re-runs.
import type { Routes } from "../context.js";
import { json, notFound } from "../http.js";
import type { DoubleJob } from "../state.js";

/** A job as GitHub lists it (the fields of a `workflow_job` payload): a runner, times and its step. */
function jobAsListed(j: DoubleJob) {
  const started = "2026-12-06T09:00:00Z";
  const completed = j.status === "completed" ? "2026-12-06T09:05:00Z" : null;
  return {
    id: j.id,
    run_id: j.runId,
    run_attempt: j.runAttempt,
    name: j.name,
    workflow_name: "CI",
    head_sha: j.headSha,
    status: j.status,
    conclusion: j.conclusion,
    started_at: j.status === "queued" ? null : started,
    completed_at: completed,
    runner_name: j.status === "queued" ? null : "GitHub Actions 2",
    labels: ["ubuntu-latest"],
    html_url: `https://github.com/${j.owner}/${j.repo}/actions/runs/${j.runId}/job/${j.id}`,
    steps: j.status === "queued" ? [] : [{ name: "Run npm test", status: j.status, conclusion: j.conclusion, number: 1, started_at: started, completed_at: completed }],
  };
}

export const actionsRoutes: Routes = {
  "GET /repos/:owner/:repo/actions/jobs/:id": ({ state, res, params }) => {
    const job = state.jobs.get(Number(params.id));
    if (!job) return notFound(res);
    json(res, 200, { id: job.id, run_id: job.runId, name: job.name, head_sha: job.headSha, status: job.status, conclusion: job.conclusion, run_attempt: job.runAttempt });
  },
  "GET /repos/:owner/:repo/actions/jobs/:id/logs": ({ state, res, params, origin }) => {
    const job = state.jobs.get(Number(params.id));
    if (!job || job.log === undefined) return notFound(res);
    res.writeHead(302, { location: `${origin}/_storage/logs/${job.id}?sig=double` }).end();
  },
  "GET /_storage/logs/:id": ({ state, req, res, params }) => {
    if (req.headers.authorization) {
      state.storageAuthViolations.push(`job ${params.id}`);
      return json(res, 403, { message: "Authorization header not allowed on storage" });
    }
    const job = state.jobs.get(Number(params.id));
    if (!job || job.log === undefined) return notFound(res);
    res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(job.log);
  },
  "GET /repos/:owner/:repo/actions/runs/:runId/jobs": ({ state, res, params, url }) => {
    let jobs = [...state.jobs.values()].filter((j) => j.runId === Number(params.runId));
    // filter=latest (GitHub's default): only the latest attempt of each job
    if (url.searchParams.get("filter") !== "all") jobs = jobs.filter((j) => !jobs.some((o) => o.name === j.name && o.runAttempt > j.runAttempt));
    json(res, 200, { total_count: jobs.length, jobs: jobs.map(jobAsListed) });
  },
  "GET /repos/:owner/:repo/actions/runs/:runId": ({ state, res, params }) => {
    const runId = Number(params.runId);
    const running = state.runsInProgress.has(runId);
    json(res, 200, { id: runId, run_attempt: state.runAttempt(runId), status: running ? "in_progress" : "completed", conclusion: running ? null : "failure" });
  },
  // An accepted re-run starts a new attempt of the run (run_attempt + 1), as on GitHub.
  "POST /repos/:owner/:repo/actions/jobs/:id/rerun": ({ state, res, params }) => {
    const runId = state.jobs.get(Number(params.id))?.runId;
    if (runId !== undefined && state.runsInProgress.has(runId)) return json(res, 403, { message: "This workflow run is still in progress" });
    state.reruns.push({ owner: params.owner!, repo: params.repo!, kind: "job", id: Number(params.id) });
    if (runId !== undefined) state.runAttempts.set(runId, state.runAttempt(runId) + 1);
    json(res, 201, {});
  },
  "POST /repos/:owner/:repo/actions/runs/:id/rerun-failed-jobs": ({ state, res, params }) => {
    const runId = Number(params.id);
    if (state.runsInProgress.has(runId)) return json(res, 403, { message: "This workflow run is still in progress" });
    state.reruns.push({ owner: params.owner!, repo: params.repo!, kind: "failed_jobs", id: runId });
    state.runAttempts.set(runId, state.runAttempt(runId) + 1);
    json(res, 201, {});
  },
};
