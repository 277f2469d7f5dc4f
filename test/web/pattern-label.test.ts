// Per-pattern metrics keep a bounded number of label values, and serve the rescue rate per pattern.
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/web/metrics/metrics.js";
import { OTHER_PATTERN_LABEL, patternLabeller } from "../../src/web/metrics/pattern-label.js";

describe("patternLabeller", () => {
  it("names every built-in id, the first N other ids, and folds the rest into other", () => {
    const label = patternLabeller(2, new Set(["net.reset"]));
    expect(["repo.a", "repo.b", "repo.c", "net.reset", "repo.a"].map(label)).toEqual(["repo.a", "repo.b", OTHER_PATTERN_LABEL, "net.reset", "repo.a"]);
  });

  it("knows the built-in library by default", () => {
    const label = patternLabeller(0);
    expect(label("gha.runner-lost")).not.toBe(OTHER_PATTERN_LABEL);
    expect(label("my.own")).toBe(OTHER_PATTERN_LABEL);
  });
});

describe("pattern metrics", () => {
  it("counts hits with bounded labels and serves sift_pattern_rescue_rate from its source", async () => {
    const patterns = [...Array(150)].map((_, i) => ({ pattern: `user.p${i}`, reruns: 4, passed: 1 }));
    const metrics = createMetrics({ patternRescue: async () => [{ pattern: "gha.runner-lost", reruns: 12, passed: 2 }, ...patterns] });
    for (let i = 0; i < 150; i++) metrics.patternHits.inc({ pattern: `user.h${i}` });
    metrics.patternHits.inc({ pattern: "gha.runner-lost" });
    const text = await metrics.registry.metrics();
    expect(text).toContain('sift_pattern_hits_total{pattern="gha.runner-lost"} 1');
    expect(text).toContain('sift_pattern_hits_total{pattern="other"} 50');
    expect(text.match(/^sift_pattern_hits_total\{/gm)).toHaveLength(102); // 100 user ids + other + the built-in
    expect(text).toMatch(/sift_pattern_rescue_rate\{pattern="gha.runner-lost"\} 0.1666/);
    expect(text).toContain('sift_pattern_rescue_rate{pattern="other"} 0.25');
    expect(text.match(/^sift_pattern_rescue_rate\{/gm)?.length).toBeLessThanOrEqual(102);
  });
});
