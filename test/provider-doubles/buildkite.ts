// Buildkite's REST API as documented: Bearer token; GET …/builds/:n lists jobs (state, soft_failed,
// retried); GET …/jobs/:id/log (text with Accept: text/plain, JSON {content} otherwise; 404 once
// deleted); PUT …/jobs/:id/retry (once per job id: 422 after).
import { startDoubleServer, type DoubleServer, type DoubleRequest } from "./double-server.js";

export interface BuildkiteJob {
  id: string;
  name: string;
  state: "passed" | "failed" | "timed_out";
  soft_failed?: boolean;
  /** undefined: the log was deleted (404). */
  log?: string;
}

export interface BuildkiteDouble extends DoubleServer {
  token: string;
  /** `${org}/${pipeline}#${number}` → jobs */
  builds: Map<string, BuildkiteJob[]>;
  retried: string[];
  buildUrl(org: string, pipeline: string, n: number): string;
}

export async function startBuildkiteDouble(token = "bkua_sift"): Promise<BuildkiteDouble> {
  const builds = new Map<string, BuildkiteJob[]>();
  const retried: string[] = [];
  const denied = (req: DoubleRequest) => (req.headers.authorization === `Bearer ${token}` ? null : { status: 401, body: { message: "Authentication required" } });
  const jobOf = (p: Record<string, string>) => builds.get(`${p.org}/${p.pipeline}#${p.n}`)?.find((j) => j.id === p.job);
  const base = "/v2/organizations/:org/pipelines/:pipeline/builds/:n";
  const server = await startDoubleServer({
    [`GET ${base}`]: (p, req) => {
      const jobs = builds.get(`${p.org}/${p.pipeline}#${p.n}`);
      if (!jobs) return denied(req) ?? { status: 404, body: { message: "No build found" } };
      return denied(req) ?? { status: 200, body: { number: Number(p.n), state: "failed", jobs: jobs.map((j) => ({ type: "script", retried: retried.includes(j.id), ...j, log: undefined })) } };
    },
    [`GET ${base}/jobs/:job/log`]: (p, req) => {
      const job = jobOf(p);
      if (job?.log === undefined) return denied(req) ?? { status: 404, body: { message: "No job found" } };
      if (String(req.headers.accept).includes("text/plain")) return denied(req) ?? { status: 200, body: job.log };
      return denied(req) ?? { status: 200, body: { url: req.path, content: job.log, size: job.log.length, header_times: [] } };
    },
    [`PUT ${base}/jobs/:job/retry`]: (p, req) => {
      const job = jobOf(p);
      if (!job) return denied(req) ?? { status: 404, body: { message: "No job found" } };
      if (retried.includes(job.id)) return denied(req) ?? { status: 422, body: { message: "Only failed, timed out or canceled jobs can be retried" } };
      retried.push(job.id);
      return denied(req) ?? { status: 200, body: { id: `${job.id.slice(0, -4)}beef`, state: "scheduled", retries_count: 1 } };
    },
  });
  return Object.assign(server, { token, builds, retried, buildUrl: (org: string, pipeline: string, n: number) => `${server.origin}/${org}/${pipeline}/builds/${n}` });
}
