// The worker loop: bounded concurrency (global and per installation), finish and retry after errors.
import { expect, it } from "vitest";
import { upsertRepository } from "../../src/ingest/index.js";
import { scheduleFailure, startWorker, type ClaimedCommit } from "../../src/schedule/index.js";
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
