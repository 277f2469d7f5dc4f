// Re-classification of stored failures after a pattern change, on PGlite and PostgreSQL: stopped
// midway (as a crash would) and started again, it ends where an uninterrupted run ends; two workers
// at once re-classify each failure once; open pull requests' heads go through `reanalyse`.
import { expect, it } from "vitest";
import { claimReclassification, reclassifyRepository, requestReclassification, startReclassifyWorker, type ReclassifyDeps } from "../../src/reclassify/index.js";
import { NIFI, RUFF } from "../backtest/seed-failures.js";
import { SEED } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { REFORMAT_IS_FLAKY, reclassifyDeps } from "./reclassify-with.js";
import { configWith, seedRepo, storeFailure } from "./seed-stored.js";

const A = { id: 7001, name: "alpha" };
const B = { id: 7002, name: "beta" };
const db = useTestDatabase(async (d) => {
  await d.prisma.installation.create({ data: { id: BigInt(SEED.installationId), accountLogin: SEED.owner } });
  for (const r of [A, B]) await seedRepo(d, r.id, r.name);
});
const since = new Date(Date.now() - 30 * 24 * 3600 * 1000);

async function seedTwin(repositoryId: number, base: number, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await storeFailure(db(), { repositoryId, externalId: base + i, name: `job-${i}`, corpus: i % 3 === 2 ? NIFI : RUFF });
}

const deps = (over: Partial<ReclassifyDeps> = {}): ReclassifyDeps => reclassifyDeps(db(), REFORMAT_IS_FLAKY, { pageSize: 2, ...over });

const snapshot = async (repositoryId: number) =>
  (await db().prisma.classification.findMany({ where: { job: { repositoryId: BigInt(repositoryId) } }, include: { job: true }, orderBy: { job: { name: "asc" } } }))
    .map((c) => `${c.job.name} ${c.verdict} ${c.patternId} ${c.patternSetHash} ${c.line}`);

it("ends, after a crash midway and a restart, where an uninterrupted run ends", async () => {
  await seedTwin(A.id, 100, 7);
  await seedTwin(B.id, 200, 7);
  const before = await snapshot(B.id);
  await requestReclassification(db().prisma, { repositoryIds: [A.id, B.id], reason: "test", since, now: new Date() });

  // A: uninterrupted
  const a = await claimReclassification(db().sql, { owner: "w1", now: new Date(), leaseSeconds: 60 });
  expect(a?.repo).toBe(A.name);
  expect(await reclassifyRepository(deps(), a!)).toMatchObject({ state: "done", examined: 7, changed: 5 });

  // B: killed after 3 failures (mid-page), then a second worker takes the expired lease over
  const stop = new AbortController();
  let seen = 0;
  const b = await claimReclassification(db().sql, { owner: "w1", now: new Date(), leaseSeconds: 60 });
  const crashed = reclassifyRepository(deps({ signal: stop.signal, onReclassified: () => ++seen === 3 && stop.abort(new Error("killed")) }), b!);
  await expect(crashed).rejects.toThrow("killed");
  const row = await db().prisma.reclassification.findUniqueOrThrow({ where: { repositoryId: BigInt(B.id) } });
  expect(row).toMatchObject({ state: "running", examined: 2 }); // one page of two committed, the third undone
  expect(await snapshot(B.id)).not.toEqual(before);

  const later = new Date(Date.now() + 61_000); // the lease has expired
  const again = await claimReclassification(db().sql, { owner: "w2", now: later, leaseSeconds: 60 });
  expect(again).toMatchObject({ repo: B.name, cursorJobId: row.cursorJobId });
  const redone: number[] = [];
  expect(await reclassifyRepository(deps({ owner: "w2", now: () => later, onReclassified: (id) => redone.push(id) }), again!)).toMatchObject({ state: "done", examined: 5 });
  expect(redone).toHaveLength(5); // the two committed before the crash are not done again

  const strip = (s: string[]) => s.map((l) => l.replace(/ \d+$/, ""));
  expect(strip(await snapshot(B.id))).toEqual(strip(await snapshot(A.id)));
  expect((await snapshot(A.id)).filter((l) => l.includes("reformat-is-flaky"))).toHaveLength(5);
  expect(await db().prisma.reclassification.findUniqueOrThrow({ where: { repositoryId: BigInt(B.id) } })).toMatchObject({ state: "done", leaseOwner: null, changed: 5 });
});

