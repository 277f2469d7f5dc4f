// Benchmark (issue 11, defect 1): log clean-up throughput on the two inputs that were quadratic —
// 50 MB of bare-CR progress redraws on one line, and one 12 MB line with a million ANSI colour
// codes — and, for scale, the whole normalisation of each. Before the fix they took 13 min and 65 s.
import { cleanBytes, normaliseLog } from "../../src/logs/index.js";
import { ansiLine, progressLines } from "../helpers/hostile-logs.js";

const MB = 1024 * 1024;

function rate(label: string, bytes: number, fn: () => unknown): void {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  const ms = times.sort((a, b) => a - b)[1] as number;
  console.log(`${label.padEnd(52)} ${(bytes / MB).toFixed(0).padStart(4)} MB  ${ms.toFixed(0).padStart(6)} ms  ${((bytes / MB) / (ms / 1000)).toFixed(0).padStart(6)} MB/s`);
}

export async function runCleanBench(): Promise<void> {
  const inputs = [
    { name: "50 MB of `progress 50%\\r` (one line)", bytes: progressLines(50 * MB) },
    { name: "12 MB line, a million ANSI codes", bytes: ansiLine(12 * MB) },
  ];
  console.log("median of 3 runs");
  for (const { name, bytes } of inputs) {
    rate(`cleanBytes: ${name}`, bytes.length, () => cleanBytes(bytes));
    rate(`normaliseLog: ${name}`, bytes.length, () => normaliseLog(bytes));
  }
}
