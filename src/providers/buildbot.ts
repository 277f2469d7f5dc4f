// Buildbot (REST API v2). Statuses link to <server>/#/builders/<builderid>/builds/<number> (hash route).
// The build is `GET api/v2/builders/:b/builds/:n`, its steps `builds/:id/steps`, each step's logs
// `steps/:stepid/logs`, a log's text `logs/:logid/raw`. Rebuild: JSON-RPC `POST api/v2/builds/:id`
// {"method": "rebuild"}. Auth: basic (user + token) or a bearer token, as the server is set up.
import { fetchFailure, readLogText, withLogFields, type LogFetchResult } from "../logs/index.js";
import type { CiProvider, ProviderCall, ProviderRerunOutcome } from "./ci-provider.js";
import { basicAuth, getJson, logFailure, namedTargetUrl, providerFetch, ProviderHttpError, redact, requestOf, send, type ProviderRequest } from "./provider-http.js";
import { joinStepSections, type StepText } from "./step-sections.js";

export interface BuildbotRef {
  /** The server's URL (before the `#`), without a trailing slash. */
  server: string;
  builderId: number;
  number: number;
}

interface Step {
  stepid: number;
  name: string;
  number: number;
  results: number | null;
}
interface Log {
  logid: number;
  name: string;
  type: string;
}

const HASH = /^#\/?builders\/(\d+)\/builds\/(\d+)/;
/** Buildbot's results: 0 success, 1 warnings, 2 failure, 3 skipped, 4 exception, 5 retry, 6 cancelled. */
const FAILED_RESULTS = new Set([2, 4, 6]);

function request(call: ProviderCall): ProviderRequest {
  const { user, token } = call.credentials;
  return requestOf(call, { authorization: user ? basicAuth(user, token ?? "") : `Bearer ${token ?? ""}` });
}

export const buildbot: CiProvider<BuildbotRef> = {
  id: "buildbot",
  title: "Buildbot",
  capabilities: { logs: true, steps: true, reruns: true },

  recognise(job) {
    const url = namedTargetUrl(job, /buildbot/i);
    const m = url && HASH.exec(url.hash);
    if (!url || !m) return null;
    const server = `${url.origin}${url.pathname}`.replace(/\/+$/, "");
    return { origin: url.origin, ref: { server, builderId: Number(m[1]), number: Number(m[2]) } };
  },

  async fetchLog(ref, call): Promise<LogFetchResult> {
    const req = request(call);
    const api = `${ref.server}/api/v2`;
    try {
      const buildId = await buildIdOf(req, ref);
      const steps = (await getJson<{ steps: Step[] }>(req, `${api}/builds/${buildId}/steps`)).data.steps.sort((a, b) => a.number - b.number);
      const failedAt = steps.findIndex((s) => s.results !== null && FAILED_RESULTS.has(s.results));
      const read = failedAt === -1 ? steps : steps.slice(0, failedAt + 1);
      const texts: StepText[] = [];
      let bytes = 0;
      // From the failing step backwards: earlier steps are only read while the cap has room.
      for (const step of [...read].reverse()) {
        if (bytes >= call.maxBytes) break;
        const logs = (await getJson<{ logs: Log[] }>(req, `${api}/steps/${step.stepid}/logs`)).data.logs;
        let text = "";
        for (const log of logs.filter((l) => l.type === "s" || l.type === "t")) text += await rawLog(req, `${api}/logs/${log.logid}/raw`);
        bytes += Buffer.byteLength(text);
        texts.unshift({ name: step.name, text });
      }
      if (texts.length === 0) return fetchFailure(`build ${ref.number} has no steps`, false);
      const { chunks, skippedBytes } = joinStepSections(texts, call.maxBytes);
      const result = await readLogText(chunks, call.maxBytes, { provider: "status", url: redact(`${api}/builders/${ref.builderId}/builds/${ref.number}`) });
      return withLogFields(result, { truncatedHeadBytes: result.truncatedHeadBytes + skippedBytes });
    } catch (err) {
      return logFailure(err, `build ${ref.number}`);
    }
  },

  async rerun(ref, call): Promise<ProviderRerunOutcome> {
    const req = request(call);
    try {
      const buildId = await buildIdOf(req, ref);
      const response = await send(req, "POST", `${ref.server}/api/v2/builds/${buildId}`, { json: { jsonrpc: "2.0", method: "rebuild", params: {}, id: 1 } });
      const answer = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      if (answer.error) return { result: "failed", message: `Buildbot: ${answer.error.message ?? "rebuild refused"}` };
      return { result: "requested", detail: `build ${buildId} rebuilt` };
    } catch (err) {
      return { result: "failed", message: `Buildbot: ${(err as Error).message}` };
    }
  },
};

async function buildIdOf(req: ProviderRequest, ref: BuildbotRef): Promise<number> {
  const builds = (await getJson<{ builds: { buildid: number }[] }>(req, `${ref.server}/api/v2/builders/${ref.builderId}/builds/${ref.number}`)).data.builds;
  const build = builds[0];
  if (!build) throw new ProviderHttpError(404, `build ${ref.number} of builder ${ref.builderId} not found`);
  return build.buildid;
}

async function rawLog(req: ProviderRequest, url: string): Promise<string> {
  const response = await providerFetch(req, url, { headers: { accept: "text/plain" } });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ProviderHttpError(response.status, `${response.status} from log ${url.replace(/^.*\/logs\//, "")}`);
  }
  return response.text();
}
