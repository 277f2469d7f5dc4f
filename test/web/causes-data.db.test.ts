// The causes aggregations over a generated history, against counts made here from what was generated.
import { describe, expect, it } from "vitest";
import { loadCauses } from "../../src/web/causes/causes-data.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { NOW, REPOS, seedCauses, type SeededFailure } from "./seed-causes.js";

// Read-only tests: one seeded database for the file.
const { db, seeded } = useSeededDatabase(seedCauses);
const DAY = 24 * 3600 * 1000;

function expected(repoIds: bigint[], days: number) {
  const from = Date.UTC(2026, 10, 20) - (days - 1) * DAY;
  const mine = seeded().filter((f) => repoIds.includes(f.repositoryId));
  const inWindow = mine.filter((f) => f.completedAt.getTime() >= from);
  const byKey = new Map<string, SeededFailure[]>();
  for (const f of inWindow) byKey.set(f.cause.key, [...(byKey.get(f.cause.key) ?? []), f]);
  return { from, mine, inWindow, byKey };
}

describe("causes aggregations", () => {
  it("counts failures, jobs, repositories, minutes lost and days per cause for an organisation's repositories", async () => {
    const repos = REPOS.filter((r) => r.owner === "octo");
    const data = await loadCauses(db().prisma, repos, NOW, 30);
    const want = expected(repos.map((r) => r.id), 30);
    expect(data.failures).toBe(want.inWindow.length);
    expect(data.minutesLost).toBeCloseTo(want.inWindow.reduce((s, f) => s + f.seconds, 0) / 60, 5);
    expect(data.causes.map((c) => c.key).sort()).toEqual([...want.byKey.keys()].sort());
    for (const c of data.causes) {
      const fs = want.byKey.get(c.key)!;
      expect({ key: c.key, count: c.count, jobs: c.jobs, repositories: c.repositories, minutes: Math.round(c.minutesLost) }).toEqual({
        key: c.key, count: fs.length, jobs: new Set(fs.map((f) => `${f.repositoryId}/${f.name}`)).size, repositories: new Set(fs.map((f) => f.repositoryId)).size,
        minutes: Math.round(fs.reduce((s, f) => s + f.seconds, 0) / 60),
      });
      expect(c.daily).toHaveLength(30);
      expect(c.daily.reduce((a, b) => a + b, 0)).toBe(fs.length);
      const first = Math.min(...want.mine.filter((f) => f.cause.key === c.key).map((f) => f.completedAt.getTime()));
      expect(c.firstSeen.getTime()).toBe(first);
      expect(c.isNew).toBe(first >= NOW.getTime() - 7 * DAY);
    }
    // new causes first, then the most frequent
    const firstOld = data.causes.findIndex((c) => !c.isNew);
    expect(data.causes.slice(firstOld).some((c) => c.isNew)).toBe(false);
    const old = data.causes.slice(firstOld).map((c) => c.count);
    expect(old).toEqual([...old].sort((a, b) => b - a));
    expect(data.causes.length).toBeGreaterThan(5);
  });

  it("lists failing tests apart, keeps the window and the repositories asked for, and quotes the latest error", async () => {
    const app = REPOS.filter((r) => r.name === "app");
    const week = await loadCauses(db().prisma, app, NOW, 7);
    const want = expected([1n], 7);
    expect(week.failures).toBe(want.inWindow.length);
    expect(week.causes.every((c) => c.repositories === 1 && c.latest?.repo.name === "app")).toBe(true);
    const tests = new Map<string, number>();
    for (const f of want.inWindow.filter((f) => f.cause.verdict === "genuine")) for (const t of f.cause.tests) tests.set(t, (tests.get(t) ?? 0) + 1);
    expect(new Map(week.tests.map((t) => [t.key, t.count]))).toEqual(tests);
    const top = week.causes[0]!;
    const latest = want.byKey.get(top.key)!.sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime())[0]!;
    expect(top.latest?.line).toBe(`${top.key} (failure ${seeded().indexOf(latest)})`);
    expect(top.latest?.excerpt).toContain(top.key);
    expect((await loadCauses(db().prisma, [], NOW, 90)).causes).toEqual([]);
  });
});
