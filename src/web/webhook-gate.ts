// In front of Probot's webhook middleware, before it reads a byte: a body over the limit is refused
// with 413 (from Content-Length, or by counting as it streams in), an unsigned or wrongly signed one
// with 401, a signed one that is not UTF-8 with 400. Each refusal is one bounded log line: headers
// are cut, the payload is never logged. A delivery that passes goes on with its body read (req.body),
// which the middleware takes as is.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Logger } from "pino";

export interface WebhookGateOptions {
  path: string;
  secret: string;
  maxBytes: number;
  log: Logger;
}

/** Resolves true when it answered the request itself (a refusal), false when the request goes on. */
export type RequestGate = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export function createWebhookGate(options: WebhookGateOptions): RequestGate {
  return async (req, res) => {
    if (req.method !== "POST" || pathOf(req.url) !== options.path) return false;
    const refuse = (status: number, reason: string, bytes: number): true => {
      const headers = { delivery: header(req, "x-github-delivery"), event: header(req, "x-github-event") };
      options.log.warn({ ...headers, bytes, remote: req.socket.remoteAddress }, `webhook refused (${status}): ${reason}`);
      answer(req, res, status, reason);
      return true;
    };
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    if (declared > options.maxBytes) return refuse(413, `body of ${declared} bytes is over the limit of ${options.maxBytes}`, declared);
    const body = await readBounded(req, options.maxBytes);
    if (body.over) return refuse(413, `body is over the limit of ${options.maxBytes} bytes`, body.bytes);
    if (!signedBy(options.secret, body.data, req.headers["x-hub-signature-256"])) return refuse(401, "signature missing or not matching the webhook secret", body.bytes);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body.data);
    } catch {
      return refuse(400, "body is not UTF-8", body.bytes);
    }
    (req as IncomingMessage & { body?: string }).body = text;
    return false;
  };
}

/** Runs `gate` before every "request" listener the server already has (Probot's server among them). */
export function gateRequests(server: Server, gate: RequestGate, log: Logger): void {
  const listeners = server.listeners("request") as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners("request");
  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    gate(req, res).then(
      (answered) => {
        if (!answered) for (const listener of listeners) listener.call(server, req, res);
      },
      (err: unknown) => {
        log.warn(`webhook gate: ${err instanceof Error ? err.message.slice(0, 200) : "error"}`);
        answer(req, res, 400, "the request could not be read");
      },
    );
  });
}

function pathOf(url: string | undefined): string {
  const path = (url ?? "/").split("?")[0] as string;
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** A header's value for a log line: at most 100 characters. */
function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value.join(",") : value;
  return text === undefined ? undefined : text.slice(0, 100);
}

/** How long what a refused client still sends is read and dropped before its connection is cut. */
const DRAIN_MS = 1000;

/**
 * Answers. What the client still sends is dropped unread for a moment, then the connection is cut:
 * closing at once on unread data resets it, and the client would never see the answer.
 */
function answer(req: IncomingMessage, res: ServerResponse, status: number, reason: string): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(`${reason}\n`);
  if (req.complete) return;
  const cut = setTimeout(() => req.socket.destroy(), DRAIN_MS);
  cut.unref();
  req.once("end", () => clearTimeout(cut)).resume();
}

interface Body {
  data: Buffer;
  bytes: number;
  over: boolean;
}

/** Reads the body, stopping (paused, nothing more held) as soon as it passes `max` bytes. */
function readBounded(req: IncomingMessage, max: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    const done = (body: Body) => {
      req.off("data", onData).off("end", onEnd).off("error", reject);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > max) {
        req.pause();
        done({ data: Buffer.alloc(0), bytes, over: true });
      } else chunks.push(chunk);
    };
    const onEnd = () => done({ data: Buffer.concat(chunks, bytes), bytes, over: false });
    req.on("data", onData).on("end", onEnd).on("error", reject);
  });
}

function signedBy(secret: string, body: Buffer, signature: string | string[] | undefined): boolean {
  if (typeof signature !== "string" || !signature.startsWith("sha256=")) return false;
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
