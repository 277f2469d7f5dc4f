// Main-branch health, impact and durations aggregated in SQL (PGlite and PostgreSQL), checked
// against the generated history computed in plain TypeScript, and against the hand-made month.
import { describe, expect, it } from "vitest";
import { brokenPeriods, median, type SettledCommit } from "../../src/decide/index.js";
import { loadDurations, loadStepDurations } from "../../src/web/insight/durations-data.js";
import { loadImpact } from "../../src/web/insight/impact-data.js";
import { loadMainHealth, type HealthRepo, type MainHealth } from "../../src/web/insight/main-health-data.js";
import { PROBE_COMMITS_UP_TO } from "../../src/web/insight/settled-commits-sql.js";
import { INSIGHT_REPOS, useInsightDatabase } from "./insight-database.js";
import { windowStart } from "./seed-insight.js";
import { MAIN, NOW, daysAgo } from "./seed-history.js";

const { db, gen } = useInsightDatabase();
const { app, vault, widgets } = INSIGHT_REPOS;

const FAILED = new Set(["failure", "timed_out", "startup_failure", "error"]);
/** percentile_cont: linear interpolation between the closest ranks. */
function percentile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}
const seconds = (j: { startedAt: Date; completedAt: Date }) => (j.completedAt.getTime() - j.startedAt.getTime()) / 1000;

describe("main-branch health", () => {
  it("counts the hand-made month: 3 of 6 settled commits broken, one closed period of 2 days, one open since m6", async () => {
    const [h] = await loadMainHealth(db().prisma, [widgets], NOW);
    expect([h!.commits, h!.broken, h!.share]).toEqual([6, 3, 0.5]);
    expect(h!.daily).toHaveLength(30);
    expect(h!.daily.find((d) => d.day === daysAgo(10).toISOString().slice(0, 10))).toEqual({ day: daysAgo(10).toISOString().slice(0, 10), commits: 1, broken: 1, share: 1 });
    const [open, closed] = h!.periods;
    expect(open).toMatchObject({ sinceSha: MAIN.m6, fixSha: null, commits: 2, seconds: 2 * 24 * 3600, lastJobs: ["unit tests"] });
    expect(open!.firstJobs).toHaveLength(2);
    expect(closed).toMatchObject({ sinceSha: MAIN.m2, fixSha: MAIN.m3, commits: 1, seconds: 2 * 24 * 3600, firstJobs: ["lint"], startUnknown: false });
    expect(h!.medianTimeToFix).toBe(2 * 24 * 3600);
  });

  it("matches the generated history day by day, and its broken periods computed from every commit", async () => {
    const health = await loadMainHealth(db().prisma, [app, vault], NOW);
    for (const h of health) {
      const settled = gen().commits.filter((c) => c.repo === h.repo.id && c.settled).sort((a, b) => a.at.getTime() - b.at.getTime());
      expect(settled.length).toBeGreaterThan(30);
      for (const d of h.daily) {
        const ofDay = settled.filter((c) => c.at.toISOString().startsWith(d.day));
        expect([d.day, d.commits, d.broken]).toEqual([d.day, ofDay.length, ofDay.filter((c) => c.red).length]);
      }
      const all: SettledCommit[] = settled.map((c, i) => ({ sha: c.sha, at: c.at, red: c.red, n: i + 1, redJobs: c.redJobs }));
      const expected = brokenPeriods(all, NOW).reverse();
      expect(expected.filter((p) => p.fixSha).length).toBeGreaterThan(3);
      expect(h.periods).toEqual(expected);
    }
  });

  it("gives the same answer for many repositories as for a few (an org page names the jobs of open periods only)", async () => {
    const absent = Array.from({ length: PROBE_COMMITS_UP_TO }, (_, i): HealthRepo => ({ ...app, id: BigInt(9000 + i), name: `absent-${i}` }));
    const many = await loadMainHealth(db().prisma, [app, ...absent, vault, widgets], NOW);
    const few = await loadMainHealth(db().prisma, [app, vault, widgets], NOW);
    // An org page names the jobs of open periods only.
    const openJobsOnly = (list: MainHealth[]) => list.map((h) => ({ ...h, periods: h.periods.map((p) => (p.fixSha ? { ...p, firstJobs: [], lastJobs: [] } : p)) }));
    expect(many.filter((h) => !h.repo.name.startsWith("absent-"))).toEqual(openJobsOnly(few));
    expect(few.find((h) => h.repo.name === "widgets")!.periods[0]!.firstJobs).toHaveLength(2);
    expect(many.find((h) => h.repo.name === "absent-0")!.commits).toBe(0);
  });

  it("keeps repositories apart and answers nothing for none", async () => {
    const [a, v] = await loadMainHealth(db().prisma, [app, vault], NOW);
    expect(a!.commits).not.toBe(v!.commits);
    expect(await loadMainHealth(db().prisma, [], NOW)).toEqual([]);
  });
});

