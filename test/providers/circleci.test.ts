import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseLog } from "../../src/logs/index.js";
import { startCircleCiDouble, type CircleCiDouble, type CircleJob } from "../provider-doubles/circleci.js";
import { registryFor, statusOf } from "./registry-for.js";

let circle: CircleCiDouble;
beforeAll(async () => {
  circle = await startCircleCiDouble();
});
afterAll(() => circle.close());

const job = (number: number, over: Partial<CircleJob> = {}): CircleJob => {
  const j: CircleJob = {
    org: "acme",
    repo: "app",
    number,
    workflowId: `0b9e5d8c-1f2a-4c3b-9d4e-${String(number).padStart(12, "0")}`,
    steps: [
      { name: "Spin up environment", status: "success", output: "Build-agent version 1.0\n" },
      { name: "Run tests", status: "failed", output: "running 3 tests\nAssertionError: expected 2 to equal 3\nExited with code exit status 1\n" },
    ],
    ...over,
  };
  circle.jobs.set(number, j);
  return j;
};
const reg = () => registryFor("circleci", { url: circle.origin, token: circle.token });

describe("CircleCI", () => {
  it("reads step output through API v1.1 as sections, the failed step last, without sending the token to storage", async () => {
    const j = job(101);
    const result = await reg().statusLogProvider.fetch(statusOf("ci/circleci: test", circle.jobUrl(j)), { maxBytes: 1 << 20 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.source).toMatchObject({ ciProvider: "CircleCI", url: `${circle.origin}/api/v1.1/project/github/acme/app/101` });
    const log = normaliseLog(result.text);
    expect(log.steps.map((s) => s.name)).toEqual(["1_Spin_up_environment", "2_Run_tests"]);
    expect(log.failingStep?.name).toBe("2_Run_tests");
    expect(log.slice(log.failingStep!.startLine, log.failingStep!.endLine)).toContain("AssertionError: expected 2 to equal 3");
    const api = circle.requests.find((r) => r.path === "/api/v1.1/project/github/acme/app/101");
    expect(api?.headers["circle-token"]).toBe(circle.token);
    expect(circle.requests.filter((r) => r.path.startsWith("/output/101/")).map((r) => r.host)).toEqual([new URL(circle.storageOrigin).host, new URL(circle.storageOrigin).host]);
    expect(circle.tokenLeaks).toEqual([]);
  });

  it("keeps the tail under the cap: earlier steps are left out and counted", async () => {
    const j = job(102, { steps: [{ name: "big", status: "success", output: "x".repeat(5000) + "\n" }, { name: "fail", status: "failed", output: "boom\n" }] });
    const result = await reg().statusLogProvider.fetch(statusOf("ci/circleci: test", circle.jobUrl(j)), { maxBytes: 1000 });
    expect(result).toMatchObject({ ok: true });
    if (result.ok) {
      expect(result.text).toContain("boom");
      expect(result.text).not.toContain("xxxx");
      expect(result.truncatedHeadBytes).toBeGreaterThanOrEqual(5000);
    }
  });

  it("says the log expired when the step output is gone (403/404 from storage), and a job 404 likewise", async () => {
    const j = job(103, { outputStatus: 404 });
    const expired = await reg().statusLogProvider.fetch(statusOf("ci/circleci: test", circle.jobUrl(j)), {});
    expect(expired).toEqual({ ok: false, retryLater: false, reason: expect.stringMatching(/^CircleCI: step output not found \(404\): expired/) });
    const missing = await reg().statusLogProvider.fetch(statusOf("ci/circleci: test", `${circle.origin}/gh/acme/app/999`), {});
    expect(missing).toMatchObject({ ok: false, retryLater: false, reason: expect.stringContaining("job 999 not found (404)") });
  });

  it("retries later on a 5xx", async () => {
    const j = job(104);
    circle.outage = 502;
    try {
      const result = await reg().statusLogProvider.fetch(statusOf("ci/circleci: test", circle.jobUrl(j)), {});
      expect(result).toMatchObject({ ok: false, retryLater: true, reason: expect.stringContaining("(502)") });
    } finally {
      circle.outage = null;
    }
  });

  it("re-runs the workflow from failed, finding the workflow through API v2 for a legacy job URL", async () => {
    const j = job(105);
    const outcome = await reg().rerun({ context: "ci/circleci: test", url: `${circle.origin}/gh/acme/app/105?utm_source=github_status`, owner: "acme" });
    expect(outcome).toEqual({ result: "requested", detail: `workflow ${j.workflowId} re-run from failed` });
    expect(circle.reruns.at(-1)).toEqual({ workflowId: j.workflowId, body: { from_failed: true } });
  });

  it("without credentials for the org: says so, and never calls CircleCI", async () => {
    const j = job(106);
    const before = circle.requests.length;
    const none = registryFor("circleci", undefined);
    const result = await none.statusLogProvider.fetch(statusOf("ci/circleci: test", circle.jobUrl(j)), {});
    expect(result).toMatchObject({ ok: false, retryLater: false, reason: expect.stringContaining("Sift has no CircleCI credentials for acme") });
    expect(await none.rerun({ context: "ci/circleci: test", url: circle.jobUrl(j), owner: "acme" })).toMatchObject({ result: "failed" });
    expect(circle.requests.length).toBe(before);
  });

  it("never sends the token to a status URL on another server", async () => {
    const j = job(107);
    const before = circle.requests.length;
    const elsewhere = circle.jobUrl(j).replace(circle.origin, circle.storageOrigin);
    const result = await reg().statusLogProvider.fetch(statusOf("ci/circleci: test", elsewhere), {});
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining(`links to ${circle.storageOrigin}, not to the CircleCI server`) });
    expect(circle.requests.length).toBe(before);
  });
});
