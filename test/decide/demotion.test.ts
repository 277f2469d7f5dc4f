// Demotion is pure: re-run stats + the repository's demote settings → which flaky patterns stop
// triggering re-runs, and the words the report and pages use.
import { describe, expect, it } from "vitest";
import { decide, defaultDemotePolicy, demotedPatterns, demotePolicyOf, demotionOf, emptyHistory, rescueRate } from "../../src/decide/index.js";
import { configSchema } from "../../src/model/index.js";
import { renderCheckRun } from "../../src/report/index.js";
import { NOW, classifiedReport, flaky, job, retryContext } from "./fixtures.js";

const stats = (reruns: number, passed: number, patternId = "gha.runner-lost") => ({ patternId, reruns, passed });

describe("demotionOf", () => {
  it("demotes a pattern whose re-runs pass less than min_rescue_rate over at least min_reruns", () => {
    expect(demotionOf(stats(12, 2), defaultDemotePolicy)).toEqual({
      patternId: "gha.runner-lost",
      reruns: 12,
      passed: 2,
      reason: "pattern gha.runner-lost is demoted: 2 of 12 re-runs passed (17 %, below demote.min_rescue_rate 30 %), so it triggers no automatic re-run",
    });
  });

  it("waits for min_reruns concluded re-runs before judging", () => {
    expect(demotionOf(stats(9, 0), defaultDemotePolicy)).toBeUndefined();
    expect(demotionOf(stats(10, 0), defaultDemotePolicy)?.passed).toBe(0);
  });

  it("keeps a pattern at or above the rate, a promoted pattern, and every pattern when demotion is off", () => {
    expect(demotionOf(stats(10, 3), defaultDemotePolicy)).toBeUndefined(); // exactly 30 %
    expect(demotionOf(stats(10, 2), { ...defaultDemotePolicy, promote: ["gha.runner-lost"] })).toBeUndefined();
    expect(demotionOf(stats(10, 2), { ...defaultDemotePolicy, enabled: false })).toBeUndefined();
    expect(demotionOf(stats(4, 1), { ...defaultDemotePolicy, minReruns: 4, minRescueRate: 0.5 })?.reason).toContain("1 of 4 re-runs passed (25 %, below demote.min_rescue_rate 50 %)");
  });

  it("reads the policy from the configuration with its defaults, and judges several patterns at once", () => {
    const policy = demotePolicyOf(configSchema.parse({}).demote);
    expect(policy).toEqual(defaultDemotePolicy);
    const demoted = demotedPatterns([stats(20, 1, "a"), stats(20, 19, "b"), stats(2, 0, "c")], policy);
    expect([...demoted.keys()]).toEqual(["a"]);
    expect(rescueRate(stats(0, 0))).toBeNull();
    expect(rescueRate(stats(4, 1))).toBe(0.25);
  });
});

describe("decide with a demoted pattern", () => {
  const demoted = demotedPatterns([stats(12, 2)], defaultDemotePolicy);

  it("still calls the failure flaky, plans no re-run, and says why in the check run and the evidence", () => {
    const report = classifiedReport([job({ id: 1 })], new Map([[1, flaky()]]));
    const d = decide({ now: NOW, report, history: emptyHistory, retry: retryContext({ demoted }) });
    expect(d.jobs[0]?.finalClass).toBe("flaky");
    expect(d.retryPlan).toEqual([]);
    expect(d.jobs[0]?.retry).toEqual({ state: "excluded", reason: demoted.get("gha.runner-lost")?.reason });
    expect(d.jobs[0]?.evidence?.map((e) => e.text)).toEqual([
      `${demoted.get("gha.runner-lost")?.reason}. To let it re-run again, add gha.runner-lost to demote.promote in .github/sift.yml.`,
    ]);
    const summary = renderCheckRun(d).summary.replace(/\\/g, "");
    expect(summary).toContain("not re-run (pattern gha.runner-lost is demoted: 2 of 12 re-runs passed");
  });

  it("re-runs another pattern's flaky failure as before", () => {
    const report = classifiedReport([job({ id: 1 })], new Map([[1, flaky({ patternId: "npm.registry-5xx" })]]));
    const d = decide({ now: NOW, report, history: emptyHistory, retry: retryContext({ demoted }) });
    expect(d.retryPlan?.map((a) => a.jobIds)).toEqual([[1]]);
    expect(d.jobs[0]?.evidence).toEqual([]);
  });
});
