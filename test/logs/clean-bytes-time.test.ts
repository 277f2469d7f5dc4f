// Cleaning is linear: the two inputs that took minutes when every escape code or carriage return
// scanned back to the start of its line (issue 11, defect 1).
import { describe, expect, it } from "vitest";
import { cleanBytes } from "../../src/logs/index.js";
import { ansiLine, progressLines } from "../helpers/hostile-logs.js";

const MB = 1024 * 1024;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe("cleanBytes time", () => {
  it("cleans 8 MB of bare-CR progress redraws on one line in well under 2 s", () => {
    const input = progressLines(8 * MB);
    const { value, ms } = timed(() => cleanBytes(input));
    expect(value.toString()).toBe("progress 50%");
    expect(ms).toBeLessThan(2000);
  });

  it("cleans one 8 MB line of ANSI colour codes in well under 2 s", () => {
    const input = ansiLine(8 * MB);
    const { value, ms } = timed(() => cleanBytes(input));
    expect(value.length).toBe((input.length - 1) / "\u001b[31mx\u001b[0m".length + 1);
    expect(value.toString()).toMatch(/^x+\n$/);
    expect(ms).toBeLessThan(2000);
  });
});
