import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { fetchActionsJobLog } from "../../src/logs/providers/actions-job.js";
import nock from "nock";
import { stallingFetch } from "../../src/octokit.js";
import { STORAGE, nockJobLogRedirect, nockJobLogStatus, nockLogStorage, testOctokit, useStrictNock } from "../helpers/github-nock.js";

useStrictNock();

const job = { owner: "octo", repo: "app", jobId: 42 };

describe("fetchActionsJobLog", () => {
  it("follows the 302 itself and reads storage without the token", async () => {
    const location = nockJobLogRedirect();
    const log = "2024-01-01T00:00:00.0000000Z line one\n##[error]Process completed with exit code 1.\n";
    nockLogStorage(location, log);
    const result = await fetchActionsJobLog(testOctokit(), job);
    expect(result).toEqual({
      ok: true,
      bytes: expect.any(Uint8Array), // as sent; `text` is them decoded
      text: log,
      truncatedHeadBytes: 0,
      truncatedHeadLines: 0,
      source: { provider: "actions-job", url: "https://api.github.com/repos/octo/app/actions/jobs/42/logs", totalBytes: Buffer.byteLength(log) },
    });
  });

  it("never reports the signed storage URL as the source", async () => {
    nockLogStorage(nockJobLogRedirect(), "x\n");
    const result = await fetchActionsJobLog(testOctokit(), job);
    expect(JSON.stringify(result)).not.toContain("sig=abc");
  });

  it("404 right after completion: not uploaded yet, retry later", async () => {
    nockJobLogStatus(404);
    const now = () => new Date("2024-05-01T12:01:00Z");
    const result = await fetchActionsJobLog(testOctokit(), { ...job, completedAt: new Date("2024-05-01T12:00:00Z") }, { now });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/404.*not uploaded yet/), retryLater: true });
  });

  it("404 long after completion: deleted, do not retry", async () => {
    nockJobLogStatus(404);
    const now = () => new Date("2024-05-02T12:00:00Z");
    const result = await fetchActionsJobLog(testOctokit(), { ...job, completedAt: new Date("2024-05-01T12:00:00Z") }, { now });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/404.*deleted/), retryLater: false });
  });

  it("410: expired, do not retry", async () => {
    nockJobLogStatus(410);
    expect(await fetchActionsJobLog(testOctokit(), job)).toEqual({ ok: false, reason: expect.stringMatching(/expired \(410/), retryLater: false });
  });

  it("5xx: could not read, retry later", async () => {
    nockJobLogStatus(502);
    expect(await fetchActionsJobLog(testOctokit(), job)).toEqual({ ok: false, reason: expect.stringMatching(/could not be read \(502\)/), retryLater: true });
  });

  it("403: could not read, no retry", async () => {
    nockJobLogStatus(403);
    expect(await fetchActionsJobLog(testOctokit(), job)).toMatchObject({ ok: false, retryLater: false });
  });

  it("a stale storage URL (403 from storage) asks for a fresh redirect, and later again if storage keeps failing", async () => {
    nockLogStorage(nockJobLogRedirect(), "AuthenticationFailed", 403);
    nockLogStorage(nockJobLogRedirect(), "ok\n");
    expect(await fetchActionsJobLog(testOctokit(), job, { storageRetryDelaysMs: [10] })).toMatchObject({ ok: true, text: "ok\n" });
    for (const status of [503, 500]) nockLogStorage(nockJobLogRedirect(), "busy", status);
    expect(await fetchActionsJobLog(testOctokit(), job, { storageRetryDelaysMs: [10] })).toEqual({ ok: false, reason: "job log storage answered 500", retryLater: true });
  });

  it("a download that breaks off mid-stream is asked again through a fresh redirect", async () => {
    function* broken() {
      yield Buffer.from("2024-01-01T00:00:00.0000000Z first half\n");
      throw new Error("socket hang up");
    }
    nockLogStorage(nockJobLogRedirect(), () => Readable.from(broken()));
    nockLogStorage(nockJobLogRedirect(), "whole\n");
    expect(await fetchActionsJobLog(testOctokit(), job, { storageRetryDelaysMs: [10] })).toMatchObject({ ok: true, text: "whole\n" });
  });

  it("storage that never answers is given up on by the stalling fetch, then asked again", async () => {
    const location = nockJobLogRedirect();
    nock(STORAGE).get(new URL(location).pathname).query(true).delay(2_000).reply(200, "late\n");
    nockLogStorage(nockJobLogRedirect(), "on time\n");
    const started = Date.now();
    const result = await fetchActionsJobLog(testOctokit(), job, { fetch: stallingFetch(200), storageRetryDelaysMs: [10] });
    expect(result).toMatchObject({ ok: true, text: "on time\n" });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("streams a 50 MB log and keeps only the tail under the cap", async () => {
    const line = "2024-01-01T00:00:00.0000000Z " + "x".repeat(70) + "\n"; // 100 bytes
    const lines = 500_000; // 50 MB
    function* body() {
      const block = Buffer.from(line.repeat(10_000)); // 1 MB per chunk
      for (let i = 0; i < lines / 10_000; i++) yield block;
      yield Buffer.from("##[error]the real failure\n");
    }
    nockLogStorage(nockJobLogRedirect(), () => Readable.from(body()));
    const maxBytes = 1024 * 1024 + 50; // cuts mid-line
    const result = await fetchActionsJobLog(testOctokit(), job, { maxBytes });
    if (!result.ok) throw new Error(result.reason);
    const total = lines * 100 + 26;
    expect(result.source.totalBytes).toBe(total);
    expect(result.text.endsWith("##[error]the real failure\n")).toBe(true);
    expect(result.text.startsWith("2024-01-01T00:00:00.0000000Z x")).toBe(true); // starts on a whole line
    expect(Buffer.byteLength(result.text)).toBeLessThanOrEqual(maxBytes);
    expect(result.truncatedHeadBytes).toBe(total - Buffer.byteLength(result.text));
  });

  it("decodes invalid UTF-8 leniently and drops NUL bytes", async () => {
    const bytes = Buffer.concat([Buffer.from("ok \u00e9 "), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(" a\u0000b\n")]);
    nockLogStorage(nockJobLogRedirect(), bytes);
    const result = await fetchActionsJobLog(testOctokit(), job);
    expect(result).toMatchObject({ ok: true, text: "ok \u00e9 \ufffd\ufffd\ufffd ab\n" });
  });
});
