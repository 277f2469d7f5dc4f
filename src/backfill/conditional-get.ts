// A GET with If-None-Match: GitHub answers 304 when nothing changed since the ETag, and a 304 does not
// count against the rate limit. Octokit throws on a 304, so it is caught here and the answer kept
// from last time is returned. `pick` keeps only what the caller reads (workflow runs are large).
import type { ProbotOctokit } from "probot";
import type { CounterOf } from "../model/index.js";
import type { EtagCache } from "./etag-cache.js";

export interface ConditionalDeps {
  cache: EtagCache;
  /** sift_backfill_requests_total{status} */
  requests?: CounterOf<"status"> | undefined;
}

export async function conditionalGet<T>(
  octokit: ProbotOctokit,
  deps: ConditionalDeps,
  route: string,
  params: Record<string, string | number>,
  pick: (data: unknown) => T,
): Promise<{ data: T; notModified: boolean }> {
  const key = `${route} ${JSON.stringify(params)}`;
  const cached = deps.cache.get(key);
  try {
    const res = await octokit.request(`GET ${route}`, { ...params, headers: cached ? { "if-none-match": cached.etag } : {} });
    deps.requests?.inc({ status: String(res.status) });
    const data = pick(res.data);
    const etag = res.headers.etag;
    if (typeof etag === "string" && etag) deps.cache.set(key, { etag, data });
    return { data, notModified: false };
  } catch (err) {
    const status = (err as { status?: unknown }).status;
    if (status === 304 && cached) {
      deps.requests?.inc({ status: "304" });
      return { data: cached.data as T, notModified: true };
    }
    deps.requests?.inc({ status: typeof status === "number" ? String(status) : "error" });
    throw err;
  }
}
