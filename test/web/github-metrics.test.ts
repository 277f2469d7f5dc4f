// sift_github_requests_total and the rate-limit gauges, fed by the Octokit hook of src/octokit.ts.
import nock from "nock";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { siftOctokit } from "../../src/octokit.js";
import { createGitHubMetrics, routeLabel, statusClass } from "../../src/web/metrics/github-metrics.js";
import { API, useStrictNock } from "../helpers/github-nock.js";

useStrictNock();

describe("GitHub request metrics", () => {
  it("counts each call by route template, method and status class, and keeps the rate limit GitHub reported", async () => {
    const registry = new Registry();
    const observer = createGitHubMetrics(registry);
    const Octokit = siftOctokit(5_000, observer);
    const octokit = new Octokit({ auth: { installationId: 77, token: "ghs_test" }, retry: { enabled: false } } as never);
    nock(API)
      .get("/repos/octo/widgets/actions/jobs/123")
      .reply(200, { id: 123 }, { "x-ratelimit-remaining": "4321", "x-ratelimit-limit": "5000" })
      .get("/repos/octo/widgets/actions/jobs/124")
      .reply(404, { message: "Not Found" }, { "x-ratelimit-remaining": "4320", "x-ratelimit-limit": "5000" });
    await octokit.rest.actions.getJobForWorkflowRun({ owner: "octo", repo: "widgets", job_id: 123 });
    await expect(octokit.rest.actions.getJobForWorkflowRun({ owner: "octo", repo: "widgets", job_id: 124 })).rejects.toMatchObject({ status: 404 });

    const text = await registry.metrics();
    const route = "/repos/{owner}/{repo}/actions/jobs/{job_id}";
    expect(text).toContain(`sift_github_requests_total{route="${route}",method="GET",status="2xx"} 1`);
    expect(text).toContain(`sift_github_requests_total{route="${route}",method="GET",status="4xx"} 1`);
    // the latest reading wins; no repository name in any label
    expect(text).toMatch(/^sift_github_rate_limit_remaining\{installation="77"\} 4320$/m);
    expect(text).toMatch(/^sift_github_rate_limit_limit\{installation="77"\} 5000$/m);
    expect(text).not.toContain("widgets");
  });

  it("folds full URLs into templates, and past 100 routes counts the rest as other", async () => {
    expect(routeLabel("https://ghe.example/api/v3/repos/acme/secret-thing/actions/jobs/991/logs?x=1")).toBe("/repos/{owner}/{repo}/actions/jobs/{id}/logs");
    expect(routeLabel(`/repos/a/b/commits/${"ab12".repeat(10)}/check-runs`)).toBe("/repos/{owner}/{repo}/commits/{sha}/check-runs");
    expect(routeLabel("/orgs/acme/installation")).toBe("/orgs/{owner}/installation");
    expect([statusClass(201), statusClass(304), statusClass(503), statusClass(0)]).toEqual(["2xx", "3xx", "5xx", "error"]);

    const registry = new Registry();
    const observer = createGitHubMetrics(registry);
    for (let i = 0; i < 150; i++) observer.request({ route: `/weird-${i}`, method: "get", status: 200 });
    const series = (await registry.getSingleMetricAsString("sift_github_requests_total")).split("\n").filter((l) => l.startsWith("sift_"));
    expect(series).toHaveLength(101);
    expect(series).toContain('sift_github_requests_total{route="other",method="GET",status="2xx"} 50');
  });

  it("shows the rate limit of the 10 installations with the least left, read within the hour", async () => {
    let now = 0;
    const registry = new Registry();
    const observer = createGitHubMetrics(registry, () => now);
    for (let i = 1; i <= 30; i++) observer.rateLimit(String(i), 1000 + i, 5000);
    now = 30 * 60_000;
    observer.rateLimit("fresh", 4999, 5000);
    let text = await registry.getSingleMetricAsString("sift_github_rate_limit_remaining");
    expect(text.split("\n").filter((l) => l.startsWith("sift_"))).toHaveLength(10);
    expect(text).toContain('sift_github_rate_limit_remaining{installation="1"} 1001');
    expect(text).not.toContain('installation="11"');
    now = 61 * 60_000; // the first 30 readings are over an hour old
    text = await registry.getSingleMetricAsString("sift_github_rate_limit_remaining");
    expect(text.split("\n").filter((l) => l.startsWith("sift_"))).toEqual(['sift_github_rate_limit_remaining{installation="fresh"} 4999']);
  });
});
