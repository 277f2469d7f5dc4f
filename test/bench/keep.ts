// Benchmark (issue 12): bytes stored per failed job when the failing step's text is kept
// (the whole log when it fits in SIFT_KEEP_BYTES, else the failing step's tail; Brotli quality 5), over every log of the shared corpus.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_KEEP_BYTES, failureTextOf, packText } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { benchCorpusDir } from "./corpus.js";

const KiB = 1024;

function stats(label: string, values: number[]): void {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const k = (n: number) => `${(n / KiB).toFixed(1)} KiB`.padStart(11);
  console.log(`${label.padEnd(46)} mean ${k(mean)}  median ${k(at(0.5))}  p90 ${k(at(0.9))}  max ${k(at(1))}`);
}

export async function runKeepBench(): Promise<void> {
  const root = join(benchCorpusDir(), "logs");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile() && !f.endsWith(".groundtruth.txt") && !f.endsWith(".md"));
  const raw: number[] = [];
  const step: number[] = [];
  const kept: number[] = [];
  const stored: number[] = [];
  let ms = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    const text = failureTextOf(normaliseLog(bytes), DEFAULT_KEEP_BYTES);
    const start = performance.now();
    const body = await packText(text.text);
    ms += performance.now() - start;
    raw.push(bytes.length);
    step.push(text.fullBytes);
    kept.push(Buffer.byteLength(text.text));
    stored.push(body.length);
  }
  console.log(`${files.length} failed jobs of the corpus, SIFT_KEEP_BYTES=${DEFAULT_KEEP_BYTES}`);
  stats("raw log", raw);
  stats("failing step, normalised", step);
  stats("kept (the log if it fits, else the step tail)", kept);
  stats("stored (Brotli q5)", stored);
  console.log(`compression: ${(ms / files.length).toFixed(1)} ms per job`);
}
