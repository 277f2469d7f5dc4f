// End to end through the spawned server and the GitHub double: a repository whose .github/sift.yml
// has a `successful: true` statistic; a successful job printing `bundle: 123 kB` ends with a stored
// value in the page's JSON (the API itself wants a signed-in reader), and a failed job's value is read
// from the log its analysis downloads anyway; /metrics exports the last value.
import { describe, expect, it } from "vitest";
import { sha, workflowJobPayload } from "../helpers/payloads.js";
import { waitFor } from "../helpers/spawn-sift.js";
import { useSiftWithDouble } from "./harness.js";

const repo = { id: 5301, owner: "octo-org", name: "stats-repo" };
const CONFIG = ["statistics:", "  - id: bundle", "    regex: 'bundle: (?P<kb>\\d+) kB'", "    jobs: ['build*']", "    unit: kB", "    successful: true"].join("\n");
const { gh, sift } = useSiftWithDouble((double) => double.state.contents.set(`${repo.owner}/${repo.name}:.github/sift.yml`, CONFIG), { SIFT_METRICS_TOKEN: "metrics-token" });

interface StatisticsJson { repository: string; statistics: { id: string; group: string; unit: string; count: number; mean: number; min: number; max: number; last: { value: number } }[] }

async function job(o: { id: number; name: string; conclusion: string; log: string; sha: string }): Promise<void> {
  gh().state.jobs.set(o.id, { id: o.id, runId: o.id + 1, owner: repo.owner, repo: repo.name, name: o.name, headSha: o.sha, conclusion: o.conclusion, status: "completed", runAttempt: 1, log: o.log });
  const payload = workflowJobPayload({ id: o.id, sha: o.sha, name: o.name, runId: o.id + 1, conclusion: o.conclusion, repo });
  // values are dated by the job's completion: the example payload's dates are years old
  Object.assign(payload.workflow_job, { started_at: new Date(Date.now() - 60_000).toISOString(), completed_at: new Date().toISOString() });
  const res = await sift().deliver("workflow_job", payload);
  expect(res.status).toBe(200);
}

const statistics = async () => (await (await fetch(`${sift().base}/r/${repo.owner}/${repo.name}/statistics?format=json`)).json()) as StatisticsJson;

describe("custom statistics end to end", () => {
  it("stores the value of a successful job's log and of a failed job's log, and serves them", async () => {
    await job({ id: 8801, name: "build (linux)", conclusion: "success", sha: sha(0x57a7), log: "2026-12-06T10:00:00.0000000Z Run npm run build\n2026-12-06T10:00:01.0000000Z bundle: 123 kB\n" });
    const first = await waitFor(async () => ((await statistics()).statistics.length > 0 ? statistics() : undefined), 30_000, "the successful job's value").catch((err: Error) => {
      throw new Error(`${err.message}\n${gh().state.requests.map((r) => `${r.method} ${r.path}`).join("\n")}\n${sift().logs().filter((l) => !l.msg.startsWith("GET /r/")).map((l) => l.msg).join("\n")}`);
    });
    expect(first.statistics).toEqual([expect.objectContaining({ id: "bundle", group: "kb", unit: "kB", count: 1, mean: 123, min: 123, max: 123, last: expect.objectContaining({ value: 123 }) })]);

    // a failed build: the analysis reads the value from the log it classifies
    await job({ id: 8802, name: "build (mac)", conclusion: "failure", sha: sha(0x57a8), log: "bundle: 150 kB\nError: expected 1 to be 2\n##[error]Process completed with exit code 1.\n" });
    const both = await waitFor(async () => ((await statistics()).statistics[0]?.count === 2 ? statistics() : undefined), 40_000, "the failed job's value");
    expect(both.statistics[0]).toMatchObject({ count: 2, mean: 136.5, min: 123, max: 150 });
    expect(gh().state.requests.filter((r) => r.path.endsWith("/actions/jobs/8802/logs"))).toHaveLength(1); // one download for verdict and value

    // the JSON API needs a signed-in reader; the page renders the chart
    const api = await fetch(`${sift().base}/api/v1/repos/${repo.owner}/${repo.name}/statistics`);
    expect(api.status).toBe(401);
    const page = await (await fetch(`${sift().base}/r/${repo.owner}/${repo.name}/statistics?days=7`)).text();
    expect(page).toContain('<svg class="stat-chart"');
    const metrics = await (await fetch(`${sift().base}/metrics`, { headers: { authorization: "Bearer metrics-token" } })).text();
    expect(metrics).toMatch(/sift_statistic_last_value\{repo="octo-org\/stats-repo",statistic="bundle",group="kb"\} 1(23|50)/);
    expect(metrics).toMatch(/sift_statistic_logs_total\{outcome="read"\} 1/);
  }, 120_000);
});
