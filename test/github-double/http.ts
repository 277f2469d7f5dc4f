// Small HTTP helpers for the double's routes.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text ? JSON.parse(text) : undefined;
}

/**
 * A JSON answer. A successful GET carries a weak ETag of its body, and answers a request whose
 * If-None-Match names it with 304 and no body, as GitHub documents for conditional requests.
 */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? "" : JSON.stringify(body);
  const req = res.req as IncomingMessage | undefined;
  if (status === 200 && req?.method === "GET") {
    const etag = `W/"${createHash("sha1").update(text).digest("hex")}"`;
    const asked = (req.headers["if-none-match"] ?? "").split(",").map((t) => t.trim());
    if (asked.includes(etag)) {
      res.writeHead(304, { etag, ...headers });
      res.end();
      return;
    }
    headers = { etag, ...headers };
  }
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(text);
}

export function notFound(res: ServerResponse): void {
  json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
}
