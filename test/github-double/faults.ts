// A programmable fault table for the double: route pattern → the next n requests fail in a given way,
// shaped as GitHub (and its log storage) fail. Faults are consumed in the order they were added.
import type { IncomingMessage, ServerResponse } from "node:http";
import { json } from "./http.js";

export type FaultKind =
  /** Answers this status (500, 502, 503, 410…) without acting. */
  | { kind: "status"; status: number }
  /** Never answers (the connection stays open until the double closes): a timeout for the client. */
  | { kind: "hang" }
  /** Acts (runs the route), then answers 502 instead of its response: the answer was lost. */
  | { kind: "lost" }
  /** Acts, then never answers. */
  | { kind: "lost-hang" }
  /** 403 with `retry-after`, as GitHub's secondary rate limit. */
  | { kind: "secondary-rate-limit"; retryAfterSeconds: number }
  /** 403 with `x-ratelimit-remaining: 0` until `x-ratelimit-reset` (epoch seconds), as the primary rate limit. */
  | { kind: "rate-limit"; resetAt: number }
  /** Acts, sends the headers and the first bytes of the body, then drops the connection. */
  | { kind: "break"; afterBytes: number };

export interface Fault {
  method: string;
  pattern: RegExp;
  /** How many more requests fail this way (Infinity: until removed; rate-limit: also until resetAt). */
  times: number;
  fault: FaultKind;
}

export interface InjectedFault {
  method: string;
  path: string;
  kind: FaultKind["kind"];
  at: number;
}

/** What the server does with a request a fault took: answered already, or run the route on `res`. */
export type FaultOutcome = { handled: true } | { handled: false; res: ServerResponse; after?: () => void };

export class FaultTable {
  private faults: Fault[] = [];
  /** Every request a fault took, in order. */
  readonly injected: InjectedFault[] = [];
  /** Hung responses, answered by nothing; destroyed on close. */
  readonly hung = new Set<ServerResponse>();

  /** `spec` is "POST /repos/:owner/:repo/check-runs" (":x" one segment, "*" the rest). */
  add(spec: string, fault: FaultKind, times = 1): void {
    const [method = "GET", path = "/"] = spec.split(" ");
    const source = path.replace(/:(\w+)/g, "[^/]+").replace(/\*/g, ".+");
    this.faults.push({ method, pattern: new RegExp(`^${source}$`), times, fault });
  }

  clear(): void {
    this.faults = [];
  }

  /** Takes the first matching fault for this request, or null. */
  take(method: string, path: string, now = Date.now()): FaultKind | null {
    this.faults = this.faults.filter((f) => f.times > 0 && !(f.fault.kind === "rate-limit" && f.fault.resetAt * 1000 <= now));
    const f = this.faults.find((x) => x.method === method && x.pattern.test(path));
    if (!f) return null;
    f.times--;
    this.injected.push({ method, path, kind: f.fault.kind, at: now });
    return f.fault;
  }

  /** Applies a fault: answers for it, or hands the route a response to act on and what to do after. */
  apply(fault: FaultKind, req: IncomingMessage, res: ServerResponse): FaultOutcome {
    switch (fault.kind) {
      case "status":
        json(res, fault.status, { message: fault.status === 410 ? "Gone" : "Server Error" });
        return { handled: true };
      case "hang":
        this.hung.add(res);
        return { handled: true };
      case "secondary-rate-limit":
        json(res, 403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" }, { "retry-after": String(fault.retryAfterSeconds) });
        return { handled: true };
      case "rate-limit":
        json(res, 403, { message: "API rate limit exceeded for installation.", documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api" }, {
          "x-ratelimit-limit": "5000",
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(fault.resetAt),
          "x-ratelimit-resource": "core",
        });
        return { handled: true };
      case "lost":
      case "lost-hang":
        return {
          handled: false,
          res: swallow(),
          after: () => (fault.kind === "lost" ? json(res, 502, { message: "Server Error" }) : this.hung.add(res)),
        };
      case "break":
        return { handled: false, res: truncating(res, fault.afterBytes) };
    }
  }

  close(): void {
    this.hung.forEach((r) => r.destroy());
    this.hung.clear();
  }

  /** Every request arrived: the count of those faults took, by kind. */
  count(kind?: FaultKind["kind"]): number {
    return kind ? this.injected.filter((i) => i.kind === kind).length : this.injected.length;
  }
}

/** A response that takes everything the route writes and sends nothing. */
function swallow(): ServerResponse {
  const sink = { statusCode: 200, headersSent: false, setHeader: () => sink, writeHead: () => sink, write: () => true, end: () => sink, destroy: () => sink, on: () => sink, once: () => sink };
  return sink as unknown as ServerResponse;
}

/** Passes the headers and the first `afterBytes` of the body, then drops the connection. */
function truncating(res: ServerResponse, afterBytes: number): ServerResponse {
  let sent = 0;
  const cut = (chunk: unknown): void => {
    const buf = chunk === undefined ? Buffer.alloc(0) : Buffer.from(chunk as string | Uint8Array);
    const room = Math.max(0, afterBytes - sent);
    if (room > 0) res.write(buf.subarray(0, room));
    sent += buf.length;
    if (sent >= afterBytes) setTimeout(() => res.socket?.destroy(), 50);
  };
  return new Proxy(res, {
    get(target, key, receiver) {
      if (key === "write") return (chunk: unknown) => (cut(chunk), true);
      if (key === "end") return (chunk?: unknown) => (cut(chunk), setTimeout(() => res.socket?.destroy(), 50), target);
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      // writeHead(…).end(…) chains: hand back the proxy, not the response it wraps
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(target, args);
        return out === target ? receiver : out;
      };
    },
  });
}
