// Buildkite. Statuses ("buildkite/<pipeline>") link to buildkite.com/<org>/<pipeline>/builds/<n>
// (with #<job id> for one job). The API lives on api.buildkite.com/v2 with a Bearer token: the build
// lists its jobs, `GET …/jobs/:id/log` (Accept: text/plain) is the raw log, `PUT …/jobs/:id/retry`
// retries a job (once per job id). `_bk;t=` stamps are stripped by the normaliser.
import { fetchFailure, type LogFetchResult } from "../logs/index.js";
import type { CiProvider, ProviderCall, ProviderRerunOutcome } from "./ci-provider.js";
import { getJson, logFailure, parseUrl, requestOf, send, streamLog, type ProviderRequest } from "./provider-http.js";

export interface BuildkiteRef {
  org: string;
  pipeline: string;
  build: number;
  jobId?: string;
}

interface BuildkiteJob {
  id: string;
  name?: string | null;
  type: string;
  state: string;
  soft_failed?: boolean;
  retried?: boolean;
}

const URL_PATH = /^\/([^/]+)\/([^/]+)\/builds\/(\d+)\/?$/;
const FAILED = new Set(["failed", "timed_out", "broken", "expired"]);

const request = (call: ProviderCall): ProviderRequest => requestOf(call, { authorization: `Bearer ${call.credentials.token ?? ""}` });
const buildUrl = (call: ProviderCall, r: BuildkiteRef) => `${call.base}/v2/organizations/${encodeURIComponent(r.org)}/pipelines/${encodeURIComponent(r.pipeline)}/builds/${r.build}`;

export const buildkite: CiProvider<BuildkiteRef> = {
  id: "buildkite",
  title: "Buildkite",
  capabilities: { logs: true, steps: false, reruns: true },
  defaultUrl: "https://buildkite.com",
  apiUrl: (base) => (base === "https://buildkite.com" ? "https://api.buildkite.com" : base),

  recognise(job) {
    const url = parseUrl(job.url);
    if (!url) return null;
    if (!/buildkite/i.test(job.context) && url.hostname !== "buildkite.com") return null;
    const m = URL_PATH.exec(url.pathname);
    if (!m) return null;
    const jobId = /^#?([0-9a-f-]{36})$/i.exec(url.hash)?.[1];
    return { origin: url.origin, ref: { org: m[1]!, pipeline: m[2]!, build: Number(m[3]), ...(jobId ? { jobId } : {}) } };
  },

  async fetchLog(ref, call): Promise<LogFetchResult> {
    const req = request(call);
    const job = await failedJob(req, call, ref);
    if ("failure" in job) return job.failure;
    try {
      return await streamLog(req, `${buildUrl(call, ref)}/jobs/${job.id}/log`, call.maxBytes, `job ${job.id} log`);
    } catch (err) {
      return logFailure(err, `job ${job.id} log`);
    }
  },

  async rerun(ref, call): Promise<ProviderRerunOutcome> {
    const req = request(call);
    const job = await failedJob(req, call, ref);
    if ("failure" in job) return { result: "failed", message: job.failure.ok ? "no failed job" : job.failure.reason };
    try {
      await send(req, "PUT", `${buildUrl(call, ref)}/jobs/${job.id}/retry`);
      return { result: "requested", detail: `job ${job.id} retried` };
    } catch (err) {
      return { result: "failed", message: `Buildkite: ${(err as Error).message}` };
    }
  },
};

/** The job the status is about: the one named in the URL, else the build's one hard-failed job. */
async function failedJob(req: ProviderRequest, call: ProviderCall, ref: BuildkiteRef): Promise<{ id: string } | { failure: LogFetchResult }> {
  if (ref.jobId) return { id: ref.jobId };
  let jobs: BuildkiteJob[];
  try {
    jobs = (await getJson<{ jobs?: BuildkiteJob[] }>(req, buildUrl(call, ref))).data.jobs ?? [];
  } catch (err) {
    return { failure: logFailure(err, `build ${ref.build}`) };
  }
  const failed = jobs.filter((j) => j.type === "script" && FAILED.has(j.state) && !j.soft_failed && !j.retried);
  if (failed.length === 1) return { id: (failed[0] as BuildkiteJob).id };
  const reason =
    failed.length === 0
      ? `build ${ref.build} lists no failed job`
      : `build ${ref.build} has ${failed.length} failed jobs (${failed.map((j) => j.name ?? j.id).join(", ")}): Sift reads a build status only when one job failed`;
  return { failure: fetchFailure(reason, false) };
}
