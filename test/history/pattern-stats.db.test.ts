// Per pattern and repository: hits and last hit, observed hits, automatic re-runs and how many passed,
// aggregated by the database (the same SQL on PGlite and PostgreSQL).
import { expect, it } from "vitest";
import { defaultDemotePolicy } from "../../src/decide/index.js";
import { loadDemotions, loadPatternStats } from "../../src/history/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { SEED, seedJob, seedRepository } from "../helpers/seed-jobs.js";

const db = useTestDatabase(async (db) => {
  await seedRepository(db);
  await db.prisma.repository.create({ data: { id: 5002n, installationId: BigInt(SEED.installationId), owner: SEED.owner, name: "other" } });
});
const NOW = new Date("2026-11-23T12:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000);
let external = 1;

async function failure(o: { patternId: string | null; observed?: string[]; at: Date; repositoryId?: bigint; retries?: { outcome: string | null; trigger?: string; status?: string }[] }) {
  const jobId = await seedJob(db(), { externalId: external++, name: "build", sha: "c".repeat(40) });
  if (o.repositoryId) await db().prisma.job.update({ where: { id: jobId }, data: { repositoryId: o.repositoryId } });
  await db().prisma.classification.create({
    data: { jobId, verdict: o.patternId ? "flaky" : "genuine", patternId: o.patternId, reason: "seeded", observedPatternIds: o.observed ?? [], createdAt: o.at, updatedAt: o.at },
  });
  for (const r of o.retries ?? []) {
    await db().prisma.retry.create({
      data: { repositoryId: o.repositoryId ?? BigInt(SEED.repositoryId), jobId, method: "job", trigger: r.trigger ?? "auto", status: r.status ?? "requested", cause: o.patternId, outcome: r.outcome, createdAt: o.at },
    });
  }
}

it("counts hits, observed hits, re-runs, concluded and passed re-runs per pattern and repository, within the window", async () => {
  await failure({ patternId: "net.reset", at: daysAgo(1), retries: [{ outcome: "success" }] });
  await failure({ patternId: "net.reset", at: daysAgo(3), retries: [{ outcome: "failure" }, { outcome: "success", trigger: "command" }] });
  await failure({ patternId: "net.reset", at: daysAgo(4), retries: [{ outcome: null }, { outcome: null, status: "held" }] });
  await failure({ patternId: "net.reset", at: daysAgo(40), retries: [{ outcome: "failure" }] }); // outside the window
  await failure({ patternId: null, observed: ["watch.oom", "watch.disk"], at: daysAgo(2) });
  await failure({ patternId: "net.reset", observed: ["watch.oom"], at: daysAgo(5), repositoryId: 5002n });

  const rows = await loadPatternStats(db().prisma, { repositoryIds: [BigInt(SEED.repositoryId), 5002n], since: daysAgo(30) });

  expect(rows).toEqual([
    { patternId: "net.reset", repositoryId: BigInt(SEED.repositoryId), hits: 3, lastHit: daysAgo(1), observedHits: 0, lastObserved: null, reruns: 3, concluded: 2, passed: 1 },
    { patternId: "net.reset", repositoryId: 5002n, hits: 1, lastHit: daysAgo(5), observedHits: 0, lastObserved: null, reruns: 0, concluded: 0, passed: 0 },
    { patternId: "watch.disk", repositoryId: BigInt(SEED.repositoryId), hits: 0, lastHit: null, observedHits: 1, lastObserved: daysAgo(2), reruns: 0, concluded: 0, passed: 0 },
    { patternId: "watch.oom", repositoryId: BigInt(SEED.repositoryId), hits: 0, lastHit: null, observedHits: 1, lastObserved: daysAgo(2), reruns: 0, concluded: 0, passed: 0 },
    { patternId: "watch.oom", repositoryId: 5002n, hits: 0, lastHit: null, observedHits: 1, lastObserved: daysAgo(5), reruns: 0, concluded: 0, passed: 0 },
  ]);
  expect(await loadPatternStats(db().prisma, { repositoryIds: [], since: daysAgo(30) })).toEqual([]);
  // an organisation's many repositories are read the other way round (classifications first): the same rows
  const many = [BigInt(SEED.repositoryId), 5002n, ...Array.from({ length: 25 }, (_, i) => BigInt(9000 + i))];
  expect(await loadPatternStats(db().prisma, { repositoryIds: many, since: daysAgo(30) })).toEqual(rows);
});

it("demotes from the concluded automatic re-runs of this repository only", async () => {
  const rerun = (outcome: string) => ({ outcome });
  await failure({ patternId: "gha.runner-lost", at: daysAgo(1), retries: [...Array(9)].map(() => rerun("failure")) });
  await failure({ patternId: "gha.runner-lost", at: daysAgo(2), retries: [rerun("success"), { outcome: null }] });
  await failure({ patternId: "gha.runner-lost", at: daysAgo(2), repositoryId: 5002n, retries: [...Array(10)].map(() => rerun("success")) });

  const demoted = await loadDemotions(db().prisma, { repositoryId: SEED.repositoryId, now: NOW, policy: defaultDemotePolicy });
  expect(demoted.get("gha.runner-lost")).toMatchObject({ reruns: 10, passed: 1 });
  expect((await loadDemotions(db().prisma, { repositoryId: 5002, now: NOW, policy: defaultDemotePolicy })).size).toBe(0);
  expect((await loadDemotions(db().prisma, { repositoryId: SEED.repositoryId, now: NOW, policy: { ...defaultDemotePolicy, enabled: false } })).size).toBe(0);
});
