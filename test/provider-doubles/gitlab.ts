// GitLab's API as documented: PRIVATE-TOKEN header; pipeline jobs paginated (x-next-page); job trace
// as text (404 once erased or expired); POST jobs/:id/retry and pipelines/:id/retry (201).
import { startDoubleServer, type DoubleServer, type DoubleRequest } from "./double-server.js";

export interface GitLabJob {
  id: number;
  name: string;
  status: "failed" | "success";
  allow_failure?: boolean;
  /** undefined: erased or expired (404). */
  trace?: string;
}

export interface GitLabDouble extends DoubleServer {
  token: string;
  /** project path → pipeline id → jobs */
  pipelines: Map<string, Map<number, GitLabJob[]>>;
  retried: string[];
  /** Jobs per page of the pipeline jobs list (GitLab's per_page, capped low to exercise pagination). */
  pageSize: number;
  pipelineUrl(project: string, id: number): string;
}

export async function startGitLabDouble(token = "glpat-sift"): Promise<GitLabDouble> {
  const pipelines = new Map<string, Map<number, GitLabJob[]>>();
  const retried: string[] = [];
  const denied = (req: DoubleRequest) => (req.headers["private-token"] === token ? null : { status: 401, body: { message: "401 Unauthorized" } });
  const jobsOf = (project: string) => [...(pipelines.get(project)?.values() ?? [])].flat();
  const state = { pageSize: 100 };
  // eslint-disable-next-line prefer-const -- the routes read the double's pageSize, set after start
  let double: GitLabDouble | undefined;
  const server = await startDoubleServer({
    "GET /api/v4/projects/:id/pipelines/:pid/jobs": (p, req, url) => {
      const jobs = pipelines.get(p.id!)?.get(Number(p.pid));
      if (!jobs) return denied(req) ?? { status: 404, body: { message: "404 Not found" } };
      const scope = url.searchParams.getAll("scope[]");
      const matching = jobs.filter((j) => scope.length === 0 || scope.includes(j.status));
      const page = Number(url.searchParams.get("page") ?? "1");
      const size = Math.min(double?.pageSize ?? state.pageSize, Number(url.searchParams.get("per_page") ?? "20"));
      const slice = matching.slice((page - 1) * size, page * size);
      const next = page * size < matching.length ? String(page + 1) : "";
      return denied(req) ?? { status: 200, body: slice, headers: { "x-next-page": next, "x-page": String(page), "x-per-page": String(size) } };
    },
    "GET /api/v4/projects/:id/jobs/:job/trace": (p, req) => {
      const job = jobsOf(p.id!).find((j) => j.id === Number(p.job));
      return denied(req) ?? (job?.trace !== undefined ? { status: 200, body: job.trace } : { status: 404, body: { message: "404 Not Found" } });
    },
    "POST /api/v4/projects/:id/jobs/:job/retry": (p, req) => {
      const job = jobsOf(p.id!).find((j) => j.id === Number(p.job));
      if (!job) return denied(req) ?? { status: 404, body: { message: "404 Job Not Found" } };
      retried.push(`job:${p.job}`);
      return denied(req) ?? { status: 201, body: { id: job.id + 1000, name: job.name, status: "pending" } };
    },
    "POST /api/v4/projects/:id/pipelines/:pid/retry": (p, req) => {
      if (!pipelines.get(p.id!)?.has(Number(p.pid))) return denied(req) ?? { status: 404, body: { message: "404 Not found" } };
      retried.push(`pipeline:${p.pid}`);
      return denied(req) ?? { status: 201, body: { id: Number(p.pid), status: "pending" } };
    },
  });
  double = Object.assign(server, {
    token,
    pipelines,
    retried,
    pageSize: state.pageSize,
    pipelineUrl: (project: string, id: number) => `${server.origin}/${project}/-/pipelines/${id}`,
  });
  return double;
}
