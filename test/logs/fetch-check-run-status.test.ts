import { describe, expect, it } from "vitest";
import { fetchLog } from "../../src/logs/fetch.js";
import { fetchCheckRunLog } from "../../src/logs/providers/check-run.js";
import { fetchStatusLog } from "../../src/logs/providers/status.js";
import { API, nockGetCheckRun, nockListAnnotations, nockStatusTarget, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import nock from "nock";

useStrictNock();

const annotation = (n: number, message: string) => ({
  path: "src/a.ts",
  start_line: n,
  end_line: n,
  annotation_level: "failure",
  title: null,
  message,
  raw_details: null,
});

describe("fetchCheckRunLog", () => {
  it("uses title, summary, text and every page of annotations as the log", async () => {
    nockGetCheckRun({ title: "Build failed", summary: "1 error", text: "npm ERR! code E503" });
    nockListAnnotations([[annotation(3, "first")], [{ ...annotation(9, "second"), title: "Lint", raw_details: "details here" }]]);
    const result = await fetchCheckRunLog(testOctokit(), { owner: "octo", repo: "app", checkRunId: 7 });
    expect(result).toMatchObject({
      ok: true,
      text: "Build failed\n1 error\nnpm ERR! code E503\nsrc/a.ts:3: failure: first\nsrc/a.ts:9: failure: Lint: second\ndetails here",
      truncatedHeadBytes: 0,
      truncatedHeadLines: 0,
      source: { provider: "check-run", url: `${API}/repos/octo/app/check-runs/7` },
    });
  });

  it("uses the webhook's output when given, asking only for annotations", async () => {
    nockListAnnotations([[]]);
    const result = await fetchCheckRunLog(testOctokit(), { owner: "octo", repo: "app", checkRunId: 7, output: { title: "t", summary: "s", text: null } });
    expect(result).toMatchObject({ ok: true, text: "t\ns" });
  });

  it("keeps the tail when the output is over the cap", async () => {
    nockListAnnotations([[]]);
    const text = Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join("\n");
    const result = await fetchCheckRunLog(testOctokit(), { owner: "octo", repo: "app", checkRunId: 7, output: { text } }, { maxBytes: 64 * 1024 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.text.endsWith("line 9999")).toBe(true);
    expect(result.text.startsWith("line ")).toBe(true);
    expect(result.truncatedHeadBytes).toBe(Buffer.byteLength(text) - Buffer.byteLength(result.text));
  });

  it("an empty output is a failure to read, not an empty log", async () => {
    nockListAnnotations([[]]);
    expect(await fetchCheckRunLog(testOctokit(), { owner: "octo", repo: "app", checkRunId: 7, output: {} })).toEqual({
      ok: false,
      reason: "check run has no output and no annotations",
      retryLater: false,
    });
  });

  it("an API error says so and retries server errors", async () => {
    nock(API).get("/repos/octo/app/check-runs/7").reply(500, { message: "boom" });
    expect(await fetchCheckRunLog(testOctokit(), { owner: "octo", repo: "app", checkRunId: 7 })).toMatchObject({ ok: false, retryLater: true });
  });
});

describe("fetchStatusLog (plain-text provider)", () => {
  const url = "https://ci.example.org/job/12/consoleText";

  it("reads a text/plain target without credentials", async () => {
    nockStatusTarget(url, "Started by timer\nERROR: Error fetching remote repo 'origin'\n");
    const result = await fetchStatusLog({ context: "jenkins", targetUrl: url });
    expect(result).toEqual({
      ok: true,
      bytes: expect.any(Uint8Array), // as sent; `text` is them decoded
      text: "Started by timer\nERROR: Error fetching remote repo 'origin'\n",
      truncatedHeadBytes: 0,
      truncatedHeadLines: 0,
      source: { provider: "status", url, totalBytes: 60 },
    });
  });

  it("refuses an HTML page: it is not a log", async () => {
    nockStatusTarget(url, "<html></html>", "text/html");
    expect(await fetchStatusLog({ context: "jenkins", targetUrl: url })).toEqual({ ok: false, reason: "status target is not a plain-text log (text/html)", retryLater: false });
  });

  it("caps the size, keeping the tail", async () => {
    nockStatusTarget(url, "head\n".repeat(100_000) + "tail\n");
    const result = await fetchStatusLog({ context: "jenkins", targetUrl: url }, { maxBytes: 64 * 1024 });
    if (!result.ok) throw new Error(result.reason);
    expect(result.text.endsWith("head\ntail\n")).toBe(true);
    expect(result.text.startsWith("head\n")).toBe(true);
    expect(result.truncatedHeadBytes).toBe(500_005 - Buffer.byteLength(result.text));
    expect(result.truncatedHeadBytes).toBeGreaterThanOrEqual(500_005 - 64 * 1024);
  });

  it("has no provider for a status without an http(s) target_url", async () => {
    expect(await fetchStatusLog({ context: "ci/x", targetUrl: null })).toEqual({ ok: false, reason: 'no log provider for status "ci/x" (no target_url)', retryLater: false });
    expect(await fetchStatusLog({ context: "ci/x", targetUrl: "file:///etc/passwd" })).toMatchObject({ ok: false, retryLater: false });
  });
});

describe("fetchLog", () => {
  it("dispatches by target kind and never throws", async () => {
    const crashing = { name: "crash", handles: () => true, fetch: () => Promise.reject(new Error("kaboom")) };
    const result = await fetchLog({ kind: "status", status: { context: "c", targetUrl: "https://x.test/" } }, { octokit: testOctokit(), statusProviders: [crashing] });
    expect(result).toEqual({ ok: false, reason: "log retrieval crashed: kaboom", retryLater: false });
  });
});
