// writeReport against a strict HTTP mock: an unmocked request fails, and so does an unused mock.
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeReport, type Octokit } from "../../src/report/index.js";
import { failure, jobReport, report } from "./report-fixtures.js";
import type { AnalysisStages } from "../../src/model/index.js";

// Compile-time check: the real writer plugs into the analysis use case as its writeReport stage.
export const asStage: AnalysisStages["writeReport"] = writeReport;

const api = "https://api.github.com";
const repoPath = "/repos/octo/widgets";

// The function form of defaults switches retry and throttling off (the object form leaves throttling on).
const TestOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } }));
const octokit = (): Octokit => new TestOctokit({ auth: { token: "test-token" } }) as Octokit;

type Body = Record<string, unknown> & { output: { title: string; summary: string; annotations?: unknown[] } };
const bodies: Body[] = [];

function nockCreateCheckRun(id = 901): nock.Scope {
  return nock(api)
    .post(`${repoPath}/check-runs`, (b: Body) => (bodies.push(b), true))
    .reply(201, { id });
}
function nockUpdateCheckRun(id = 901): nock.Scope {
  return nock(api)
    .patch(`${repoPath}/check-runs/${id}`, (b: Body) => (bodies.push(b), true))
    .reply(200, { id });
}

const manyErrors = (n: number) => Array.from({ length: n }, (_, i) => `src/f.ts:${i + 1}:1 - error TS2322: bad ${i}`).join("\n");
const genuine = (n: number) => report([jobReport("genuine", { failure: failure({ excerpt: manyErrors(n) }) })]);
/** Sift annotates at most 50 lines per job, so more annotations need more jobs. */
const jobsWithErrors = (jobs: number, n: number) =>
  report(Array.from({ length: jobs }, (_, j) => jobReport("genuine", { failure: failure({ excerpt: manyErrors(n).replaceAll("src/f.ts", `src/g${j}.ts`) }) }, `job ${j}`)));

beforeEach(() => {
  nock.disableNetConnect();
  bodies.length = 0;
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, "every mocked request was made").toEqual([]);
});

describe("writeReport", () => {
  it("creates the Sift check run once, with details_url, status and conclusion", async () => {
    nockCreateCheckRun();
    const out = await writeReport(octokit(), genuine(3), null);
    expect(out).toMatchObject({ checkRunId: "901", written: true, status: "completed", conclusion: "failure", title: "1 to fix" });
    expect(bodies[0]).toMatchObject({
      name: "Sift",
      head_sha: "a".repeat(40),
      details_url: "https://sift.example/r/octo/widgets/commit/" + "a".repeat(40),
      status: "completed",
      conclusion: "failure",
      output: { title: "1 to fix" },
    });
    expect(bodies[0]!.output.annotations).toHaveLength(3);
  });

  it("sends more than 50 annotations in later updates that resend title and summary", async () => {
    nockCreateCheckRun();
    nockUpdateCheckRun();
    nockUpdateCheckRun();
    const out = await writeReport(octokit(), jobsWithErrors(2, 30), null);
    expect(bodies.map((b) => b.output.annotations?.length)).toEqual([50, 10]);
    expect(out.written).toBe(true);
    const r = jobsWithErrors(2, 40);
    bodies.length = 0;
    // 20 new annotations (lines 31–40 of each file) on the existing check run: one update.
    await writeReport(octokit(), r, { checkRunId: "901", outputHash: out.outputHash });
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!.output.annotations).toHaveLength(20);
    expect(bodies[0]!.output.title).toBe("2 to fix");
    expect(bodies[0]!.output.summary).toContain("Open the details page");
  });

  it("batches 120 new annotations as 50 + 50 + 20", async () => {
    nockCreateCheckRun();
    nockUpdateCheckRun();
    nockUpdateCheckRun();
    await writeReport(octokit(), jobsWithErrors(3, 40), null);
    expect(bodies.map((b) => b.output.annotations?.length)).toEqual([50, 50, 20]);
    for (const b of bodies) expect(b.output).toMatchObject({ title: "3 to fix", summary: expect.stringContaining("To fix") });
    expect(bodies[1]).not.toHaveProperty("conclusion");
  });

  it("makes no request when nothing changed", async () => {
    nockCreateCheckRun();
    const r = genuine(2);
    const first = await writeReport(octokit(), r, null);
    const again = await writeReport(octokit(), structuredClone(r), { checkRunId: first.checkRunId, outputHash: first.outputHash });
    expect(again).toMatchObject({ checkRunId: "901", written: false, outputHash: first.outputHash });
    expect(bodies).toHaveLength(1);
  });

  it("updates in place when the verdict changes, without resending annotations", async () => {
    nockCreateCheckRun();
    nockUpdateCheckRun();
    const pending = genuine(2);
    pending.pendingJobs = 1;
    // a genuine failure concludes at once, even with a job still running; the title says what runs
    const first = await writeReport(octokit(), pending, null);
    expect(bodies[0]).toMatchObject({ status: "completed", conclusion: "failure", output: { title: "Waiting for 1 job, 1 to fix" } });
    await writeReport(octokit(), { ...pending, pendingJobs: 0 }, { checkRunId: first.checkRunId, outputHash: first.outputHash });
    expect(bodies[1]).toMatchObject({ status: "completed", conclusion: "failure", output: { title: "1 to fix" } });
    expect(bodies[1]!.output).not.toHaveProperty("annotations");
  });
});
