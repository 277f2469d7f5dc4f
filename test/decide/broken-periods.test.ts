// Broken periods and time to fix of the default branch, from its commits oldest first.
import { describe, expect, it } from "vitest";
import { brokenPeriods, medianTimeToFix, type SettledCommit } from "../../src/decide/index.js";

const T0 = Date.UTC(2026, 10, 1);
const HOUR = 3600_000;
const c = (n: number, hours: number, red: boolean, redJobs: string[] = red ? ["build"] : []): SettledCommit => ({ sha: `sha${n}`, at: new Date(T0 + hours * HOUR), red, n, redJobs });
const NOW = new Date(T0 + 100 * HOUR);

describe("brokenPeriods", () => {
  it("measures time to fix from the first red commit to the first green one after it", () => {
    const periods = brokenPeriods([c(1, 0, false), c(2, 1, true, ["lint"]), c(3, 2, true, ["lint", "test"]), c(4, 5, false), c(5, 6, false)], NOW);
    expect(periods).toEqual([
      { sinceSha: "sha2", since: new Date(T0 + HOUR), lastSha: "sha3", startUnknown: false, firstJobs: ["lint"], lastJobs: ["lint", "test"], commits: 2, fixSha: "sha4", fixedAt: new Date(T0 + 5 * HOUR), seconds: 4 * 3600 },
    ]);
  });

  it("keeps an open period open until now, and counts commits from the ordinals of a sparse list", () => {
    // Only changes of state and the latest commit: commits 3–9 are red, 9 is the latest.
    const periods = brokenPeriods([c(1, 0, false), c(3, 10, true, ["e2e"]), c(9, 40, true, ["e2e", "unit"])], NOW);
    expect(periods).toHaveLength(1);
    expect(periods[0]).toMatchObject({ sinceSha: "sha3", lastSha: "sha9", fixSha: null, fixedAt: null, commits: 7, seconds: 90 * 3600, firstJobs: ["e2e"], lastJobs: ["e2e", "unit"] });
  });

  it("marks a period that began before the window, and leaves it and open ones out of the median", () => {
    const periods = brokenPeriods([c(1, 0, true), c(2, 3, false), c(3, 4, true), c(4, 5, false), c(5, 6, true), c(6, 9, false), c(7, 20, true)], NOW);
    expect(periods.map((p) => [p.startUnknown, p.seconds / 3600, p.fixSha])).toEqual([[true, 3, "sha2"], [false, 1, "sha4"], [false, 3, "sha6"], [false, 80, null]]);
    expect(medianTimeToFix(periods)).toBe(2 * 3600);
  });

  it("has no period and no median on a green branch or without commits", () => {
    expect(brokenPeriods([c(1, 0, false), c(2, 1, false)], NOW)).toEqual([]);
    expect(brokenPeriods([], NOW)).toEqual([]);
    expect(medianTimeToFix([])).toBeNull();
  });
});
