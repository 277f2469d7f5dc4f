// Jenkins. Statuses ("continuous-integration/jenkins/pr-merge") link to a build:
// <server>/job/<a>/job/<b>/<number>/[display/redirect|console]. The log is `<build>/consoleText`
// (Timestamper prefixes are stripped by the normaliser); a re-run is a new build of the same job,
// with the build's parameters when it had any, posted with a crumb from /crumbIssuer/api/json.
import type { LogFetchResult } from "../logs/index.js";
import type { CiProvider, ProviderCall, ProviderRerunOutcome } from "./ci-provider.js";
import { basicAuth, getJson, logFailure, namedTargetUrl, ProviderHttpError, requestOf, send, streamLog, type ProviderRequest } from "./provider-http.js";

export interface JenkinsRef {
  /** The job's URL, without a trailing slash. */
  jobUrl: string;
  number: number;
}

interface BuildJson {
  actions?: ({ _class?: string; parameters?: { name: string; value?: unknown }[] } | null)[];
}

const BUILD_PATH = /^((?:\/[^/]+)*?(?:\/job\/[^/]+)+)\/(\d+)(?:\/.*)?$/;

const request = (call: ProviderCall): ProviderRequest => requestOf(call, { authorization: basicAuth(call.credentials.user ?? "", call.credentials.token ?? "") });

export const jenkins: CiProvider<JenkinsRef> = {
  id: "jenkins",
  title: "Jenkins",
  capabilities: { logs: true, steps: false, reruns: true },

  recognise(job) {
    const url = namedTargetUrl(job, /jenkins/i);
    const m = url && BUILD_PATH.exec(url.pathname);
    if (!url || !m) return null;
    return { origin: url.origin, ref: { jobUrl: `${url.origin}${m[1]}`, number: Number(m[2]) } };
  },

  async fetchLog(ref, call): Promise<LogFetchResult> {
    try {
      return await streamLog(request(call), `${ref.jobUrl}/${ref.number}/consoleText`, call.maxBytes, `build ${ref.number} console`);
    } catch (err) {
      return logFailure(err, `build ${ref.number}`);
    }
  },

  async rerun(ref, call): Promise<ProviderRerunOutcome> {
    const req = request(call);
    try {
      const build = (await getJson<BuildJson>(req, `${ref.jobUrl}/${ref.number}/api/json?tree=actions[parameters[name,value]]`)).data;
      const parameters = (build.actions ?? []).flatMap((a) => a?.parameters ?? []);
      const crumb = await crumbHeaders(req, call.base);
      const form = new URLSearchParams(parameters.map((p): [string, string] => [p.name, String(p.value ?? "")]));
      const endpoint = parameters.length > 0 ? "buildWithParameters" : "build";
      await send(req, "POST", `${ref.jobUrl}/${endpoint}?delay=0sec`, { form }, crumb);
      return { result: "requested", detail: `new build of ${ref.jobUrl}` };
    } catch (err) {
      return { result: "failed", message: `Jenkins: ${(err as Error).message}` };
    }
  },
};

/** The CSRF crumb and the session cookie it is bound to; none when the server has CSRF protection off. */
async function crumbHeaders(req: ProviderRequest, base: string): Promise<Record<string, string>> {
  try {
    const { data, response } = await getJson<{ crumb: string; crumbRequestField: string }>(req, `${base}/crumbIssuer/api/json`);
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    return { [data.crumbRequestField]: data.crumb, ...(cookie ? { cookie } : {}) };
  } catch (err) {
    if (err instanceof ProviderHttpError && err.status === 404) return {};
    throw err;
  }
}