describe("durations", () => {
  it("gives mean, median, p90, min, max and standard deviation per job and day", async () => {
    const d = await loadDurations(db().prisma, app, NOW);
    const build = d.jobs.find((j) => j.name === "build")!;
    const runs = gen().jobs.filter((j) => j.repo === app.id && j.name === "build" && j.conclusion === "success" && j.completedAt >= windowStart());
    expect(build.window.runs).toBe(runs.length);
    const day = build.daily[5]!;
    const s = runs.filter((j) => j.completedAt.toISOString().startsWith(day.day!)).map(seconds);
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    expect(day.runs).toBe(s.length);
    expect(day.mean).toBeCloseTo(mean, 6);
    expect(day.median).toBeCloseTo(median(s)!, 6);
    expect(day.p90).toBeCloseTo(percentile(s, 0.9), 6);
    expect([day.min, day.max]).toEqual([Math.min(...s), Math.max(...s)]);
    if (s.length > 1) expect(day.stddev!).toBeCloseTo(Math.sqrt(s.reduce((a, v) => a + (v - mean) ** 2, 0) / (s.length - 1)), 6);
  });

  it("flags build's slowdown in the last 3 days first, and neither the noisy test job nor the private repository's build", async () => {
    const d = await loadDurations(db().prisma, app, NOW);
    expect(d.jobs[0]!.name).toBe("build");
    expect(d.jobs[0]!.slowdown).toMatchObject({ flagged: true });
    expect(d.jobs[0]!.slowdown.increase!).toBeGreaterThan(0.3);
    expect(d.jobs.filter((j) => j.slowdown.flagged).map((j) => j.name)).toEqual(["build"]);
    const v = await loadDurations(db().prisma, vault, NOW);
    expect(v.jobs.find((j) => j.name === "build")!.slowdown.flagged).toBe(false);
  });

  it("gives per-step statistics from the stored Actions steps; skipped steps and malformed times are left out", async () => {
    await db().prisma.job.create({
      data: {
        repositoryId: app.id, provider: "actions", externalId: "bad-steps", headSha: "f".repeat(40), name: "build", status: "completed", conclusion: "success",
        startedAt: daysAgo(1), completedAt: new Date(daysAgo(1).getTime() + 100_000),
        steps: [
          { name: "Set up job", number: 1, conclusion: "success", started_at: "2026-02-30T10:00:00Z", completed_at: "2026-02-30T10:00:02Z" },
          { name: "Compile", number: 2, conclusion: "success", started_at: "yesterday", completed_at: "<script>" },
          "not a step",
        ],
      },
    });
    const steps = await loadStepDurations(db().prisma, app, "build", NOW);
    expect(steps.map((s) => s.name)).toEqual(["Set up job", "Compile"]);
    const runs = gen().jobs.filter((j) => j.repo === app.id && j.name === "build" && j.conclusion === "success" && j.steps && j.completedAt >= windowStart());
    expect(steps[0]!.window).toMatchObject({ runs: runs.length, median: 2, min: 2, max: 2, stddev: 0 });
    expect(steps[1]!.window.runs).toBe(runs.length);
    expect(steps[1]!.window.max).toBe(Math.max(...runs.map((j) => seconds(j) - 2)));
    await db().prisma.job.delete({ where: { repositoryId_provider_externalId: { repositoryId: app.id, provider: "actions", externalId: "bad-steps" } } });
  });
});

describe("impact", () => {
  it("matches the generated history: first-attempt pass rate, runs green after a re-run, re-run minutes by who asked, PRs blocked per cause", async () => {
    const i = await loadImpact(db().prisma, app, NOW);
    const mine = gen().jobs.filter((j) => j.repo === app.id && j.completedAt >= windowStart());
    const first = mine.filter((j) => j.attempt === 1);
    expect(i.firstAttempt.jobs).toBe(first.length);
    expect(i.firstAttempt.passed).toBe(first.filter((j) => j.conclusion === "success").length);
    expect(i.firstAttempt.worst[0]!.rate).toBeLessThan(1);

    const runs = new Map<bigint, typeof mine>();
    for (const j of mine) runs.set(j.runId, [...(runs.get(j.runId) ?? []), j]);
    const lastFailed = (js: typeof mine) => [...new Set(js.map((j) => j.name))].some((n) => FAILED.has(js.filter((j) => j.name === n).sort((a, b) => b.attempt - a.attempt)[0]!.conclusion));
    const rerunSaved = [...runs.values()].filter((js) => !lastFailed(js) && js.some((j) => j.attempt > 1));
    expect(i.runs.total).toBe(runs.size);
    expect(i.runs.greenAfterRerun).toBe(rerunSaved.length);
    expect(i.runs.greenAfterRerun).toBeGreaterThan(0);
    expect(i.runs.red).toBe([...runs.values()].filter(lastFailed).length);

    const reruns = mine.filter((j) => j.attempt > 1);
    const minutesBy = (who: string | null) =>
      reruns.filter((r) => (mine.find((j) => j.runId === r.runId && j.name === r.name && j.attempt === 1)!.retry ?? null) === who).reduce((n, r) => n + seconds(r) / 60, 0);
    expect(i.rerunMinutes.jobs).toBe(reruns.length);
    expect(i.rerunMinutes.sift).toBeCloseTo(minutesBy("auto"), 6);
    expect(i.rerunMinutes.command).toBeCloseTo(minutesBy("command"), 6);
    expect(i.rerunMinutes.other).toBeCloseTo(minutesBy(null), 6);
    expect(i.rerunMinutes.sift).toBeGreaterThan(0);

    const prFailures = mine.filter((j) => j.prs.length && (j.verdict === "genuine" || j.verdict === "known_problem"));
    const causes = new Map<string, Set<number>>();
    for (const j of prFailures) causes.set(j.cause ?? "signature sig-x", new Set([...(causes.get(j.cause ?? "signature sig-x") ?? []), ...j.prs]));
    expect(Object.fromEntries(i.blockedPrs.map((b) => [b.cause, b.prs]))).toEqual(Object.fromEntries([...causes].map(([c, prs]) => [c, prs.size])));
  });
});
