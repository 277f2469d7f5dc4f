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

/** Octokit plugin: POSTs other than token requests get no automatic retry on 5xx or network errors. */
export function noBlindRetries(octokit: { hook: { before(name: "request", fn: (options: RequestOptions) => void): void } }): void {
  octokit.hook.before("request", (options) => {
    if (options.method === "POST" && !/\/access_tokens$/.test(options.url)) options.request = { ...options.request, retries: 0 };
  });
}

/** The Octokit class for `Probot.defaults({ Octokit })`. */
export const SiftOctokit = ProbotOctokit.plugin(noBlindRetries as Parameters<typeof ProbotOctokit.plugin>[0]);
