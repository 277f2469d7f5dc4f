// Small HTTP helpers for the double's routes.
import type { IncomingMessage, ServerResponse } from "node:http";

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text ? JSON.parse(text) : undefined;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

export function notFound(res: ServerResponse): void {
  json(res, 404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
}
