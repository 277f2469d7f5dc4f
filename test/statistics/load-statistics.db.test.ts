// The statistics aggregations in a real database (PGlite, and PostgreSQL in the db project) against
// the same figures computed here from generated values: mean, population stddev, min, max, per window
// and per UTC day; and the bounded last values /metrics exports.
import { describe, expect, it } from "vitest";
import { lastStatisticValues, loadStatistics, type StatisticWindow } from "../../src/statistics/index.js";
import { mulberry32 } from "../helpers/seeded-random.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const NOW = new Date("2026-11-30T15:30:00Z");
const DAY = 24 * 3600 * 1000;
const REPO = 7001n;
const OTHER = 7002n;

interface Generated { statisticId: string; group: string; at: Date; value: number; jobId: number }

/** 100 days of values for two statistics (one with two groups), 0–6 job runs a day, some days empty. */
function generate(): Generated[] {
  const random = mulberry32(13);
  const out: Generated[] = [];
  let jobId = 1;
  for (let d = 0; d < 100; d++) {
    const runs = Math.floor(random() * 7);
    for (let r = 0; r < runs; r++) {
      const at = new Date(NOW.getTime() - d * DAY - Math.floor(random() * 10) * 3600_000);
      const id = jobId++;
      out.push({ statisticId: "bundle", group: "kb", at, value: 100 + Math.round(random() * 50), jobId: id });
      out.push({ statisticId: "tests", group: "passed", at, value: 800 + Math.round(random() * 40), jobId: id });
      out.push({ statisticId: "tests", group: "seconds", at, value: Math.round(random() * 10_000) / 100, jobId: id });
    }
  }
  return out;
}

const db = useTestDatabase(async (d) => {
  await d.prisma.installation.create({ data: { id: 1n, accountLogin: "octo" } });
  await d.prisma.repository.create({ data: { id: REPO, installationId: 1n, owner: "octo", name: "app" } });
  await d.prisma.repository.create({ data: { id: OTHER, installationId: 1n, owner: "octo", name: "secret", private: true } });
  const rows = generate();
  await d.prisma.statisticValue.createMany({ data: rows.map((r) => ({ ...r, repositoryId: REPO, unit: r.statisticId === "bundle" ? "kB" : "" })) });
  // another repository's values never leak into this one's figures
  await d.prisma.statisticValue.createMany({ data: [{ repositoryId: OTHER, statisticId: "bundle", group: "kb", jobId: 99_999, value: 1e9, at: NOW }] });
});

function expected(rows: Generated[]) {
  const values = rows.map((r) => r.value);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const stddev = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { count: values.length, mean, stddev, min: Math.min(...values), max: Math.max(...values) };
}

describe("loadStatistics", () => {
  for (const days of [7, 30, 90] as StatisticWindow[]) {
    it(`gives count, mean, stddev, min and max over the last ${days} days, and per day`, async () => {
      const from = new Date(Math.floor(NOW.getTime() / DAY) * DAY - (days - 1) * DAY);
      const data = await loadStatistics(db().prisma, REPO, NOW, days);
      expect(data.from).toEqual(from);
      expect(data.series.map((s) => `${s.statisticId}.${s.group}`)).toEqual(["bundle.kb", "tests.passed", "tests.seconds"]);
      for (const s of data.series) {
        const rows = generate().filter((r) => r.statisticId === s.statisticId && r.group === s.group && r.at >= from && r.at <= NOW);
        const want = expected(rows);
        expect(s.count).toBe(want.count);
        expect(s.mean).toBeCloseTo(want.mean, 9);
        expect(s.stddev).toBeCloseTo(want.stddev, 9);
        expect([s.min, s.max]).toEqual([want.min, want.max]);
        expect(s.unit).toBe(s.statisticId === "bundle" ? "kB" : "");
        const latest = rows.reduce((a, b) => (b.at > a.at ? b : a));
        expect(s.last).toEqual({ value: latest.value, at: latest.at });
        // per UTC day: only days with values, oldest first, each with its own figures
        const byDay = new Map<string, Generated[]>();
        for (const r of rows) byDay.set(r.at.toISOString().slice(0, 10), [...(byDay.get(r.at.toISOString().slice(0, 10)) ?? []), r]);
        expect(s.daily.map((d) => d.day)).toEqual([...byDay.keys()].sort());
        for (const d of s.daily) {
          const e = expected(byDay.get(d.day)!);
          expect(d.count).toBe(e.count);
          expect(d.mean).toBeCloseTo(e.mean, 9);
          expect([d.min, d.max]).toEqual([e.min, e.max]);
        }
      }
    });
  }

  it("gives a single value a stddev of 0 and an empty window no series", async () => {
    await db().prisma.statisticValue.deleteMany({ where: { repositoryId: REPO } });
    expect((await loadStatistics(db().prisma, REPO, NOW, 7)).series).toEqual([]);
    await db().prisma.statisticValue.create({ data: { repositoryId: REPO, statisticId: "bundle", group: "kb", jobId: 1, value: 123, at: NOW } });
    expect((await loadStatistics(db().prisma, REPO, NOW, 7)).series[0]).toMatchObject({ count: 1, mean: 123, stddev: 0, min: 123, max: 123 });
  });
});

describe("lastStatisticValues", () => {
  it("gives the newest value of each (repository, statistic, group) of the last week, newest first, bounded", async () => {
    const all = await lastStatisticValues(db().prisma, NOW);
    expect(all).toHaveLength(4);
    expect(all).toContainEqual({ repo: "octo/secret", private: true, statistic: "bundle", group: "kb", value: 1e9 });
    const newest = generate().filter((r) => r.statisticId === "bundle").reduce((a, b) => (b.at > a.at ? b : a));
    expect(all.find((r) => r.repo === "octo/app" && r.statistic === "bundle")?.value).toBe(newest.value);
    expect(await lastStatisticValues(db().prisma, NOW, 2)).toHaveLength(2);
    expect(await lastStatisticValues(db().prisma, new Date(NOW.getTime() + 30 * DAY))).toEqual([]); // a week without values: no series
  });
});
