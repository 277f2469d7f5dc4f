// CircleCI's API as documented: v1.1 job detail with steps → actions → output_url (presigned, on
// another origin, JSON [{type, message}]), v2 job detail (latest_workflow), v2 workflow re-run.
import { startDoubleServer, type DoubleServer } from "./double-server.js";

export interface CircleJob {
  org: string;
  repo: string;
  number: number;
  workflowId: string;
  steps: { name: string; status: "success" | "failed" | "infrastructure_fail"; output: string }[];
  /** Step output past retention: the presigned URL answers this. */
  outputStatus?: number;
}

export interface CircleCiDouble extends DoubleServer {
  token: string;
  jobs: Map<number, CircleJob>;
  reruns: { workflowId: string; body: unknown }[];
  /** Requests that reached step-output storage with the token (must stay empty). */
  tokenLeaks: string[];
  jobUrl(job: CircleJob): string;
}

export async function startCircleCiDouble(token = "circle-token"): Promise<CircleCiDouble> {
  const jobs = new Map<number, CircleJob>();
  const reruns: CircleCiDouble["reruns"] = [];
  const tokenLeaks: string[] = [];
  const authorised = (headers: Record<string, unknown>) => headers["circle-token"] === token;
  const server = await startDoubleServer({
    "GET /api/v1.1/project/github/:org/:repo/:n": (p, req) => {
      if (!authorised(req.headers)) return { status: 401, body: { message: "You must log in first." } };
      const job = jobs.get(Number(p.n));
      if (!job || job.org !== p.org || job.repo !== p.repo) return { status: 404, body: { message: "Build not found" } };
      const steps = job.steps.map((s, i) => ({
        name: s.name,
        actions: [{ index: 0, step: i, name: s.name, status: s.status, failed: s.status === "success" ? null : true, has_output: true, output_url: `${server.storageOrigin}/output/${job.number}/${i}?X-Amz-Signature=abc` }],
      }));
      return { status: 200, body: { build_num: job.number, status: "failed", steps } };
    },
    "GET /output/:n/:i": (p, req) => {
      if (req.headers["circle-token"] || req.headers.authorization) tokenLeaks.push(req.path);
      const job = jobs.get(Number(p.n));
      if (job?.outputStatus) return { status: job.outputStatus, body: "<Error><Code>AccessDenied</Code></Error>", headers: { "content-type": "application/xml" } };
      const step = job?.steps[Number(p.i)];
      if (!step) return { status: 404 };
      return { status: 200, body: [{ type: "out", time: "2026-12-01T10:00:00Z", message: step.output }] };
    },
    "GET /api/v2/project/gh/:org/:repo/job/:n": (p, req) => {
      if (!authorised(req.headers)) return { status: 401, body: { message: "Invalid token provided." } };
      const job = jobs.get(Number(p.n));
      return job ? { status: 200, body: { number: job.number, latest_workflow: { id: job.workflowId, name: "build" } } } : { status: 404, body: { message: "Job not found" } };
    },
    "POST /api/v2/workflow/:id/rerun": (p, req) => {
      if (!authorised(req.headers)) return { status: 401, body: { message: "Invalid token provided." } };
      if (![...jobs.values()].some((j) => j.workflowId === p.id)) return { status: 404, body: { message: "Workflow not found" } };
      reruns.push({ workflowId: p.id!, body: JSON.parse(req.body || "null") });
      return { status: 202, body: { workflow_id: p.id } };
    },
  });
  return Object.assign(server, {
    token,
    jobs,
    reruns,
    tokenLeaks,
    jobUrl: (job: CircleJob) => `${server.origin}/pipelines/github/${job.org}/${job.repo}/7/workflows/${job.workflowId}/jobs/${job.number}`,
  });
}
