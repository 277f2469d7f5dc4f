// The outage query on generated history in a real database: a week of jobs and sightings per 15-minute
// slot, then the last slot's sightings set by the test (background noise or a spike).
import { describe, expect, it } from "vitest";
import { loadOutages } from "../../src/history/index.js";
import { SLOTS_PER_WEEK, SLOT_MINUTES, orgHistory, type Slot } from "../helpers/org-history.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import type { TestDatabase } from "../helpers/db.js";

const END = new Date("2026-11-26T15:00:00Z"); // Thursday afternoon: the last slot is a busy one
const CAUSE = "net.reset";
const BIG = { installationId: 100, repositoryId: 5001 };
const SMALL = { installationId: 200, repositoryId: 6001 };
const db = useTestDatabase(async (db) => {
  for (const [org, login] of [[BIG, "big-org"], [SMALL, "small-org"]] as const) {
    await db.prisma.installation.create({ data: { id: BigInt(org.installationId), accountLogin: login } });
    await db.prisma.repository.create({ data: { id: BigInt(org.repositoryId), installationId: BigInt(org.installationId), owner: login, name: "app" } });
  }
});

/**
 * One job row per job of each slot (completed evenly across it), the first `sightings` of them failed
 * with a flaky classification of the cause. One statement: tens of thousands of rows in a second or two.
 */
async function insertHistory(d: TestDatabase, repositoryId: number, slots: readonly Slot[], tag = "h"): Promise<void> {
  const stamp = (t: Date) => t.toISOString().replace("T", " ").replace("Z", ""); // timestamp(3) columns hold UTC
  await d.sql.query(
    `WITH jobs AS (
       INSERT INTO "Job" ("repositoryId", "provider", "externalId", "headSha", "name", "status", "conclusion", "completedAt", "updatedAt")
       SELECT $4::bigint, 'actions', $5 || '-' || s.ord || '-' || g, repeat('a', 40), 'job-' || g, 'completed',
              CASE WHEN g <= s.sightings THEN 'failure' ELSE 'success' END,
              s.start::timestamp(3) + (g - 0.5) * interval '${SLOT_MINUTES} minutes' / s.jobs, now()
       FROM unnest($1::text[], $2::int[], $3::int[]) WITH ORDINALITY AS s(start, jobs, sightings, ord), generate_series(1, s.jobs) AS g
       RETURNING "id", "conclusion", "completedAt")
     INSERT INTO "Classification" ("jobId", "verdict", "patternId", "category", "reason", "createdAt", "updatedAt")
     SELECT "id", 'flaky', $6, 'network', 'generated', "completedAt", "completedAt" FROM jobs WHERE "conclusion" = 'failure'`,
    [slots.map((s) => stamp(s.start)), slots.map((s) => s.jobs), slots.map((s) => Math.min(s.jobs, s.sightings)), repositoryId, tag, CAUSE],
  );
}

/** The week before END and the last slot, with the last slot's sightings set to `window`. */
function week(shape: { busyJobs: number; quietJobs: number; causeRate: number }, window: number): Slot[] {
  const slots = orgHistory({ end: END, days: 7, ...shape, seed: 21 });
  expect(slots).toHaveLength(SLOTS_PER_WEEK);
  return slots.map((s, i) => (i === slots.length - 1 ? { ...s, jobs: Math.max(s.jobs, window), sightings: window } : s));
}

// 200 jobs per 15 minutes in working hours, 20 otherwise (50,000 a week); 6% hit the cause: about 12
// in a busy slot, which the absolute rule alone (10 in 15 minutes) called an outage.
const bigOrg = { busyJobs: 200, quietJobs: 20, causeRate: 0.06 };
const smallOrg = { busyJobs: 4, quietJobs: 1, causeRate: 0 };

describe("loadOutages", () => {
  it("ignores a big organisation's usual count of a cause and sees a spike, from a week of rows", async () => {
    await insertHistory(db(), BIG.repositoryId, week(bigOrg, 12));
    expect(await loadOutages(db().prisma, { installationId: BIG.installationId, now: END })).toEqual([]);
    // Held re-runs of the cause are released although it keeps appearing at its usual rate.
    expect(await loadOutages(db().prisma, { installationId: BIG.installationId, now: END, heldCauses: [CAUSE] })).toEqual([]);
    // The last slot again, now with 40 of its 200 jobs failed by the cause: about 12 expected.
    const lastSlot = new Date(END.getTime() - SLOT_MINUTES * 60_000);
    await db().prisma.job.deleteMany({ where: { completedAt: { gte: lastSlot } } });
    await insertHistory(db(), BIG.repositoryId, [{ start: lastSlot, jobs: 200, sightings: 40 }], "spike");
    const [outage, ...rest] = await loadOutages(db().prisma, { installationId: BIG.installationId, now: END });
    expect(rest).toEqual([]);
    expect(outage).toMatchObject({ cause: CAUSE, count: 40 });
    expect(outage!.expected).toBeGreaterThan(8);
    expect(outage!.expected).toBeLessThan(16);
  });

  it("keeps the floor for a small organisation, whose baseline is its own and not another installation's", async () => {
    await insertHistory(db(), BIG.repositoryId, week(bigOrg, 12));
    await insertHistory(db(), SMALL.repositoryId, week(smallOrg, 10));
    expect(await loadOutages(db().prisma, { installationId: SMALL.installationId, now: END })).toEqual([expect.objectContaining({ cause: CAUSE, count: 10, expected: 0 })]);
  });

  it("counts only infrastructure causes seen as flaky", async () => {
    await insertHistory(db(), SMALL.repositoryId, week(smallOrg, 10));
    await db().prisma.classification.updateMany({ data: { category: "test" } });
    expect(await loadOutages(db().prisma, { installationId: SMALL.installationId, now: END })).toEqual([]);
  });
});
