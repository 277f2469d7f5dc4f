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

type RequestOptions = { method: string; url: string; request?: Record<string, unknown> };
type Hooked = { hook: { before(name: "request", fn: (options: RequestOptions) => void): void } };

/**
 * The Octokit class for `Probot.defaults({ Octokit })`: every request through the stalling fetch
 * (set per request: Probot's option merging may drop a `request.fetch` default), and POSTs other than
 * token requests without automatic retries on 5xx or network errors.
 */
export function siftOctokit(timeoutMs: number): typeof ProbotOctokit {
  const fetch = stallingFetch(timeoutMs);
  const plugin = (octokit: Hooked) => {
    octokit.hook.before("request", (options) => {
      options.request = { ...options.request, fetch: options.request?.fetch ?? fetch };
      if (options.method === "POST" && !/\/access_tokens$/.test(options.url)) options.request.retries = 0;
    });
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
