// The slowdown detector on known samples: a real slowdown is flagged, noise and thin samples are not.
import { describe, expect, it } from "vitest";
import { detectSlowdown, mannWhitneyGreater } from "../../src/decide/index.js";
import { mulberry32 } from "../helpers/seeded-random.js";

/** `n` durations around `centre` seconds, ±`spread` uniformly, seeded. */
function sample(seed: number, n: number, centre: number, spread: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => Math.round(centre + (random() * 2 - 1) * spread));
}

describe("mannWhitneyGreater", () => {
  it("matches the textbook U and a one-sided p for separated samples", () => {
    // Every x above every y: U = n1·n2 = 20; exact one-sided p = 1/C(9,4) = 0.0079, the normal approximation ≈ 0.0100.
    const r = mannWhitneyGreater([10, 11, 12, 13], [1, 2, 3, 4, 5]);
    expect(r.u).toBe(20);
    expect(r.p).toBeGreaterThan(0.005);
    expect(r.p).toBeLessThan(0.012);
  });

  it("counts ties as one half and gives p near 1 when x is smaller", () => {
    expect(mannWhitneyGreater([5, 5], [5, 5]).p).toBe(1);
    expect(mannWhitneyGreater([1, 5], [5, 9]).u).toBe(0.5);
    expect(mannWhitneyGreater([1, 2, 3, 4, 5], [10, 11, 12, 13, 14]).p).toBeGreaterThan(0.99);
  });
});

describe("detectSlowdown", () => {
  it("flags a job whose recent runs take 35 % longer", () => {
    const s = detectSlowdown(sample(1, 12, 270, 30), sample(2, 60, 200, 30));
    expect(s.flagged).toBe(true);
    expect(s.increase!).toBeGreaterThan(0.2);
    expect(s.p!).toBeLessThan(0.001);
    expect(s.reason).toMatch(/^median \+\d+ %, Mann–Whitney p = /);
  });

  it("does not flag noise: the same distribution on both sides, with an outlier", () => {
    const s = detectSlowdown([...sample(3, 12, 200, 60), 2000], sample(4, 60, 200, 60));
    expect(s.flagged).toBe(false);
    expect(s.reason).toMatch(/below the \+20 % threshold|not significant/);
  });

  it("does not flag a significant but small increase (+8 %)", () => {
    const s = detectSlowdown(sample(5, 40, 216, 5), sample(6, 100, 200, 5));
    expect(s.p!).toBeLessThan(0.001);
    expect(s.flagged).toBe(false);
    expect(s.reason).toContain("below the +20 % threshold");
  });

  it("does not flag a large increase on too few runs", () => {
    const s = detectSlowdown([400, 410, 420, 430], sample(7, 60, 200, 10));
    expect(s.flagged).toBe(false);
    expect(s.p).toBeNull();
    expect(s.reason).toContain("too few runs");
    expect(detectSlowdown(sample(8, 10, 400, 10), [200, 200, 210]).flagged).toBe(false);
  });

  it("does not flag +50 % medians when the samples overlap too much to tell", () => {
    // Five recent runs, bimodal baseline: the medians differ, the ranks barely.
    const s = detectSlowdown([100, 310, 320, 90, 300], [100, 100, 110, 300, 310, 90, 300, 320, 95, 105, 200]);
    expect(s.increase!).toBeGreaterThan(0.2);
    expect(s.flagged).toBe(false);
    expect(s.reason).toContain("not significant");
  });
});