it("re-classifies each failure once with two workers at once, and leaves nothing to claim", async () => {
  await seedTwin(A.id, 100, 5);
  await seedTwin(B.id, 200, 5);
  await requestReclassification(db().prisma, { repositoryIds: [A.id, B.id], reason: "test", since, now: new Date() });
  const count = new Map<number, number>();
  const onReclassified = (id: number) => count.set(id, (count.get(id) ?? 0) + 1);
  const workers = ["w1", "w2"].map((owner) =>
    startReclassifyWorker({ ...deps({ onReclassified }), sql: db().sql, windowDays: 30, owner }, { checkBuiltins: false, timer: false }),
  );
  await Promise.all(workers.map((w) => w.drain()));
  await Promise.all(workers.map((w) => w.stop()));
  expect(count.size).toBe(10);
  expect([...count.values()].every((n) => n === 1)).toBe(true);
  const rows = await db().prisma.reclassification.findMany();
  expect(rows.map((r) => r.state)).toEqual(["done", "done"]);
  expect(await claimReclassification(db().sql, { owner: "w3", now: new Date(Date.now() + 3600_000), leaseSeconds: 60 })).toBeNull();
});

it("rewrites an open pull request's report only when one of its verdicts changes, and keeps history's times", async () => {
  const at = new Date(Date.now() - 3 * 24 * 3600 * 1000);
  const ruffHead = "a".repeat(40);
  const nifiHead = "b".repeat(40);
  await storeFailure(db(), { repositoryId: A.id, externalId: 1, name: "lint", corpus: RUFF, sha: ruffHead, at });
  await storeFailure(db(), { repositoryId: A.id, externalId: 2, name: "sftp", corpus: NIFI, sha: nifiHead, at });
  for (const [sha, pr] of [[ruffHead, 5], [nifiHead, 6]] as const) {
    await db().prisma.headCommit.create({ data: { repositoryId: BigInt(A.id), sha, prNumbers: [pr], state: "done" } });
  }
  await requestReclassification(db().prisma, { repositoryIds: [A.id], reason: "test", since, now: new Date() });
  const reanalysed: string[] = [];
  const claim = await claimReclassification(db().sql, { owner: "w1", now: new Date(), leaseSeconds: 60 });
  const outcome = await reclassifyRepository(deps({ reanalyse: async (_c, sha) => void reanalysed.push(sha) }), claim!);
  expect(reanalysed).toEqual([ruffHead]);
  expect(outcome).toMatchObject({ state: "done", examined: 2, changed: 1, reanalysed: [ruffHead] });
  // reanalyse (a stand-in here) wrote nothing: the rows are moved to the new set all the same
  const rows = await db().prisma.classification.findMany({ orderBy: { jobId: "asc" } });
  const target = configWith(A.name, REFORMAT_IS_FLAKY).compiled.hash;
  expect(rows.map((r) => [r.verdict, r.patternSetHash, r.updatedAt.getTime()])).toEqual([
    ["flaky", target, at.getTime()],
    ["flaky", target, at.getTime()],
  ]);
});

it("writes nothing for a worker whose lease another took over", async () => {
  await seedTwin(A.id, 100, 3);
  const before = await snapshot(A.id);
  await requestReclassification(db().prisma, { repositoryIds: [A.id], reason: "test", since, now: new Date() });
  const slow = await claimReclassification(db().sql, { owner: "w1", now: new Date(), leaseSeconds: 60 });
  const taken = await claimReclassification(db().sql, { owner: "w2", now: new Date(Date.now() + 61_000), leaseSeconds: 60 });
  expect(taken?.repositoryId).toBe(A.id);
  expect(await reclassifyRepository(deps({ owner: "w1" }), slow!)).toMatchObject({ state: "lost", examined: 0 });
  expect(await snapshot(A.id)).toEqual(before);
  expect(await db().prisma.reclassification.findUniqueOrThrow({ where: { repositoryId: BigInt(A.id) } })).toMatchObject({ leaseOwner: "w2", state: "running" });
});
