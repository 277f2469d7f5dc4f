// A worker thread judges a log exactly as this thread does: every corpus log, same verdict field for field.
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createClassifyPool } from "../../src/analyse/classify-pool.js";
import { classify } from "../../src/classify/index.js";
import { configFromFiles } from "../../src/config/load.js";
import { normaliseLogYielding } from "../../src/logs/index.js";
import { corpusLogs } from "../helpers/corpus.js";
import { AnalysisStopped } from "../../src/model/index.js";

const folders = ["flaky-test", "genuine", "infra", "pytorch", "unknown"];

describe("classify pool", () => {
  const pool = createClassifyPool({ threads: 2 });
  afterAll(() => pool.close());
  const { compiled } = configFromFiles([], "octo", "app");
  const context = { jobName: "build", workflowName: "CI", branch: "main" };
  const signals = { conclusion: "failure" };

  it("gives the in-thread verdict for every corpus log", async () => {
    expect(pool.workerFile).toBeDefined();
    const files = folders.flatMap((f) => corpusLogs(f));
    expect(files.length).toBeGreaterThan(40);
    const results = await Promise.all(files.map(async (file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const text = Buffer.from(bytes).toString("utf8");
      const here = classify({ log: await normaliseLogYielding(text, { truncatedHeadBytes: 0 }), compiled, context, signals });
      const there = await pool.classify({ bytes, truncatedHeadBytes: 0, context, signals }, compiled);
      return { file, here, there };
    }));
    for (const { file, here, there } of results) expect(there, file).toEqual({ ok: true, verdict: here });
    expect(new Set(results.map((r) => r.here.class)).size).toBeGreaterThan(1);
  }, 120_000);
});

describe("closing the pool (shutdown)", () => {
  const { compiled } = configFromFiles([], "octo", "app");
  const job = (mb: number) => {
    const line = Buffer.from("2024-05-01T12:00:00.0000000Z some ordinary build output line that matches nothing\n");
    const bytes = new Uint8Array(mb << 20);
    for (let at = 0; at + line.length <= bytes.length; at += line.length) bytes.set(line, at);
    return { bytes, truncatedHeadBytes: 0, context: { jobName: "build" }, signals: { conclusion: "failure" } };
  };

  it("interrupts the running and the waiting classifications with AnalysisStopped, never a verdict", async () => {
    const pool = createClassifyPool({ threads: 1 });
    const running = pool.classify(job(48), compiled);
    const waiting = pool.classify(job(1), compiled);
    const outcomes = Promise.allSettled([running, waiting]);
    await new Promise((r) => setTimeout(r, 100)); // the first is being judged, the second waits for the only worker
    await pool.close();
    const [a, b] = await outcomes;
    for (const o of [a, b]) {
      expect(o?.status).toBe("rejected");
      expect((o as PromiseRejectedResult).reason).toBeInstanceOf(AnalysisStopped);
    }
    await expect(pool.classify(job(1), compiled)).rejects.toBeInstanceOf(AnalysisStopped);
  }, 30_000);
});
