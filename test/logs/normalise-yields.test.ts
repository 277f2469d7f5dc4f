// Normalising a huge log in the server leaves the event loop turns between slices of work, so
// webhooks and /healthz are answered meanwhile (issue 11, defect 1). Same result as normaliseLog.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normaliseLog, normaliseLogYielding } from "../../src/logs/index.js";
import { corpusLogs } from "../helpers/corpus.js";
import { progressLines } from "../helpers/hostile-logs.js";

const MB = 1024 * 1024;

/** Runs `work` while a 5 ms interval ticks; the longest gap between ticks (or start and end) is how long the loop was held. */
async function loopHeld(work: () => Promise<unknown>): Promise<{ ticks: number; longestGapMs: number; totalMs: number }> {
  const start = performance.now();
  let last = start;
  let longest = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks++;
  }, 5);
  await work();
  clearInterval(timer);
  const end = performance.now();
  return { ticks, longestGapMs: Math.max(longest, end - last), totalMs: end - start };
}

function bigGithubLog(bytes: number): Buffer {
  const parts: Buffer[] = [];
  let n = 0;
  for (const path of corpusLogs("genuine").filter((f) => /\/gha-[^/]*\.raw\.log$/.test(f))) {
    parts.push(readFileSync(path));
    n += (parts.at(-1) as Buffer).length;
    if (n > 2 * MB) break;
  }
  const unit = Buffer.concat(parts);
  return Buffer.concat(Array.from({ length: Math.ceil(bytes / unit.length) }, () => unit));
}

describe("normaliseLogYielding", () => {
  it("lets timers fire while 50 MB of one-line progress redraws are cleaned", async () => {
    const input = progressLines(50 * MB);
    const held = await loopHeld(() => normaliseLogYielding(input));
    expect(held.ticks).toBeGreaterThanOrEqual(5);
    expect(held.longestGapMs).toBeLessThan(held.totalMs / 4);
  });

  it("lets timers fire while a 50 MB GitHub Actions log is normalised, with the same result as normaliseLog", async () => {
    const input = bigGithubLog(50 * MB);
    let log: Awaited<ReturnType<typeof normaliseLogYielding>> | undefined;
    const held = await loopHeld(async () => (log = await normaliseLogYielding(input)));
    expect(held.ticks).toBeGreaterThanOrEqual(5);
    expect(held.longestGapMs).toBeLessThan(held.totalMs / 4);
    const whole = normaliseLog(input);
    expect(log?.text === whole.text).toBe(true);
    expect(log?.steps).toEqual(whole.steps);
    expect(log?.failingStep).toEqual(whole.failingStep);
    expect(log?.lineCount).toBe(whole.lineCount);
  });
});
