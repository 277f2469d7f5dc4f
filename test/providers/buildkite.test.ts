import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { normaliseLog } from "../../src/logs/index.js";
import { startBuildkiteDouble, type BuildkiteDouble } from "../provider-doubles/buildkite.js";
import { registryFor, statusOf } from "./registry-for.js";

let bk: BuildkiteDouble;
beforeAll(async () => {
  bk = await startBuildkiteDouble();
});
afterAll(() => bk.close());

const CONTEXT = "buildkite/app";
const JOB = "0190046e-e199-453b-a302-a21a4d649d31";
const reg = () => registryFor("buildkite", { url: bk.origin, token: bk.token });

describe("Buildkite", () => {
  it("reads the build's one hard-failed job log as text with a Bearer token; _bk;t= stamps are stripped", async () => {
    bk.builds.set("acme/app#5", [
      { id: "11111111-1111-1111-1111-111111111111", name: "lint", state: "failed", soft_failed: true, log: "lint" },
      { id: JOB, name: "test", state: "failed", log: "\u001b_bk;t=1700000000000\u0007--- Running tests\n\u001b_bk;t=1700000000100\u0007Error: connect ECONNRESET 10.0.0.1:443\n" },
    ]);
    const result = await reg().statusLogProvider.fetch(statusOf(CONTEXT, bk.buildUrl("acme", "app", 5)), { maxBytes: 1 << 20 });
    expect(result).toMatchObject({ ok: true, source: { ciProvider: "Buildkite", url: `${bk.origin}/v2/organizations/acme/pipelines/app/builds/5/jobs/${JOB}/log` } });
    if (result.ok) expect(normaliseLog(result.text).text).toBe("--- Running tests\nError: connect ECONNRESET 10.0.0.1:443\n");
    expect(bk.requests.filter((r) => r.path.includes("/builds/5")).every((r) => r.headers.authorization === `Bearer ${bk.token}`)).toBe(true);
  });

  it("a job named in the URL is read directly; a deleted log (404) is final; a 5xx is retried later", async () => {
    bk.builds.set("acme/app#6", [{ id: JOB, name: "test", state: "failed" }]);
    const gone = await reg().statusLogProvider.fetch(statusOf(CONTEXT, `${bk.buildUrl("acme", "app", 6)}#${JOB}`), {});
    expect(gone).toMatchObject({ ok: false, retryLater: false, reason: expect.stringContaining("(404)") });
    bk.outage = 503;
    try {
      expect(await reg().statusLogProvider.fetch(statusOf(CONTEXT, bk.buildUrl("acme", "app", 6)), {})).toMatchObject({ ok: false, retryLater: true });
    } finally {
      bk.outage = null;
    }
  });

  it("retries the failed job once; Buildkite's 422 for a second retry of the same job is a failure with its message", async () => {
    bk.builds.set("acme/app#7", [{ id: JOB, name: "test", state: "failed", log: "x" }]);
    const url = `${bk.buildUrl("acme", "app", 7)}#${JOB}`;
    expect(await reg().rerun({ context: CONTEXT, url, owner: "acme" })).toMatchObject({ result: "requested" });
    expect(await reg().rerun({ context: CONTEXT, url, owner: "acme" })).toMatchObject({ result: "failed", message: expect.stringContaining("422") });
    expect(bk.retried).toEqual([JOB]);
  });
});
