// CircleCI. Statuses are per job ("ci/circleci: build"), linking to
// app.circleci.com/pipelines/<vcs>/<org>/<repo>/<pipeline>/workflows/<id>/jobs/<n> or circleci.com/gh/<org>/<repo>/<n>.
// Step output: API v1.1 `project/<vcs>/<org>/<repo>/<n>` lists steps whose actions have an output_url
// (presigned storage: fetched without the token). Re-run: API v2 `POST workflow/<id>/rerun {from_failed}`.
import { fetchFailure, readLogText, withLogFields, type LogFetchResult } from "../logs/index.js";
import type { CiProvider, ProviderCall, ProviderRerunOutcome } from "./ci-provider.js";
import { getJson, logFailure, parseUrl, providerFetch, ProviderHttpError, redact, requestOf, send, type ProviderRequest } from "./provider-http.js";
import { joinStepSections, type StepText } from "./step-sections.js";

export interface CircleCiRef {
  vcs: "github" | "bitbucket";
  org: string;
  repo: string;
  jobNumber: number;
  workflowId?: string;
}

interface V11Action {
  name?: string;
  status?: string;
  index?: number;
  failed?: boolean | null;
  infrastructure_fail?: boolean | null;
  output_url?: string | null;
  has_output?: boolean;
}
interface V11Build {
  steps?: { name: string; actions: V11Action[] }[];
}

const VCS: Record<string, CircleCiRef["vcs"]> = { gh: "github", github: "github", bb: "bitbucket", bitbucket: "bitbucket" };
const PIPELINE_URL = /^\/pipelines\/(gh|github|bb|bitbucket)\/([^/]+)\/([^/]+)\/\d+\/workflows\/([0-9a-f-]{36})\/jobs\/(\d+)/i;
const LEGACY_URL = /^\/(gh|bb)\/([^/]+)\/([^/]+)\/(\d+)(?:\/|$)/i;
const FAILED = new Set(["failed", "infrastructure_fail", "timedout", "canceled"]);

const request = (call: ProviderCall): ProviderRequest => requestOf(call, { "Circle-Token": call.credentials.token ?? "" });
/** API v1.1 names the VCS "github"/"bitbucket"; v2 project slugs use "gh"/"bb". */
const slug = (r: CircleCiRef, api: "v1.1" | "v2" = "v1.1") =>
  `${api === "v2" ? (r.vcs === "github" ? "gh" : "bb") : r.vcs}/${encodeURIComponent(r.org)}/${encodeURIComponent(r.repo)}`;

export const circleci: CiProvider<CircleCiRef> = {
  id: "circleci",
  title: "CircleCI",
  capabilities: { logs: true, steps: true, reruns: true },
  defaultUrl: "https://circleci.com",
  webAliases: ["https://app.circleci.com"],

  recognise(job) {
    if (!/circleci/i.test(job.context) && job.appSlug !== "circleci-checks") return null;
    const url = parseUrl(job.url);
    if (!url) return null;
    const p = PIPELINE_URL.exec(url.pathname);
    if (p) return { origin: url.origin, ref: { vcs: VCS[p[1]!.toLowerCase()]!, org: p[2]!, repo: p[3]!, workflowId: p[4]!, jobNumber: Number(p[5]) } };
    const l = LEGACY_URL.exec(url.pathname);
    if (l) return { origin: url.origin, ref: { vcs: VCS[l[1]!.toLowerCase()]!, org: l[2]!, repo: l[3]!, jobNumber: Number(l[4]) } };
    return null;
  },

  async fetchLog(ref, call): Promise<LogFetchResult> {
    const req = request(call);
    const apiUrl = `${call.base}/api/v1.1/project/${slug(ref)}/${ref.jobNumber}`;
    let build: V11Build;
    try {
      build = (await getJson<V11Build>(req, apiUrl)).data;
    } catch (err) {
      return logFailure(err, `job ${ref.jobNumber}`);
    }
    const steps: StepText[] = [];
    for (const step of build.steps ?? []) {
      const action = pickAction(step.actions);
      if (!action) continue;
      let text = "";
      if (action.output_url) {
        const output = await stepOutput(req, action.output_url);
        if (!output.ok) return output.failure;
        text = output.text;
      }
      steps.push({ name: step.name, text });
      if (FAILED.has(action.status ?? "") || action.failed || action.infrastructure_fail) break; // later steps are `when: always` clean-up
    }
    if (steps.length === 0) return fetchFailure(`job ${ref.jobNumber} has no step output`, false);
    const { chunks, skippedBytes } = joinStepSections(steps, call.maxBytes);
    const result = await readLogText(chunks, call.maxBytes, { provider: "status", url: redact(apiUrl) });
    return withLogFields(result, { truncatedHeadBytes: result.truncatedHeadBytes + skippedBytes });
  },

  async rerun(ref, call): Promise<ProviderRerunOutcome> {
    const req = request(call);
    try {
      const workflowId = ref.workflowId ?? (await getJson<{ latest_workflow?: { id?: string } }>(req, `${call.base}/api/v2/project/${slug(ref, "v2")}/job/${ref.jobNumber}`)).data.latest_workflow?.id;
      if (!workflowId) return { result: "failed", message: `CircleCI job ${ref.jobNumber} names no workflow` };
      await send(req, "POST", `${call.base}/api/v2/workflow/${workflowId}/rerun`, { json: { from_failed: true } });
      return { result: "requested", detail: `workflow ${workflowId} re-run from failed` };
    } catch (err) {
      const message = (err as Error).message;
      if (err instanceof ProviderHttpError && err.status === 400 && /running|not (yet )?(complete|finished)/i.test(message)) return { result: "wait", message };
      return { result: "failed", message: `CircleCI: ${message}` };
    }
  },
};

/** Parallel containers each have an action per step: the failed one tells, else the first. */
function pickAction(actions: readonly V11Action[]): V11Action | undefined {
  return actions.find((a) => FAILED.has(a.status ?? "") || a.failed || a.infrastructure_fail) ?? actions[0];
}

/** An output_url answers a JSON array of {type, message}; it is presigned, so no token goes with it. */
async function stepOutput(req: ProviderRequest, url: string): Promise<{ ok: true; text: string } | { ok: false; failure: LogFetchResult }> {
  try {
    const response = await providerFetch(req, url, { headers: { accept: "application/json" } });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new ProviderHttpError(response.status, `${response.status} from step output`);
    }
    const messages = (await response.json()) as { message?: string }[];
    return { ok: true, text: Array.isArray(messages) ? messages.map((m) => m.message ?? "").join("") : "" };
  } catch (err) {
    return { ok: false, failure: logFailure(err, "step output") };
  }
}
