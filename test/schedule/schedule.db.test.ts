// Due times, leases and re-scheduling, driven through the SQL functions with a hand-held clock.
import { expect, it } from "vitest";
import { upsertRepository } from "../../src/ingest/index.js";
import { claimDue, finishAnalysis, scheduleFailure, scheduleRecheck, scheduleRefresh } from "../../src/schedule/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { sha } from "../helpers/payloads.js";

const timing = { coolOffSeconds: 180, maxWaitSeconds: 300 };
const t0 = new Date("2026-01-01T12:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const REPO = 77;

const db = useTestDatabase(async (db) => {
  await upsertRepository(db.sql, 1, { id: REPO, name: "r", owner: { login: "o" }, private: false }, t0);
});

const fail = (s: number, n = 1) => scheduleFailure(db().sql, { repositoryId: REPO, sha: sha(n), branch: "main", now: at(s) }, timing);
const row = (n = 1) => db().prisma.headCommit.findFirstOrThrow({ where: { sha: sha(n) } });
const claim = (s: number, owner = "w1", limit = 10) => claimDue(db().sql, { owner, now: at(s), leaseSeconds: 60, limit });

it("is due a cool-off after the latest failure, but never later than the cap after the first", async () => {
  await fail(0);
  expect((await row()).dueAt).toEqual(at(180));
  await fail(100);
  expect((await row()).dueAt).toEqual(at(280));
  await fail(250);
  expect((await row()).dueAt).toEqual(at(300)); // cap: 300 s after the first failure
  expect(await claim(299)).toEqual([]);
  const [c] = await claim(300);
  expect(c).toMatchObject({ repositoryId: REPO, installationId: 1, owner: "o", repo: "r", sha: sha(1), dueAt: at(300) });
});

it("claims a SHA once; an expired lease makes it claimable again and fences the old worker", async () => {
  await fail(0);
  const [first] = await claim(200, "w1");
  expect(await claim(201, "w2")).toEqual([]);
  const [second] = await claim(200 + 61, "w2"); // w1's lease (60 s) expired
  expect(second?.sha).toBe(sha(1));
  expect((await finishAnalysis(db().sql, first!, "w1", { conclusion: "failure", now: at(262) }, timing)).state).toBe("lost");
  expect((await finishAnalysis(db().sql, second!, "w2", { conclusion: "failure", now: at(263) }, timing)).state).toBe("done");
  expect(await row()).toMatchObject({ state: "done", analyses: 1, conclusion: "failure", leaseOwner: null });
});

it("re-schedules a failure that arrives during or after an analysis", async () => {
  await fail(0);
  const [c] = await claim(180);
  await fail(190); // while running: stays running
  expect((await row()).state).toBe("running");
  expect((await finishAnalysis(db().sql, c!, "w1", { conclusion: "failure", now: at(200) }, timing)).state).toBe("pending");
  expect((await row()).dueAt).toEqual(at(190 + 180));
  const [again] = await claim(370);
  await finishAnalysis(db().sql, again!, "w1", { conclusion: "failure", now: at(371) }, timing);
  await fail(1000); // after: a new burst
  expect(await row()).toMatchObject({ state: "pending", firstFailureAt: at(1000), dueAt: at(1180), analyses: 2 });
});

it("a new failure on a SHA waiting for a later recheck is due after the cool-off, not at the recheck", async () => {
  await fail(0);
  const [c] = await claim(180);
  await finishAnalysis(db().sql, c!, "w1", { conclusion: "in_progress", now: at(181) }, timing);
  await scheduleRecheck(db().sql, c!, at(3600)); // e.g. the required check's deadline
  expect(await row()).toMatchObject({ state: "pending", dueAt: at(3600), firstFailureAt: null });
  await fail(1000); // a job fails meanwhile: a new burst, not a push to the recheck
  expect(await row()).toMatchObject({ state: "pending", firstFailureAt: at(1000), dueAt: at(1180) });
  await fail(1100); // and the burst is debounced as any other, up to its cap
  expect((await row()).dueAt).toEqual(at(1280));
});

it("refreshes an analysed SHA when another job finishes, leaves a never-failed SHA alone", async () => {
  await scheduleRefresh(db().sql, { repositoryId: REPO, sha: sha(2), now: at(0) }, timing);
  expect(await db().prisma.headCommit.count()).toBe(0);
  await fail(0);
  const [c] = await claim(180);
  await finishAnalysis(db().sql, c!, "w1", { conclusion: "failure", now: at(181) }, timing);
  await scheduleRefresh(db().sql, { repositoryId: REPO, sha: sha(1), now: at(500) }, timing);
  expect(await row()).toMatchObject({ state: "pending", dueAt: at(680) });
});

it("never hands the same SHA to two concurrent claimers", async () => {
  for (let n = 1; n <= 40; n++) await fail(0, n);
  const [a, b] = await Promise.all([claim(180, "a", 25), claim(180, "b", 25)]);
  const shas = [...a!, ...b!].map((c) => c.sha);
  expect(new Set(shas).size).toBe(shas.length);
  expect(shas.length).toBe(40);
});
