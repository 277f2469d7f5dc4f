// How Sift's Octokit talks to GitHub. Two brakes Probot's defaults lack:
// - a request that sends nothing (no headers, or no body bytes) for a while is abandoned, instead of
//   holding its analysis (and its renewed lease) forever;
// - a POST is never retried blindly: GitHub may have acted before its answer was lost (a check run
//   created, a re-run started), and the callers check GitHub before asking again. Rate limits are
//   still waited out (GitHub did not act), and token requests are retried (they create nothing).
import { ProbotOctokit } from "probot";

/** A fetch that gives up when `ms` pass without the headers or without a new chunk of the body. */
export function stallingFetch(ms: number, fetch: typeof globalThis.fetch = globalThis.fetch): typeof globalThis.fetch {
  return async (input, init = {}) => {
    const controller = new AbortController();
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(new DOMException(`no answer from ${hostOf(input)} for ${ms / 1000} s`, "TimeoutError")), ms);
    };
    arm();
    let res: Response;
    try {
      res = await fetch(input, { ...init, signal });
    } catch (err) {
      clearTimeout(timer);
      throw err;
    }
    if (!res.body) {
      clearTimeout(timer);
      return res;
    }
    arm();
    const body = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, out) {
          arm();
          out.enqueue(chunk);
        },
        flush: () => clearTimeout(timer),
      }),
    );
    const watched = new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
    Object.defineProperty(watched, "url", { value: res.url });
    return watched;
  };
}

function hostOf(input: Parameters<typeof globalThis.fetch>[0]): string {
  try {
    return new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url).host;
  } catch {
    return "GitHub";
  }
}

type RequestOptions = { method: string; url: string; baseUrl?: string; request?: Record<string, unknown> };
type Answer = { status: number; headers: Record<string, string | number | undefined> };
type Hooked = {
  hook: {
    before(name: "request", fn: (options: RequestOptions) => void): void;
    wrap(name: "request", fn: (request: (options: RequestOptions) => Promise<Answer>, options: RequestOptions) => Promise<Answer>): void;
  };
};

/** What /metrics learns from each GitHub request (web/metrics/github-metrics.ts implements it). */
export interface GitHubCallObserver {
  /** One request as Octokit made it (after its own retries): route template, method, status (0: no answer). */
  request(call: { route: string; method: string; status: number }): void;
  /** The rate limit GitHub reported with an answer, for an installation (or "app" for the App's own token). */
  rateLimit(installation: string, remaining: number, limit: number): void;
}

/**
 * The Octokit class for `Probot.defaults({ Octokit })`: every request through the stalling fetch
 * (set per request: Probot's option merging may drop a `request.fetch` default), and POSTs other than
 * token requests without automatic retries on 5xx or network errors.
 */
export function siftOctokit(timeoutMs: number, observer?: GitHubCallObserver): typeof ProbotOctokit {
  const fetch = stallingFetch(timeoutMs);
  const plugin = (octokit: Hooked, options: { auth?: { installationId?: number | string } }) => {
    octokit.hook.before("request", (options) => {
      options.request = { ...options.request, fetch: options.request?.fetch ?? fetch };
      if (options.method === "POST" && !/\/access_tokens$/.test(options.url)) options.request.retries = 0;
    });
    if (observer) observeRequests(octokit, observer, String(options.auth?.installationId ?? "app"));
  };
  return ProbotOctokit.plugin(plugin as Parameters<typeof ProbotOctokit.plugin>[0]).defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: true, onRateLimit: waitOut("rate limit"), onSecondaryRateLimit: waitOut("secondary rate limit") },
  }));
}

/** Longest rate-limit wait inside a request; longer ones fail it, and the worker reschedules the SHA at the reset. */
export const MAX_RATE_LIMIT_WAIT_SECONDS = 60;

// Probot's own handlers never retry a secondary limit: the analysis would fail and come back after
// SIFT_RETRY_SECONDS, whatever `retry-after` said.
function waitOut(what: string) {
  return (retryAfter: number, options: { method: string; url: string; request: { retryCount?: number } }, octokit: { log: { warn(msg: string): void } }): boolean => {
    const wait = retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS && (options.request.retryCount ?? 0) < 2;
    octokit.log.warn(`GitHub ${what} on ${options.method} ${options.url}: ${wait ? `retrying in ${retryAfter} s` : `not waiting ${retryAfter} s in the request`}`);
    return wait;
  };
}

// Registered last, so it wraps Probot's retry and throttling: one observation per call as the caller saw it.
function observeRequests(octokit: Hooked, observer: GitHubCallObserver, installation: string): void {
  octokit.hook.wrap("request", async (request, options) => {
    const seen = (status: number, headers: Answer["headers"] | undefined) => {
      observer.request({ route: options.url, method: options.method, status });
      const remaining = Number(headers?.["x-ratelimit-remaining"]);
      const limit = Number(headers?.["x-ratelimit-limit"]);
      if (headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining) && Number.isFinite(limit)) observer.rateLimit(installation, remaining, limit);
    };
    try {
      const answer = await request(options);
      seen(answer.status, answer.headers);
      return answer;
    } catch (err) {
      const e = err as { status?: number; response?: { headers?: Answer["headers"] } };
      seen(typeof e.status === "number" ? e.status : 0, e.response?.headers);
      throw err;
    }
  });
}
