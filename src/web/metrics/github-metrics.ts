// GitHub API calls and the rate limit left, from the Octokit hook in src/octokit.ts. Labels stay
// bounded: routes are Octokit's templates ("/repos/{owner}/{repo}/check-runs"), a full URL is folded
// to one (owner, repository, numbers and SHAs replaced), and past 100 distinct routes the rest count as
// "other"; the rate limit is shown for the 10 installations with the least left.
import { Counter, Gauge, type Registry } from "prom-client";
import type { GitHubCallObserver } from "../../octokit.js";
import { boundedLabel } from "./bounded-label.js";

const MAX_ROUTES = 100;
const RATE_LIMIT_SERIES = 10;
/** A rate limit reading older than its window (GitHub's is an hour) says nothing about now. */
const RATE_LIMIT_FRESH_MS = 3600_000;

/** "/repos/{owner}/{repo}/…" for a template; a URL folded to the same shape. */
export function routeLabel(url: string): string {
  let path = url.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/[?#].*$/, "").replace(/^\/api\/v3(?=\/)/, "");
  if (path.includes("{")) return path;
  path = path
    .replace(/^\/repos\/[^/]+\/[^/]+/, "/repos/{owner}/{repo}")
    .replace(/^\/(orgs|users)\/[^/]+/, "/$1/{owner}")
    .replace(/\/[0-9a-f]{40}(?=\/|$)|\/[0-9a-f]{64}(?=\/|$)/gi, "/{sha}")
    .replace(/\/\d+(?=\/|$)/g, "/{id}");
  return path || "/";
}

export function statusClass(status: number): string {
  return status >= 100 && status < 600 ? `${Math.floor(status / 100)}xx` : "error";
}

export function createGitHubMetrics(registry: Registry, now: () => number = Date.now) {
  const route = boundedLabel(MAX_ROUTES);
  const calls = new Counter({
    name: "sift_github_requests_total",
    help: "GitHub API requests as Octokit made them (after its retries), by route template, method and status class (2xx…5xx, error: no answer).",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const readings = new Map<string, { remaining: number; limit: number; at: number }>();
  const lowest = () =>
    [...readings.entries()]
      .filter(([, r]) => now() - r.at <= RATE_LIMIT_FRESH_MS)
      .sort(([, a], [, b]) => a.remaining - b.remaining)
      .slice(0, RATE_LIMIT_SERIES);
  const gauge = (name: string, help: string, pick: (r: { remaining: number; limit: number }) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ["installation"] as const,
      registers: [registry],
      collect() {
        this.reset();
        for (const [installation, r] of lowest()) this.set({ installation }, pick(r));
      },
    });
  gauge("sift_github_rate_limit_remaining", "Requests left in GitHub's rate-limit window, per installation (\"app\": the App's own token); the 10 installations with the least left, read in the last hour.", (r) => r.remaining);
  gauge("sift_github_rate_limit_limit", "The rate limit of the same installations' window.", (r) => r.limit);
  const observer: GitHubCallObserver = {
    request: (c) => calls.inc({ route: route(routeLabel(c.route)), method: c.method.toUpperCase(), status: statusClass(c.status) }),
    rateLimit: (installation, remaining, limit) => {
      readings.set(installation, { remaining, limit, at: now() });
      // an installation that is gone must not hold memory forever
      if (readings.size > 1000) for (const [k, r] of readings) if (now() - r.at > RATE_LIMIT_FRESH_MS) readings.delete(k);
    },
  };
  return observer;
}
