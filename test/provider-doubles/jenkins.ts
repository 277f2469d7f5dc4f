// Jenkins as documented: <build>/consoleText (text/plain), <build>/api/json, /crumbIssuer/api/json
// (a crumb bound to a session cookie), POST <job>/build or buildWithParameters with the crumb; basic auth.
import { startDoubleServer, type DoubleServer, type DoubleRequest } from "./double-server.js";

export interface JenkinsBuild {
  /** e.g. "job/acme/job/app/job/PR-12" */
  jobPath: string;
  number: number;
  console: string;
  parameters?: { name: string; value: string }[];
}

export interface JenkinsDouble extends DoubleServer {
  user: string;
  token: string;
  builds: Map<string, JenkinsBuild>;
  /** Accepted build requests: the job path, the endpoint and the form. */
  triggered: { jobPath: string; endpoint: string; form: string }[];
  add(build: JenkinsBuild): JenkinsBuild;
  buildUrl(build: JenkinsBuild): string;
}

export async function startJenkinsDouble(user = "sift", token = "jenkins-api-token"): Promise<JenkinsDouble> {
  const builds = new Map<string, JenkinsBuild>();
  const triggered: JenkinsDouble["triggered"] = [];
  const basic = `Basic ${Buffer.from(`${user}:${token}`).toString("base64")}`;
  const unauthorised = (req: DoubleRequest) => (req.headers.authorization === basic ? null : { status: 401, body: "Unauthorized" });
  const trigger = (endpoint: string) => (p: Record<string, string>, req: DoubleRequest) => {
    const denied = unauthorised(req);
    if (denied) return denied;
    if (req.headers["jenkins-crumb"] !== "c0ffee" || !String(req.headers.cookie ?? "").includes("JSESSIONID.abc=s3ss10n")) {
      return { status: 403, body: "No valid crumb was included in the request" };
    }
    if (![...builds.values()].some((b) => b.jobPath === p.path)) return { status: 404, body: "Not Found" };
    triggered.push({ jobPath: p.path!, endpoint, form: req.body });
    return { status: 201, body: "", headers: { location: `/queue/item/${triggered.length}/` } };
  };
  const server = await startDoubleServer({
    "GET /crumbIssuer/api/json": (_p, req) =>
      unauthorised(req) ?? {
        status: 200,
        body: { _class: "hudson.security.csrf.DefaultCrumbIssuer", crumb: "c0ffee", crumbRequestField: "Jenkins-Crumb" },
        headers: { "set-cookie": "JSESSIONID.abc=s3ss10n; Path=/; HttpOnly" },
      },
    "GET /*/:n/consoleText": (p, req) => {
      const build = builds.get(`${p.path}#${p.n}`);
      return unauthorised(req) ?? (build ? { status: 200, body: build.console } : { status: 404, body: "<html>Not Found</html>", headers: { "content-type": "text/html" } });
    },
    "GET /*/:n/api/json": (p, req) => {
      const build = builds.get(`${p.path}#${p.n}`);
      if (!build) return unauthorised(req) ?? { status: 404, body: "Not Found" };
      const actions = [{ _class: "hudson.model.CauseAction" }, ...(build.parameters ? [{ _class: "hudson.model.ParametersAction", parameters: build.parameters }] : []), {}];
      return unauthorised(req) ?? { status: 200, body: { _class: "org.jenkinsci.plugins.workflow.job.WorkflowRun", number: build.number, result: "FAILURE", actions } };
    },
    "POST /*/build": trigger("build"),
    "POST /*/buildWithParameters": trigger("buildWithParameters"),
  });
  return Object.assign(server, {
    user,
    token,
    builds,
    triggered,
    add: (b: JenkinsBuild) => (builds.set(`${b.jobPath}#${b.number}`, b), b),
    buildUrl: (b: JenkinsBuild) => `${server.origin}/${b.jobPath}/${b.number}/display/redirect`,
  });
}
