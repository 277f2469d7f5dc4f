import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseLog } from "../../src/logs/index.js";
import { startGitLabDouble, type GitLabDouble } from "../provider-doubles/gitlab.js";
import { registryFor, statusOf } from "./registry-for.js";

let gitlab: GitLabDouble;
beforeAll(async () => {
  gitlab = await startGitLabDouble();
});
afterAll(() => gitlab.close());

const CONTEXT = "ci/gitlab/gitlab.example.com";
const PROJECT = "acme/platform/app";
const trace = (body: string) =>
  `section_start:1700000000:prepare_executor\r\u001b[0KPreparing the "docker" executor\nsection_end:1700000001:prepare_executor\r\u001b[0K\nsection_start:1700000002:step_script\r\u001b[0KExecuting "step_script" stage\n${body}\nsection_end:1700000003:step_script\r\u001b[0K\nERROR: Job failed: exit code 1\n`;
const reg = () => registryFor("gitlab", { url: gitlab.origin, token: gitlab.token });

describe("GitLab", () => {
  it("reads the one failed job of a pipeline (paginated list, allow_failure ignored) through its trace, with sections as steps", async () => {
    gitlab.pageSize = 1;
    gitlab.pipelines.set(PROJECT, new Map([[11, [
      { id: 1, name: "lint", status: "success" },
      { id: 2, name: "docs", status: "failed", allow_failure: true, trace: "docs broke" },
      { id: 3, name: "test", status: "failed", trace: trace("FAILED tests/test_api.py::test_login - AssertionError") },
    ]]]));
    const result = await reg().statusLogProvider.fetch(statusOf(CONTEXT, gitlab.pipelineUrl(PROJECT, 11)), { maxBytes: 1 << 20 });
    gitlab.pageSize = 100;
    expect(result).toMatchObject({ ok: true, source: { ciProvider: "GitLab" } });
    if (!result.ok) return;
    const log = normaliseLog(result.text);
    expect(log.failingStep?.name).toBe("step_script");
    expect(log.text).toContain("FAILED tests/test_api.py::test_login - AssertionError");
    const pages = gitlab.requests.filter((r) => r.path.startsWith(`/api/v4/projects/${encodeURIComponent(PROJECT)}/pipelines/11/jobs`));
    expect(pages.map((r) => new URL(r.path, gitlab.origin).searchParams.get("page"))).toEqual(["1", "2"]);
    expect(pages.every((r) => r.headers["private-token"] === gitlab.token)).toBe(true);
  });

  it("a pipeline with two failed jobs stays genuine with the reason; a job URL is read directly", async () => {
    gitlab.pipelines.set(PROJECT, new Map([[12, [{ id: 21, name: "unit", status: "failed", trace: "a" }, { id: 22, name: "e2e", status: "failed", trace: "b" }]]]));
    const two = await reg().statusLogProvider.fetch(statusOf(CONTEXT, gitlab.pipelineUrl(PROJECT, 12)), {});
    expect(two).toMatchObject({ ok: false, retryLater: false, reason: expect.stringContaining("has 2 failed jobs (unit, e2e)") });
    const one = await reg().statusLogProvider.fetch(statusOf(CONTEXT, `${gitlab.origin}/${PROJECT}/-/jobs/22`), {});
    expect(one).toMatchObject({ ok: true, text: "b" });
  });

  it("an erased or expired trace (404) is final; a 500 is retried later", async () => {
    gitlab.pipelines.set(PROJECT, new Map([[13, [{ id: 31, name: "old", status: "failed" }]]]));
    const expired = await reg().statusLogProvider.fetch(statusOf(CONTEXT, `${gitlab.origin}/${PROJECT}/-/jobs/31`), {});
    expect(expired).toMatchObject({ ok: false, retryLater: false, reason: expect.stringMatching(/job 31 trace not found \(404\): expired/) });
    gitlab.outage = 500;
    try {
      expect(await reg().statusLogProvider.fetch(statusOf(CONTEXT, gitlab.pipelineUrl(PROJECT, 13)), {})).toMatchObject({ ok: false, retryLater: true });
    } finally {
      gitlab.outage = null;
    }
  });

  it("retries a job, or the failed jobs of a pipeline", async () => {
    gitlab.pipelines.set(PROJECT, new Map([[14, [{ id: 41, name: "test", status: "failed", trace: "x" }]]]));
    expect(await reg().rerun({ context: CONTEXT, url: `${gitlab.origin}/${PROJECT}/-/jobs/41`, owner: "acme" })).toMatchObject({ result: "requested" });
    expect(await reg().rerun({ context: CONTEXT, url: gitlab.pipelineUrl(PROJECT, 14), owner: "acme" })).toMatchObject({ result: "requested" });
    expect(gitlab.retried.slice(-2)).toEqual(["job:41", "pipeline:14"]);
  });
});
