// A tiny router for Probot's addHandler: Probot 14 has no Express, only (req, res) => handled.
import type { IncomingMessage, ServerResponse } from "node:http";

export type Params = Record<string, string>;
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, params: Params, url: URL) => Promise<void> | void;
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

/** `/repos/:owner/:repo` → a matcher; parameters never contain "/". */
function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)/g, (_, key: string) => {
    keys.push(key);
    return "([^/]+)";
  });
  return { pattern: new RegExp(`^${source}/?$`), keys };
}

export class Router {
  readonly #routes: Route[] = [];

  get(path: string, handler: RouteHandler): this {
    return this.on("GET", path, handler);
  }

  on(method: string, path: string, handler: RouteHandler): this {
    this.#routes.push({ method, ...compile(path), handler });
    return this;
  }

  /** The handler to give to Probot's addHandler. HEAD is served by GET routes. */
  handler(): NodeHandler {
    return async (req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      // Probot's HTTP log line prints req.url when the response ends: keep page tokens out of logs.
      if (url.searchParams.has("token")) req.url = (req.url ?? "/").replace(/([?&]token=)[^&]*/g, "$1[redacted]");
      const method = req.method === "HEAD" ? "GET" : req.method;
      for (const route of this.#routes) {
        if (route.method !== method) continue;
        const m = route.pattern.exec(url.pathname);
        if (!m) continue;
        const params = decodeParams(route.keys, m);
        if (!params) return false; // a malformed escape such as "%", or a control character, names nothing: not found
        await route.handler(req, res, params, url);
        return true;
      }
      return false;
    };
  }
}

/** No owner, repository, SHA or page name holds a control character (and PostgreSQL refuses NUL in text). */
const hasControl = (v: string) => [...v].some((c) => c < " " || c === "\u007f");

function decodeParams(keys: readonly string[], m: RegExpExecArray): Params | undefined {
  const params: Params = {};
  try {
    keys.forEach((key, i) => {
      params[key] = decodeURIComponent(m[i + 1] ?? "");
    });
  } catch {
    return undefined;
  }
  return Object.values(params).some(hasControl) ? undefined : params;
}

export function send(res: ServerResponse, status: number, body: string, contentType = "text/plain; charset=utf-8"): void {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}
