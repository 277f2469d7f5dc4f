// When the default branch "turned red" (once per broken period), and when a new cause recurs.
import { describe, expect, it } from "vitest";
import { isNewRecurringCause, redPeriodAnchor, type BranchCommit } from "../../src/decide/index.js";

const c = (sha: string, red: boolean, settled = true): BranchCommit => ({ sha, red, settled });
const all = { complete: true };

describe("redPeriodAnchor", () => {
  it("names a broken period by the last green commit before it, whichever red commit asks", () => {
    const branch = [c("r3", true), c("r2", true), c("run", true, false), c("r1", true), c("g1", false), c("r0", true)];
    expect(["r1", "r2", "r3"].map((s) => redPeriodAnchor(branch, s, all))).toEqual(["g1", "g1", "g1"]);
    // an unsettled commit in between neither starts nor ends a period
    expect(redPeriodAnchor([c("r2", true), c("pending", false, false), c("r1", true), c("g1", false)], "r2", all)).toBe("g1");
  });

  it("is null when the commit is green, or when the branch is green again after it", () => {
    expect(redPeriodAnchor([c("g2", false), c("r1", true), c("g1", false)], "r1", all)).toBeNull();
    expect(redPeriodAnchor([c("g1", false)], "g1", all)).toBeNull();
    expect(redPeriodAnchor([c("r1", true)], "unknown", all)).toBeNull();
  });

  it("starts a new period after a green commit, and names the first one 'start' only when the whole history is known", () => {
    expect(redPeriodAnchor([c("r2", true), c("g2", false), c("r1", true), c("g1", false)], "r2", all)).toBe("g2");
    expect(redPeriodAnchor([c("r1", true), c("r0", true)], "r1", all)).toBe("start");
    expect(redPeriodAnchor([c("r1", true), c("r0", true)], "r1", { complete: false })).toBeNull();
  });
});

describe("isNewRecurringCause", () => {
  const now = new Date("2026-11-20T12:00:00Z");
  const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600_000);
  it("needs a signature first seen within 7 days on at least 3 jobs of at least 2 pull requests", () => {
    expect(isNewRecurringCause({ firstSeen: daysAgo(2), jobs: 3, pullRequests: 2 }, now)).toBe(true);
    expect(isNewRecurringCause({ firstSeen: daysAgo(8), jobs: 30, pullRequests: 9 }, now)).toBe(false);
    expect(isNewRecurringCause({ firstSeen: daysAgo(1), jobs: 2, pullRequests: 2 }, now)).toBe(false);
    expect(isNewRecurringCause({ firstSeen: daysAgo(1), jobs: 9, pullRequests: 1 }, now)).toBe(false);
  });
});
