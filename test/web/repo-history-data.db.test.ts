import { describe, expect, it } from "vitest";
import { loadRepoHistory } from "../../src/web/history/repo-history-data.js";
import { findRepository } from "../../src/web/details-data.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { HOSTILE_JOB, HOSTILE_PATTERN, MAIN, NOW, daysAgo, seedHistory } from "./seed-history.js";

const { db, seeded: widgets } = useSeededDatabase(async (prisma) => {
  await seedHistory(prisma);
  return loadRepoHistory(prisma, (await findRepository(prisma, "octo", "widgets"))!, NOW);
});

describe("repository history data", () => {
  it("ranks the last 30 days' causes by failures, with jobs affected, last seen and the latest commit", () => {
    const top = widgets().causes.top.map((c) => [c.cause, c.verdict, c.kind, c.count, c.jobs]);
    expect(top).toEqual([
      ["npm-registry-5xx", "flaky", "infrastructure", 4, 2],
      ["eslint-crash", "known-problem", "test", 2, 1],
      ["signature sig-abc", "genuine", "test", 1, 1],
      [HOSTILE_PATTERN, "genuine", "test", 1, 1], // every genuine failure is the code's, whatever its category
      ["disk-full", "flaky", "infrastructure", 1, 1],
    ]);
    const npm = widgets().causes.top[0]!;
    expect(npm.lastSeen).toEqual(daysAgo(1));
    expect(npm.firstSeen).toEqual(daysAgo(12)); // the 40-day-old failure is outside the window
    expect(npm.latestSha).toBe(MAIN.feature);
    expect(widgets().causes.top.find((c) => c.cause === "eslint-crash")!.latestSha).toBe(MAIN.m6);
    expect(widgets().causes.partial).toBe(false);
  });

  it("calls new only causes never seen before the last 7 days, even outside the 30-day window", () => {
    expect(widgets().causes.new.map((c) => c.cause)).toEqual(["signature sig-abc", HOSTILE_PATTERN]);
    // disk-full failed 3 days ago but also 60 days ago: not new
    expect(widgets().causes.new.some((c) => c.cause === "disk-full")).toBe(false);
  });

  it("never shows another repository's causes", async () => {
    expect(widgets().causes.top.some((c) => c.cause === "private-cause")).toBe(false);
    const secret = await loadRepoHistory(db().prisma, (await findRepository(db().prisma, "octo", "secret"))!, NOW);
    expect(secret.causes.top.map((c) => c.cause)).toEqual(["private-cause"]);
    expect(secret.causes.top[0]!.jobs).toBe(1);
  });

  it("counts settled default-branch commits with a genuine or known-problem failure as broken, and the current red streak", () => {
    // settled: m1 (flaky), m2 (known), m3 (green), m5 (flaky), m6 (genuine + known), m7 (genuine);
    // left out: m4 (a job still running), m8 (analysis pending), m0 (40 days old), the feature branch
    expect(widgets().branch).toMatchObject({ branch: "main", days: 30, commits: 6, broken: 3, share: 0.5 });
    expect(widgets().branch.streak).toEqual({ red: true, commits: 2, sinceSha: MAIN.m6, since: daysAgo(2), latestSha: MAIN.m7, wholeWindow: false });
  });

  it("says green when the newest settled commit is not broken", async () => {
    const secret = await loadRepoHistory(db().prisma, (await findRepository(db().prisma, "octo", "secret"))!, NOW);
    expect(secret.branch.streak).toMatchObject({ red: false, commits: 1, wholeWindow: true });
    expect(secret.branch.share).toBe(0);
  });

  it("gives per-job daily medians of successful runs and this week against the week before", () => {
    const { durations } = widgets();
    expect(durations.from).toEqual(new Date("2026-11-07T00:00:00Z"));
    expect(durations.jobs).toHaveLength(10);
    expect(durations.jobs.slice(0, 3).map((j) => [j.name, j.runs])).toEqual([["build", 16], ["test", 3], [HOSTILE_JOB, 2]]);
    expect(durations.jobs.at(-1)!.name).toBe("job-6"); // top 10 by runs, then by name: job-7, job-8 and job-9 are left out
    const build = durations.jobs[0]!;
    expect(build.daily).toHaveLength(14);
    expect(build.daily[0]).toBe(100);
    expect(build.daily[5]).toBe(95); // 100 s and the 90 s run of m3
    expect(build.daily[13]).toBe(130); // 120 s and 140 s; the failed 5 s run does not count
    expect(build.lastWeek).toBe(100);
    expect(build.thisWeek).toBe(120);
    expect(build.change).toBeCloseTo(0.2);
    const test = durations.jobs[1]!;
    expect(test.daily.filter((d) => d !== null)).toEqual([80]);
    expect([test.thisWeek, test.lastWeek, test.change]).toEqual([80, null, null]);
    expect(durations.jobs[2]!.daily.filter((d) => d !== null)).toEqual([47.5]); // its failed run is not a duration
  });

  it("counts infrastructure and test failures apart over 30 days", () => {
    expect(widgets().failures).toEqual({ infrastructure: 5, test: 4 });
  });

  it("is empty, not broken, for a repository without data", async () => {
    const empty = await loadRepoHistory(db().prisma, (await findRepository(db().prisma, "octo", "empty"))!, NOW);
    expect(empty.causes).toMatchObject({ top: [], new: [], partial: false });
    expect(empty.branch).toMatchObject({ commits: 0, broken: 0, share: null, streak: null });
    expect(empty.durations.jobs).toEqual([]);
    expect(empty.failures).toEqual({ infrastructure: 0, test: 0 });
  });
});
