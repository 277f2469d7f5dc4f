// A local double of the GitHub REST API for end-to-end tests: a node:http server that Sift reaches
// through GHE_HOST/GHE_PROTOCOL (so under /api/v3). Extend it with `double.route("POST /path/:x", fn)`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Route, Routes } from "./context.js";
import { FaultTable } from "./faults.js";
import { json, notFound, readJson } from "./http.js";
import { actionsRoutes } from "./routes/actions.js";
import { appRoutes } from "./routes/app.js";
import { backfillRoutes } from "./routes/backfill.js";
import { checksRoutes } from "./routes/checks.js";
import { commandsRoutes } from "./routes/commands.js";
import { oauthRoutes } from "./routes/oauth.js";
import { reposRoutes } from "./routes/repos.js";
import { GitHubState } from "./state.js";

interface Compiled {
  method: string;
  pattern: RegExp;
  keys: string[];
  route: Route;
}

/** "GET /repos/:owner/:repo/contents/*" → matcher; `*` captures the rest as `path`. */
function compile(spec: string, route: Route): Compiled {
  const [method = "GET", path = "/"] = spec.split(" ");
  const keys: string[] = [];
  const source = path.replace(/:(\w+)|\*/g, (m, key: string | undefined) => {
    keys.push(key ?? "path");
    return key ? "([^/]+)" : "(.+)";
  });
  return { method, pattern: new RegExp(`^${source}$`), keys, route };
}

export interface GitHubDouble {
  state: GitHubState;
  /** "127.0.0.1:port", for GHE_HOST. */
  host: string;
  origin: string;
  /** Adds or replaces a route. */
  route(spec: string, route: Route): void;
  /** Injected failures: `faults.add("POST /repos/:owner/:repo/check-runs", { kind: "status", status: 502 }, 2)`. */
  faults: FaultTable;
  close(): Promise<void>;
}

export async function startGitHubDouble(state = new GitHubState()): Promise<GitHubDouble> {
  let routes: Compiled[] = [];
  const add = (table: Routes) => Object.entries(table).forEach(([spec, r]) => routes.push(compile(spec, r)));
  [appRoutes, checksRoutes, actionsRoutes, reposRoutes, commandsRoutes, backfillRoutes, oauthRoutes].forEach(add);
  let origin = "";
  const faults = new FaultTable();

  const authorised = (req: IncomingMessage, path: string): boolean => {
    const auth = req.headers.authorization ?? "";
    if (path.startsWith("/_storage/")) return true; // storage checks for itself
    if (path.startsWith("/app")) return /^bearer \S+\.\S+\.\S+$/i.test(auth); // a JWT
    if (path.startsWith("/login/oauth/")) return true; // the browser's pages and the code exchange (client secret checked there)
    if (path === "/user" || path.startsWith("/user/")) return state.oauth.userTokens.has(auth.replace(/^(token|bearer) /i, "")); // user tokens only
    return state.tokens.has(auth.replace(/^(token|bearer) /i, ""));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", origin);
    const path = url.pathname.replace(/^\/api\/v3/, "");
    const body = req.method === "GET" || req.method === "HEAD" ? undefined : await readJson(req);
    state.requests.push({ method: req.method ?? "GET", path: path + url.search, authorization: req.headers.authorization, body, at: Date.now() });
    const fault = faults.take(req.method ?? "GET", path);
    const outcome = fault ? faults.apply(fault, req, res) : { handled: false as const, res };
    if (outcome.handled) return;
    if (!authorised(req, path)) return json(res, 401, { message: "Bad credentials" });
    for (const r of routes) {
      const m = r.method === req.method ? r.pattern.exec(path) : null;
      if (!m) continue;
      const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? "")]));
      await r.route({ state, req, res: outcome.res, params, url, body, origin });
      return outcome.after?.();
    }
    notFound(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => json(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${host}`;
  return {
    state,
    host,
    origin,
    faults,
    route: (spec, route) => {
      const c = compile(spec, route);
      routes = [c, ...routes.filter((r) => !(r.method === c.method && r.pattern.source === c.pattern.source))];
    },
    close: async () => {
      faults.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
