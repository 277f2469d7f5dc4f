// Check runs: created and updated ones are recorded with every write, for assertions.
import type { Routes } from "../context.js";
import { json, notFound } from "../http.js";
import type { DoubleCheckRun } from "../state.js";

type Body = Record<string, unknown>;

function apply(run: DoubleCheckRun, body: Body): void {
  run.writes.push(body);
  for (const key of ["name", "status", "conclusion", "details_url", "output"] as const) {
    if (key in body) (run as unknown as Body)[key] = body[key];
  }
  if (body.conclusion && !("status" in body)) run.status = "completed";
}

export const checksRoutes: Routes = {
  "POST /repos/:owner/:repo/check-runs": ({ state, res, params, body }) => {
    const b = body as Body;
    const run: DoubleCheckRun = {
      id: state.nextId++,
      owner: params.owner!,
      repo: params.repo!,
      name: String(b.name),
      head_sha: String(b.head_sha),
      status: "queued",
      conclusion: null,
      writes: [],
      app: { id: state.appId, slug: state.appSlug },
    };
    apply(run, b);
    state.checkRuns.set(run.id, run);
    json(res, 201, run);
  },
  "PATCH /repos/:owner/:repo/check-runs/:id": ({ state, res, params, body }) => {
    const run = state.checkRuns.get(Number(params.id));
    if (!run || run.owner !== params.owner || run.repo !== params.repo) return notFound(res);
    apply(run, body as Body);
    json(res, 200, run);
  },
  "GET /repos/:owner/:repo/check-runs/:id": ({ state, res, params }) => {
    const run = state.checkRuns.get(Number(params.id));
    if (run) json(res, 200, run);
    else notFound(res);
  },
  "GET /repos/:owner/:repo/commits/:ref/check-runs": ({ state, res, params, url }) => {
    const name = url.searchParams.get("check_name");
    const appId = url.searchParams.get("app_id");
    const runs = state
      .checkRunsFor(params.owner!, params.repo!, params.ref!)
      .filter((c) => (!name || c.name === name) && (!appId || c.app.id === Number(appId)));
    json(res, 200, { total_count: runs.length, check_runs: runs });
  },
};
