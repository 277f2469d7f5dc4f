// Buildbot's REST API v2 as documented: builders/:b/builds/:n → {builds: [{buildid}]};
// builds/:id/steps → {steps: [{stepid, number, name, results}]}; steps/:id/logs → {logs: [{logid,
// type}]}; logs/:id/raw → text; POST builds/:id JSON-RPC {"method": "rebuild"} → {"result": […]}.
import { startDoubleServer, type DoubleServer, type DoubleRequest } from "./double-server.js";

export interface BuildbotBuild {
  builderId: number;
  number: number;
  buildId: number;
  steps: { name: string; results: number; log?: string }[];
}

export interface BuildbotDouble extends DoubleServer {
  token: string;
  builds: BuildbotBuild[];
  rebuilds: { buildId: number; body: unknown }[];
  buildUrl(b: BuildbotBuild): string;
}

export async function startBuildbotDouble(token = "buildbot-token"): Promise<BuildbotDouble> {
  const builds: BuildbotBuild[] = [];
  const rebuilds: BuildbotDouble["rebuilds"] = [];
  const denied = (req: DoubleRequest) => (req.headers.authorization === `Bearer ${token}` ? null : { status: 403, body: { error: "forbidden" } });
  // Ids: step id = buildId * 100 + index; log id = step id * 10.
  const stepOf = (stepId: number) => {
    const build = builds.find((b) => b.buildId === Math.floor(stepId / 100));
    return build?.steps[stepId % 100];
  };
  const server = await startDoubleServer({
    "GET /api/v2/builders/:b/builds/:n": (p, req) => {
      const b = builds.find((x) => x.builderId === Number(p.b) && x.number === Number(p.n));
      return denied(req) ?? { status: 200, body: { builds: b ? [{ buildid: b.buildId, number: b.number, builderid: b.builderId, results: 2 }] : [], meta: { total: b ? 1 : 0 } } };
    },
    "GET /api/v2/builds/:id/steps": (p, req) => {
      const b = builds.find((x) => x.buildId === Number(p.id));
      const steps = (b?.steps ?? []).map((s, i) => ({ stepid: b!.buildId * 100 + i, number: i, name: s.name, results: s.results }));
      return denied(req) ?? { status: 200, body: { steps, meta: { total: steps.length } } };
    },
    "GET /api/v2/steps/:id/logs": (p, req) => {
      const step = stepOf(Number(p.id));
      const logs = step?.log !== undefined ? [{ logid: Number(p.id) * 10, name: "stdio", slug: "stdio", type: "s", num_lines: step.log.split("\n").length }] : [];
      return denied(req) ?? { status: 200, body: { logs, meta: { total: logs.length } } };
    },
    "GET /api/v2/logs/:id/raw": (p, req) => {
      const step = stepOf(Math.floor(Number(p.id) / 10));
      return denied(req) ?? (step?.log !== undefined ? { status: 200, body: step.log, headers: { "content-disposition": "attachment; filename=stdio" } } : { status: 404, body: { error: "not found" } });
    },
    "POST /api/v2/builds/:id": (p, req) => {
      const body = JSON.parse(req.body || "null") as { method?: string } | null;
      if (body?.method !== "rebuild") return denied(req) ?? { status: 400, body: { jsonrpc: "2.0", error: { code: -32601, message: "no such method" }, id: 1 } };
      rebuilds.push({ buildId: Number(p.id), body });
      return denied(req) ?? { status: 200, body: { jsonrpc: "2.0", result: [99, { [String(p.id)]: 1 }], id: 1 } };
    },
  });
  return Object.assign(server, { token, builds, rebuilds, buildUrl: (b: BuildbotBuild) => `${server.origin}/#/builders/${b.builderId}/builds/${b.number}` });
}
