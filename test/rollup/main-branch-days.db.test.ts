// The health pages' rollup (MainBranchDay): the ended days whose default-branch commits all settled
// are stored, the pages answer exactly as when every day is counted live, a verdict written later
// moves a stored day in its own transaction, and a day stored for another default branch is not used.
import { describe, expect, it } from "vitest";
import { saveClassifications } from "../../src/analyse/save-classifications.js";
import { failClosed, type JobInfo, type JobReport, type VerdictClass } from "../../src/model/index.js";
import { endedDays, fillMainDays } from "../../src/rollup/index.js";
import { loadMainHealth, type HealthRepo } from "../../src/web/insight/main-health-data.js";
import { PROBE_COMMITS_UP_TO } from "../../src/web/insight/settled-commits-sql.js";
import { INSIGHT_REPOS, useInsightDatabase } from "../web/insight-database.js";
import { MAIN, NOW, daysAgo } from "../web/seed-history.js";

const { db, gen } = useInsightDatabase();
const { widgets, app, vault } = INSIGHT_REPOS;
const repos = [widgets, app, vault];
// more repositories than a repository page asks about: the org page's path
const many = [...repos, ...Array.from({ length: PROBE_COMMITS_UP_TO }, (_, i): HealthRepo => ({ ...app, id: BigInt(9000 + i), name: `absent-${i}` }))];
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

async function stored(repositoryId: bigint, day: string) {
  return db().prisma.mainBranchDay.findUnique({ where: { repositoryId_day: { repositoryId, day: new Date(`${day}T00:00:00Z`) } } });
}

let ext = 0;
async function failedJob(sha: string, at: Date): Promise<JobInfo> {
  const row = await db().prisma.job.create({
    data: { repositoryId: 1n, provider: "actions", externalId: `late-${++ext}`, headSha: sha, name: "late test", runId: 7n, status: "completed", conclusion: "failure", startedAt: at, completedAt: at },
  });
  return { ...row, runId: row.runId?.toString() ?? null, provider: "actions", steps: null };
}
function report(job: JobInfo, cls: VerdictClass): JobReport {
  return { job, failure: { ...failClosed("seeded"), class: cls }, finalClass: cls, knownProblem: null, retry: null, attempts: [] };
}

describe("health rollup", () => {
  it("stores the ended days whose commits all settled, and the pages answer the same from them as live", async () => {
    const live = await loadMainHealth(db().prisma, repos, NOW);
    const liveMany = await loadMainHealth(db().prisma, many, NOW);
    expect(live[0]!.periods.length).toBeGreaterThan(0);

    const n = await fillMainDays(db().prisma, NOW);
    expect(n).toBe(await db().prisma.mainBranchDay.count());
    // the generated days: stored with their settled commits, unless one of them is still waiting (pending)
    for (const repo of [app.id, vault.id]) {
      let kept = 0;
      for (const day of endedDays(NOW, 29)) {
        const row = await stored(repo, day);
        const settled = gen().commits.filter((c) => c.repo === repo && c.settled && dayOf(c.at) === day);
        if (row) kept++;
        if (row) expect([day, row.commits, row.broken]).toEqual([day, settled.length, settled.filter((c) => c.red).length]);
      }
      expect(kept).toBeGreaterThan(10);
      expect(kept).toBeLessThan(29);
    }
    expect(await stored(3n, dayOf(daysAgo(1)))).toMatchObject({ commits: 0, broken: 0, points: [] });
    // widgets' day of m4, whose build still runs, and today are counted live
    expect(await stored(1n, dayOf(daysAgo(6)))).toBeNull();
    expect(await stored(1n, dayOf(NOW))).toBeNull();
    expect(await stored(1n, dayOf(daysAgo(8)))).toMatchObject({ branch: "main", commits: 1, broken: 0, points: [[1, MAIN.m3, daysAgo(8).getTime(), false]] });
    expect(await stored(1n, dayOf(daysAgo(10)))).toMatchObject({ commits: 1, broken: 1 });

    expect(await loadMainHealth(db().prisma, repos, NOW)).toEqual(live);
    expect(await loadMainHealth(db().prisma, many, NOW)).toEqual(liveMany);
    // a second fill stores nothing new: the unsettled days are counted again and still left out
    expect(await fillMainDays(db().prisma, NOW)).toBe(0);
  });

  it("shows a stored day as stored, and counts live a day stored for another default branch", async () => {
    const day = dayOf(daysAgo(8));
    const key = { repositoryId_day: { repositoryId: 1n, day: new Date(`${day}T00:00:00Z`) } };
    const before = (await loadMainHealth(db().prisma, [widgets], NOW))[0]!;
    await db().prisma.mainBranchDay.update({ where: key, data: { commits: 7 } });
    expect((await loadMainHealth(db().prisma, [widgets], NOW))[0]!.daily.find((d) => d.day === day)!.commits).toBe(7);
    await db().prisma.mainBranchDay.update({ where: key, data: { branch: "master" } });
    expect((await loadMainHealth(db().prisma, [widgets], NOW))[0]).toEqual(before);
    // the fill stores it again for the current default branch
    expect(await fillMainDays(db().prisma, NOW)).toBe(1);
    expect(await stored(1n, day)).toMatchObject({ branch: "main", commits: 1 });
  });

  it("moves a stored day when a verdict is written later, in the verdict's transaction", async () => {
    const day = dayOf(daysAgo(8));
    const job = await failedJob(MAIN.m3, daysAgo(8));
    await db().prisma.$transaction((tx) => saveClassifications(tx, [report(job, "genuine")], 1));
    expect(await stored(1n, day)).toMatchObject({ commits: 1, broken: 1, points: [[1, MAIN.m3, daysAgo(8).getTime(), true]] });
    const [h] = await loadMainHealth(db().prisma, [widgets], NOW);
    expect(h!.periods.some((p) => p.sinceSha === MAIN.m2 && p.lastSha === MAIN.m3 && p.firstJobs.includes("lint"))).toBe(true);

    await db().prisma.$transaction((tx) => saveClassifications(tx, [report(job, "flaky")], 1));
    expect(await stored(1n, day)).toMatchObject({ commits: 1, broken: 0 });
  });

  it("names the ended days before the one now falls in", () => {
    expect(endedDays(NOW, 3)).toEqual(["2026-11-17", "2026-11-18", "2026-11-19"]);
  });
});
