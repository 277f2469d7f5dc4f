// A tiny HTTP server for provider doubles: routes like "GET /api/v4/projects/:id/jobs/:job/trace"
// (`*` captures a nested path as `path`),
// every request recorded (with its headers), and `outage` to answer every API route with a 5xx.
// It answers on 127.0.0.1 and on localhost: two origins, so "log storage" can be another origin.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface DoubleRequest {
  method: string;
  /** Path and query, as sent. */
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** The host header: 127.0.0.1:port (the API) or localhost:port (storage). */
  host: string;
}

export interface Answer {
  status: number;
  body?: string | Buffer | object;
  headers?: Record<string, string>;
}

export type Handler = (params: Record<string, string>, req: DoubleRequest, url: URL) => Answer | Promise<Answer>;

export interface DoubleServer {
  /** http://127.0.0.1:port — the provider's server. */
  origin: string;
  /** http://localhost:port — the same server under another origin, standing for log storage. */
  storageOrigin: string;
  requests: DoubleRequest[];
  /** When set, every route answers this status (a provider outage). */
  outage: number | null;
  close(): Promise<void>;
}

function compile(spec: string): { method: string; pattern: RegExp; keys: string[] } {
  const [method = "GET", path = "/"] = spec.split(" ");
  const keys: string[] = [];
  const source = path.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/:(\w+)|\*/g, (_m, key: string | undefined) => {
    keys.push(key ?? "path");
    return key ? "([^/]+)" : "(.+?)";
  });
  return { method, pattern: new RegExp(`^${source}$`), keys };
}

export async function startDoubleServer(routes: Record<string, Handler>): Promise<DoubleServer> {
  const table = Object.entries(routes).map(([spec, handler]) => ({ ...compile(spec), handler }));
  const state: Pick<DoubleServer, "requests" | "outage"> = { requests: [], outage: null };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const recorded: DoubleRequest = { method: req.method ?? "GET", path: url.pathname + url.search, headers: req.headers, body: Buffer.concat(chunks).toString(), host: req.headers.host ?? "" };
    state.requests.push(recorded);
    let answer: Answer = { status: 404, body: { message: "404 Not Found" } };
    if (state.outage !== null) answer = { status: state.outage, body: "<html>502 Bad Gateway</html>", headers: { "content-type": "text/html" } };
    else {
      for (const r of table) {
        const m = r.method === recorded.method ? r.pattern.exec(url.pathname) : null;
        if (!m) continue;
        answer = await r.handler(Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1] ?? "")])), recorded, url);
        break;
      }
    }
    const isText = typeof answer.body === "string" || Buffer.isBuffer(answer.body);
    const body = answer.body === undefined ? "" : isText ? answer.body : JSON.stringify(answer.body);
    res.writeHead(answer.status, { "content-type": isText ? "text/plain; charset=utf-8" : "application/json", ...answer.headers });
    res.end(body);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      res.writeHead(500);
      res.end(String(err));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    origin: `http://127.0.0.1:${port}`,
    storageOrigin: `http://localhost:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  });
}
