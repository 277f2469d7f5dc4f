// What is kept of a failed job for re-classification: the failing step's tail, with its place in the
// log, compressed; measured on the real corpus.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_KEEP_BYTES, failureTextOf, packText, unpackText } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { ghaLog } from "../classify/helpers.js";
import { corpusLogs } from "../helpers/corpus.js";

const stepLines = Array.from({ length: 200 }, (_, i) => `test line ${i + 1} ${"x".repeat(40)}`);

describe("failureTextOf", () => {
  it("keeps a log that fits whole, with the failing step's place in it", () => {
    const log = normaliseLog(ghaLog(["FAIL src/a.test.ts", "Error: boom"]));
    const kept = failureTextOf(log);
    expect(kept).toMatchObject({ stepName: "Run make test", firstLine: 1, lineCount: log.lineCount });
    expect(kept.text).toBe(log.slice(1, log.lineCount)); // setup and cleanup too: terminal signals stand there
    expect(log.line(kept.stepStart)).toBe("##[group]Run make test");
    expect(log.line(kept.stepEnd)).toBe("##[error]Process completed with exit code 1.");
    expect(kept.fullBytes).toBe(Buffer.byteLength(log.slice(kept.stepStart, kept.stepEnd)));
  });

  it("keeps only the failing step when the log does not fit but the step does", () => {
    const log = normaliseLog(ghaLog(["Error: boom"], { setup: stepLines }));
    const kept = failureTextOf(log, 2000);
    expect(kept.firstLine).toBe(kept.stepStart);
    expect(kept.text).toBe(log.slice(kept.stepStart, kept.stepEnd));
    expect(kept.text).not.toContain("test line 1 ");
  });

  it("keeps only the step's tail under the limit, cut at a line start, line numbers still true", () => {
    const log = normaliseLog(ghaLog(stepLines));
    const kept = failureTextOf(log, 1000);
    expect(Buffer.byteLength(kept.text)).toBeLessThanOrEqual(1000);
    expect(kept.text).toMatch(/^test line \d+ x+\n/);
    expect(kept.text.trimEnd().endsWith("##[error]Process completed with exit code 1.")).toBe(true);
    expect(kept.fullBytes).toBeGreaterThan(9000);
    const lines = kept.text.split("\n");
    lines.forEach((line, i) => expect(log.line(kept.firstLine + i)).toBe(line));
  });

  it("cuts inside a line longer than the limit without splitting a character", () => {
    const log = normaliseLog(ghaLog(["é".repeat(5000)]));
    const kept = failureTextOf(log, 301);
    expect(Buffer.byteLength(kept.text)).toBeLessThanOrEqual(301);
    expect(kept.text).not.toContain("\uFFFD");
  });

  it("keeps the whole log when it has no step markers", () => {
    const log = normaliseLog(["compiling", "error: x", "make: *** [all] Error 1"].join("\n"));
    const kept = failureTextOf(log, 1000);
    expect(kept).toMatchObject({ firstLine: 1, lineCount: 3 });
    expect(kept.text).toContain("make: *** [all] Error 1");
  });
});

describe("pack", () => {
  it("round-trips the text and refuses to expand past the bound it is given", async () => {
    const text = stepLines.join("\n");
    const body = await packText(text);
    expect(body.length).toBeLessThan(text.length / 5);
    expect(await unpackText(body, "br", text.length)).toBe(text);
    await expect(unpackText(body, "br", 100)).rejects.toThrow();
    await expect(unpackText(body, "zstd", text.length)).rejects.toThrow(/unknown failure text encoding/);
  });

  it("stores at most SIFT_KEEP_BYTES of text per failed job of the corpus, a few KiB once compressed", async () => {
    const files = ["genuine", "flaky-test", "infra", "pytorch", "unknown"].flatMap(corpusLogs);
    let packed = 0;
    for (const file of files) {
      const kept = failureTextOf(normaliseLog(readFileSync(file)));
      expect(Buffer.byteLength(kept.text)).toBeLessThanOrEqual(DEFAULT_KEEP_BYTES);
      const body = await packText(kept.text);
      expect(await unpackText(body, "br", DEFAULT_KEEP_BYTES)).toBe(kept.text);
      packed += body.length;
    }
    expect(files.length).toBeGreaterThan(40);
    // Measured: about 6 KiB per failed job (test/bench/keep.ts prints the distribution).
    expect(packed / files.length).toBeLessThan(16 * 1024);
  });
});
