// The durations rollup, on PGlite and PostgreSQL: every day read is exactly what the grid computed
// from Job before (settled days from DailyDuration, today and days changed since settling live), the
// Job trigger marks any change to a successful job's day, and settling clears only what it summed.
import { describe, expect, it } from "vitest";
import { readDailyDurations, settleDurations } from "../../src/rollup/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { NOW, REPOS, TODAY, dayNumber, daysAgo, jobRow, oracle, seedHistory, seedRepos, sorted } from "./duration-history.js";

const db = useTestDatabase(({ prisma }) => seedRepos(prisma));
const window = { repoIds: REPOS, from: daysAgo(20), now: NOW };
const read = async () => sorted(await readDailyDurations(db().prisma, window));
const stale = async () =>
  (await db().prisma.staleDurationDay.findMany({ orderBy: [{ repositoryId: "asc" }, { day: "asc" }] })).map((s) => `${s.repositoryId} ${s.day.toISOString().slice(0, 10)}`);

describe("durations rollup", () => {
  it("reads every day as the grid summed it from Job, before settling, after, and after jobs change", async () => {
    const { prisma } = db();
    await seedHistory(prisma);
    const expected = await oracle(prisma, window.from, daysAgo(-1));
    expect(expected.length).toBeGreaterThan(40);
    expect(await read()).toEqual(expected);

    expect(await settleDurations(prisma, NOW)).toBeGreaterThan(40);
    const todays = expected.filter((e) => e.day === dayNumber(TODAY)).map((e) => `${e.repo} ${TODAY}`);
    expect(todays.length).toBeGreaterThan(0);
    expect(await stale()).toEqual(todays); // only today is left to read live
    expect(await prisma.dailyDuration.count({ where: { day: { gte: new Date(`${TODAY}T00:00:00Z`) } } })).toBe(0);
    expect(await read()).toEqual(expected);

    // A late job on a settled day, a deleted one, one that turns out failed, one that moves day.
    const victims = await prisma.job.findMany({ where: { conclusion: "success", startedAt: { not: null }, completedAt: { lt: daysAgo(1) } }, orderBy: { id: "asc" }, take: 3 });
    await prisma.job.createMany({ data: [jobRow(REPOS[1]!, 5, 1234.5)] });
    await prisma.job.delete({ where: { id: victims[0]!.id } });
    await prisma.job.update({ where: { id: victims[1]!.id }, data: { conclusion: "failure" } });
    await prisma.job.update({ where: { id: victims[2]!.id }, data: { completedAt: new Date(daysAgo(12).getTime() + 3600_000), startedAt: new Date(daysAgo(12).getTime() + 60_000) } });
    const changed = await oracle(prisma, window.from, daysAgo(-1));
    expect(changed).not.toEqual(expected);
    expect(await stale()).toEqual(expect.arrayContaining([`${REPOS[1]} 2026-11-15`, `${victims[2]!.repositoryId} 2026-11-08`]));
    expect(await read()).toEqual(changed);

    await settleDurations(prisma, NOW);
    expect((await stale()).every((k) => k.endsWith(TODAY))).toBe(true);
    expect(await read()).toEqual(changed);
  });

  it("stores each settled day's runs, sum, sum of squares, min, max, median and p90", async () => {
    const { prisma } = db();
    await prisma.job.createMany({ data: [10, 20, 30, 40].map((s) => jobRow(REPOS[0]!, 2, s)) });
    await prisma.job.createMany({ data: [jobRow(REPOS[0]!, 2, 999, "failure"), jobRow(REPOS[0]!, 2, null), jobRow(REPOS[0]!, 2, -5)] });
    await settleDurations(prisma, NOW);
    const row = await prisma.dailyDuration.findUniqueOrThrow({ where: { repositoryId_day: { repositoryId: REPOS[0]!, day: daysAgo(2) } } });
    expect(row).toMatchObject({ runs: 4, sum: 100, sumSquares: 3000, min: 10, max: 40, median: 25, p90: 37 });
  });

  it("reads a settled day from the rollup, and a day marked stale from Job", async () => {
    const { prisma } = db();
    await prisma.job.createMany({ data: [jobRow(REPOS[0]!, 3, 60), jobRow(REPOS[0]!, 3, 80)] });
    await settleDurations(prisma, NOW);
    await prisma.dailyDuration.update({ where: { repositoryId_day: { repositoryId: REPOS[0]!, day: daysAgo(3) } }, data: { median: 4242 } });
    expect(await read()).toEqual([{ repo: String(REPOS[0]), day: dayNumber("2026-11-17"), runs: 2, median: 4242 }]);
    await prisma.staleDurationDay.create({ data: { repositoryId: REPOS[0]!, day: daysAgo(3) } });
    expect(await read()).toEqual([{ repo: String(REPOS[0]), day: dayNumber("2026-11-17"), runs: 2, median: 70 }]);
  });

  it("computes today live and never writes it, whatever the jobs", async () => {
    const { prisma } = db();
    await prisma.job.createMany({ data: [jobRow(REPOS[2]!, 0, 100), jobRow(REPOS[2]!, 0, 300)] });
    expect(await settleDurations(prisma, NOW)).toBe(0);
    expect(await read()).toEqual([{ repo: String(REPOS[2]), day: dayNumber(TODAY), runs: 2, median: 200 }]);
    // The next day, yesterday is settled.
    expect(await settleDurations(prisma, daysAgo(-1))).toBe(1);
    expect(await prisma.dailyDuration.count()).toBe(1);
  });

  it("drops the days of a repository that is deleted", async () => {
    const { prisma } = db();
    await prisma.job.createMany({ data: [jobRow(REPOS[0]!, 4, 60), jobRow(REPOS[1]!, 4, 90)] });
    await settleDurations(prisma, NOW);
    expect(await prisma.dailyDuration.count()).toBe(2);
    await prisma.repository.delete({ where: { id: REPOS[0]! } });
    expect(await stale()).toEqual([`${REPOS[0]} 2026-11-16`]);
    await settleDurations(prisma, NOW);
    expect((await prisma.dailyDuration.findMany()).map((d) => d.repositoryId)).toEqual([REPOS[1]]);
    expect(await stale()).toEqual([]);
  });

  it("does not mark days for jobs that are not successful", async () => {
    const { prisma } = db();
    await prisma.job.createMany({ data: [jobRow(REPOS[0]!, 4, 60, "failure"), jobRow(REPOS[0]!, 5, 60, "cancelled")] });
    await prisma.job.create({ data: { ...jobRow(REPOS[0]!, 6, null), status: "in_progress", conclusion: null, completedAt: null } });
    expect(await stale()).toEqual([]);
  });
});
