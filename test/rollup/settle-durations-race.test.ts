// A job committed while its day is being settled is never lost, on PostgreSQL (needs the local server,
// .ci/postgres, whatever SIFT_TEST_DB says: two real connections). The job's transaction has bumped
// the day's stale mark and holds it; the rollup read the old version, sums the day without the job,
// then waits for the mark; once the job commits, the mark is left for the next round, and the day
// is read live with the job meanwhile.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDailyDurations, settleDurations } from "../../src/rollup/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { NOW, REPOS, daysAgo, jobRow, oracle, seedRepos, sorted } from "./duration-history.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase("postgres");
  await seedRepos(db.prisma);
});
afterAll(() => db?.destroy());

async function waitForLockWait(client: pg.Client): Promise<void> {
  for (let i = 0; i < 800; i++) { // up to 20 s on a loaded machine
    const r = await client.query(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
    if (r.rowCount) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the rollup never waited for the job's lock");
}

describe("settling durations while jobs arrive", () => {
  it("keeps the day stale when a job on it commits during the settling", async () => {
    const { prisma } = db;
    await prisma.job.createMany({ data: [jobRow(REPOS[0]!, 2, 100), jobRow(REPOS[0]!, 2, 200)] });
    const late = jobRow(REPOS[0]!, 2, 900);
    const writer = new pg.Client({ connectionString: db.url });
    const watcher = new pg.Client({ connectionString: db.url });
    await Promise.all([writer.connect(), watcher.connect()]);
    try {
      await writer.query("begin");
      await writer.query(
        `insert into "Job" ("repositoryId", provider, "externalId", "headSha", name, status, conclusion, "startedAt", "completedAt", "updatedAt") values ($1, 'actions', $2, $3, 'build', 'completed', 'success', $4, $5, now())`,
        [String(late.repositoryId), late.externalId, late.headSha, late.startedAt, late.completedAt],
      );
      const settling = settleDurations(prisma, NOW);
      await waitForLockWait(watcher);
      await writer.query("commit");
      expect(await settling).toBe(1);
    } finally {
      await Promise.all([writer.end(), watcher.end()]);
    }
    // Summed without the late job (150 s), but still stale: read live, with it.
    expect((await prisma.dailyDuration.findFirstOrThrow()).median).toBe(150);
    expect(await prisma.staleDurationDay.count()).toBe(1);
    const window = { repoIds: REPOS, from: daysAgo(5), now: NOW };
    const expected = await oracle(prisma, window.from, daysAgo(-1));
    expect(expected).toMatchObject([{ runs: 3, median: 200 }]);
    expect(sorted(await readDailyDurations(prisma, window))).toEqual(expected);
    await settleDurations(prisma, NOW);
    expect(await prisma.staleDurationDay.count()).toBe(0);
    expect((await prisma.dailyDuration.findFirstOrThrow()).median).toBe(200);
  });
});
