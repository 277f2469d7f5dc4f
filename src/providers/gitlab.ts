// GitLab CI (mirrored projects report pipelines as statuses, "ci/gitlab/<host>"). The URL names a
// job (…/-/jobs/<id>) or a pipeline (…/-/pipelines/<id>); a pipeline is read through its one failed
// job (its failed jobs are listed page by page). Trace: `GET projects/:id/jobs/:job_id/trace`;
// re-run: `POST …/jobs/:job_id/retry` or `POST …/pipelines/:id/retry`; `PRIVATE-TOKEN` header.
import { fetchFailure, type LogFetchResult } from "../logs/index.js";
import type { CiProvider, ProviderCall, ProviderRerunOutcome } from "./ci-provider.js";
import { getJson, logFailure, namedTargetUrl, requestOf, send, streamLog, type ProviderRequest } from "./provider-http.js";

export interface GitLabRef {
  project: string;
  kind: "jobs" | "pipelines";
  id: number;
}

interface GitLabJob {
  id: number;
  name: string;
  status: string;
  allow_failure?: boolean;
}

const URL_PATH = /^\/(.+?)\/-\/(jobs|pipelines)\/(\d+)(?:\/|$)/;
const MAX_PAGES = 20;

const request = (call: ProviderCall): ProviderRequest => requestOf(call, { "PRIVATE-TOKEN": call.credentials.token ?? "" });
const projectUrl = (call: ProviderCall, ref: GitLabRef) => `${call.base}/api/v4/projects/${encodeURIComponent(ref.project)}`;

export const gitlab: CiProvider<GitLabRef> = {
  id: "gitlab",
  title: "GitLab",
  capabilities: { logs: true, steps: true, reruns: true },
  defaultUrl: "https://gitlab.com",

  recognise(job) {
    const url = namedTargetUrl(job, /gitlab/i);
    const m = url && URL_PATH.exec(url.pathname);
    if (!url || !m) return null;
    return { origin: url.origin, ref: { project: decodeURIComponent(m[1]!), kind: m[2] as GitLabRef["kind"], id: Number(m[3]) } };
  },

  async fetchLog(ref, call): Promise<LogFetchResult> {
    const req = request(call);
    let jobId = ref.id;
    if (ref.kind === "pipelines") {
      const failed = await failedJobs(req, call, ref).catch((err: unknown) => err as Error);
      if (failed instanceof Error) return logFailure(failed, `pipeline ${ref.id}`);
      if (failed.length === 0) return fetchFailure(`pipeline ${ref.id} lists no failed job`, false);
      if (failed.length > 1) {
        return fetchFailure(`pipeline ${ref.id} has ${failed.length} failed jobs (${failed.map((j) => j.name).join(", ")}): Sift reads a pipeline status only when one job failed`, false);
      }
      jobId = (failed[0] as GitLabJob).id;
    }
    try {
      return await streamLog(req, `${projectUrl(call, ref)}/jobs/${jobId}/trace`, call.maxBytes, `job ${jobId} trace`);
    } catch (err) {
      return logFailure(err, `job ${jobId} trace`);
    }
  },

  async rerun(ref, call): Promise<ProviderRerunOutcome> {
    try {
      await send(request(call), "POST", `${projectUrl(call, ref)}/${ref.kind}/${ref.id}/retry`);
      return { result: "requested", detail: ref.kind === "jobs" ? `job ${ref.id} retried` : `failed jobs of pipeline ${ref.id} retried` };
    } catch (err) {
      return { result: "failed", message: `GitLab: ${(err as Error).message}` };
    }
  },
};

/** Failed jobs that fail the pipeline (allow_failure ones do not), following `x-next-page`. */
async function failedJobs(req: ProviderRequest, call: ProviderCall, ref: GitLabRef): Promise<GitLabJob[]> {
  const jobs: GitLabJob[] = [];
  let page = "1";
  for (let n = 0; n < MAX_PAGES && page !== ""; n++) {
    const { data, response } = await getJson<GitLabJob[]>(req, `${projectUrl(call, ref)}/pipelines/${ref.id}/jobs?scope[]=failed&per_page=100&page=${page}`);
    jobs.push(...data);
    page = response.headers.get("x-next-page") ?? "";
  }
  return jobs.filter((j) => j.status === "failed" && !j.allow_failure);
}
