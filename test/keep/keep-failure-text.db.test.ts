// Kept failure texts in the database: stored compressed, read back whole, purged after SIFT_KEEP_DAYS
// while the verdict stays; the purge loop runs on its own.
import { expect, it } from "vitest";
import { failureTextFromRow, failureTextOf, purgeFailureTexts, saveFailureText, startKeepPurge } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { ghaLog } from "../classify/helpers.js";
import { captureLogger } from "../helpers/probot.js";
import { SEED, seedJob, seedRepository, seedVerdict } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const db = useTestDatabase(seedRepository);
const DAY = 24 * 3600 * 1000;
const NOW = new Date("2026-06-01T12:00:00Z");
const kept = () => failureTextOf(normaliseLog(ghaLog(Array.from({ length: 300 }, (_, i) => `at Test.run(Test.java:${i})`).concat(["Error: boom"]))));

it("stores the failing step's text compressed and reads it back whole", async () => {
  const jobId = await seedJob(db(), { externalId: 1, name: "unit", sha: "a".repeat(40) });
  const text = kept();
  const stored = await saveFailureText(db().prisma, { jobId, repositoryId: SEED.repositoryId, now: NOW }, text);
  const row = await db().prisma.failureText.findUniqueOrThrow({ where: { jobId } });
  expect(row).toMatchObject({ encoding: "br", textBytes: Buffer.byteLength(text.text), stepName: "Run make test", createdAt: NOW, repositoryId: BigInt(SEED.repositoryId) });
  expect(row.body.length).toBe(stored);
  expect(stored).toBeLessThan(row.textBytes / 4);
  expect(await failureTextFromRow(row)).toEqual(text);

  await saveFailureText(db().prisma, { jobId, repositoryId: SEED.repositoryId, now: new Date(NOW.getTime() + 1000) }, { ...text, text: "Error: other" });
  expect(await db().prisma.failureText.count()).toBe(1); // a re-analysis replaces it
});

it("purges texts older than SIFT_KEEP_DAYS and keeps their verdicts and the younger texts", async () => {
  const old = await seedJob(db(), { externalId: 1, name: "old", sha: "a".repeat(40) });
  const young = await seedJob(db(), { externalId: 2, name: "young", sha: "a".repeat(40) });
  for (const jobId of [old, young]) await seedVerdict(db(), jobId, { verdict: "genuine" });
  await saveFailureText(db().prisma, { jobId: old, repositoryId: SEED.repositoryId, now: new Date(NOW.getTime() - 31 * DAY) }, kept());
  await saveFailureText(db().prisma, { jobId: young, repositoryId: SEED.repositoryId, now: new Date(NOW.getTime() - 29 * DAY) }, kept());

  expect(await purgeFailureTexts(db().prisma, { now: NOW, keepDays: 30 })).toBe(1);
  expect((await db().prisma.failureText.findMany()).map((r) => r.jobId)).toEqual([young]);
  expect(await db().prisma.classification.count()).toBe(2);
  expect(await purgeFailureTexts(db().prisma, { now: NOW, keepDays: 30 })).toBe(0);
});

it("the purge loop runs by itself and logs what it purged", async () => {
  const jobId = await seedJob(db(), { externalId: 1, name: "old", sha: "a".repeat(40) });
  await saveFailureText(db().prisma, { jobId, repositoryId: SEED.repositoryId, now: new Date(NOW.getTime() - 3 * DAY) }, kept());
  const { log, lines } = captureLogger();
  const stop = startKeepPurge({ prisma: db().prisma, now: () => NOW, log, keepDays: 2, firstDelayMs: 1, intervalMs: 60_000 });
  await expect.poll(() => db().prisma.failureText.count(), { timeout: 5000 }).toBe(0);
  await stop();
  expect(lines.map((l) => l.msg)).toContain("purged the kept text of 1 failures older than 2 days (their verdicts stay)");
});
