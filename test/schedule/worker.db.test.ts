// The worker loop: bounded concurrency (global and per installation), finish and retry after errors.
import { describe, expect, it } from "vitest";
import { upsertRepository } from "../../src/ingest/index.js";
import { HEARTBEAT_SECONDS, LEASE_SECONDS, scheduleFailure, startWorker, type ClaimedCommit } from "../../src/schedule/index.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { sha } from "../helpers/payloads.js";
import { captureLogger } from "../helpers/probot.js";

const timing = { coolOffSeconds: 0, maxWaitSeconds: 0 };
const db = useTestDatabase(async (db) => {
  const past = new Date(Date.now() - 60_000);
  await upsertRepository(db.sql, 1, { id: 10, name: "a", owner: { login: "org-a" }, private: false }, past);
  await upsertRepository(db.sql, 2, { id: 20, name: "b", owner: { login: "org-b" }, private: false }, past);
  for (let n = 0; n < 6; n++) await scheduleFailure(db.sql, { repositoryId: 10, sha: sha(n), branch: null, now: past }, timing);
  for (let n = 6; n < 8; n++) await scheduleFailure(db.sql, { repositoryId: 20, sha: sha(n), branch: null, now: past }, timing);
});

it("analyses every due SHA once, within the global and per-installation limits", async () => {
  const running = new Map<number, number>();
  let global = 0;
  let maxGlobal = 0;
  let maxPerInstallation = 0;
  const analysed: string[] = [];
  const analyse = async (c: ClaimedCommit) => {
    global++;
    running.set(c.installationId, (running.get(c.installationId) ?? 0) + 1);
    maxGlobal = Math.max(maxGlobal, global);
    maxPerInstallation = Math.max(maxPerInstallation, running.get(c.installationId)!);
    await new Promise((r) => setTimeout(r, 30));
    running.set(c.installationId, running.get(c.installationId)! - 1);
    global--;
    analysed.push(c.sha);
    return { conclusion: "failure" };
  };
  const worker = startWorker({ sql: db().sql, timing, log: captureLogger().log, now: () => new Date(), concurrency: 3, concurrencyPerInstallation: 2, analyse, pollMs: 20 });
  while (analysed.length < 8) await new Promise((r) => setTimeout(r, 20));
  await worker.stop();
  expect(analysed.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map(sha).sort());
  expect(maxGlobal).toBeLessThanOrEqual(3);
  expect(maxPerInstallation).toBe(2);
  expect(await db().prisma.headCommit.count({ where: { state: "done", analyses: 1 } })).toBe(8);
});

it("puts a SHA whose analysis failed back in the queue for later, with an error log", async () => {
  const logs = captureLogger();
  const worker = startWorker(
    { sql: db().sql, timing, log: logs.log, now: () => new Date(), concurrency: 8, concurrencyPerInstallation: 8, analyse: () => Promise.reject(new Error("GitHub is down")), retryDelaySeconds: 600 },
    false,
  );
  expect(await worker.tick()).toBe(8);
  await worker.idle();
  const rows = await db().prisma.headCommit.findMany();
  expect(rows.every((r) => r.state === "pending" && r.leaseOwner === null && r.dueAt!.getTime() > Date.now() + 500_000)).toBe(true);
  expect(logs.errors().map((l) => l.msg)).toHaveLength(8);
  expect(logs.errors()[0]?.msg).toMatch(/analysis failed; trying again at/);
});

describe("leases", () => {
  const hang = () => new Promise<never>(() => {});

  it("are short (60 s) and renewed while the analysis runs, so a dead replica's work moves within a minute", async () => {
    const worker = startWorker({ sql: db().sql, timing, log: captureLogger().log, now: () => new Date(), concurrency: 8, concurrencyPerInstallation: 8, analyse: hang }, false);
    const claimedAt = Date.now();
    expect(await worker.tick()).toBe(8);
    const rows = await db().prisma.headCommit.findMany();
    for (const r of rows) {
      expect(r.state).toBe("running");
      expect(r.leaseUntil!.getTime() - claimedAt).toBeLessThanOrEqual(LEASE_SECONDS * 1000 + 1000);
    }
    expect(LEASE_SECONDS).toBeLessThanOrEqual(60);
    expect(HEARTBEAT_SECONDS).toBeLessThanOrEqual(LEASE_SECONDS / 3);
    await worker.stop();
  });

  it("heartbeat keeps a long analysis's lease; a lapsed lease lets another worker take the SHA", async () => {
    const worker = (owner: string, leaseSeconds: number) =>
      startWorker({ sql: db().sql, timing, log: captureLogger().log, now: () => new Date(), concurrency: 8, concurrencyPerInstallation: 8, analyse: hang, leaseSeconds, owner, stopTimeoutMs: 50 }, false);
    const A = worker("A", 0.6);
    const B = worker("B", 60);
    expect(await A.tick()).toBe(8);
    for (let n = 0; n < 5; n++) {
      await new Promise((r) => setTimeout(r, 300)); // 1.5 s in all: 2.5 leases of A
      expect(await B.tick()).toBe(0);
    }
    // A dead replica renews nothing (as after SIGKILL): its lease lapses and B takes the SHA.
    await db().sql.query(`update "HeadCommit" set "leaseOwner" = 'dead', "leaseUntil" = now() - interval '1 second' where sha = $1`, [sha(0)]);
    expect(await B.tick()).toBe(1);
    await A.stop();
    await B.stop();
  });

  it("stop() hands back the SHAs still being analysed: pending, due now, lease cleared", async () => {
    const worker = startWorker(
      { sql: db().sql, timing, log: captureLogger().log, now: () => new Date(), concurrency: 2, concurrencyPerInstallation: 2, analyse: hang, stopTimeoutMs: 200 },
      false,
    );
    expect(await worker.tick()).toBe(2);
    const started = Date.now();
    await worker.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    const rows = await db().prisma.headCommit.findMany();
    expect(rows.map((r) => [r.state, r.leaseOwner])).toEqual(rows.map(() => ["pending", null]));
    expect(rows.every((r) => r.dueAt!.getTime() <= Date.now())).toBe(true);
    expect(await worker.tick()).toBe(0); // a stopped worker takes no more work
  });
});
