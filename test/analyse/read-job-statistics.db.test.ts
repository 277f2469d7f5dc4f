// Successful jobs' logs for `successful: true` statistics: queued when the job succeeded, read within
// the repository's hourly budget (over it: skipped and counted, never downloaded), values stored.
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createClassifyPool } from "../../src/analyse/classify-pool.js";
import { statisticsRound } from "../../src/analyse/start-statistics-worker.js";
import { createConfigCache, type ConfigCache } from "../../src/analyse/config-cache.js";
import { configSchema } from "../../src/model/index.js";
import { enqueueStatisticLog } from "../../src/statistics/index.js";
import { nockJobLogRedirect, nockJobLogStatus, nockLogStorage, STORAGE, testOctokit, useStrictNock } from "../helpers/github-nock.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

useStrictNock();
const REPO = 4242n;
const T0 = new Date("2026-12-01T10:00:00Z");
const db = useTestDatabase(async (d) => {
  await d.prisma.installation.create({ data: { id: 9n, accountLogin: "octo" } });
  await d.prisma.repository.create({ data: { id: REPO, installationId: 9n, owner: "octo", name: "app" } });
});

const settings = configSchema.parse({ statistics: [{ id: "bundle", regex: "bundle: (?P<kb>\\d+) kB", jobs: ["build*"], unit: "kB", successful: true }, { id: "failed-only", regex: "took (?P<ms>\\d+) ms" }] });

async function succeeded(externalId: number, name: string, conclusion = "success", at = T0): Promise<void> {
  await db().prisma.job.create({ data: { repositoryId: REPO, provider: "actions", externalId: String(externalId), headSha: "a".repeat(40), name, status: "completed", conclusion, completedAt: at } });
  await enqueueStatisticLog(db().prisma, { repositoryId: Number(REPO), installationId: 9, externalId: String(externalId) }, at);
}

function worker(now: { at: Date }, logsPerHour: number, configs?: ConfigCache) {
  const outcomes: string[] = [];
  let configLoads = 0;
  const round = statisticsRound({
    prisma: db().prisma,
    log: pino({ level: "silent" }),
    now: () => now.at,
    octokitFor: async () => testOctokit(),
    loadConfig: async () => {
      configLoads++;
      return { settings };
    },
    pool: createClassifyPool({ workerFile: null }),
    logsPerHour,
    configs,
    counted: { inc: ({ outcome }) => outcomes.push(String(outcome)) },
  });
  return { round, outcomes, configLoads: () => configLoads };
}

const serveLog = (jobId: number, text: string) => nockLogStorage(nockJobLogRedirect({ jobId }, `${STORAGE}/logs/${jobId}.txt?sig=x`), text);

describe("statistics of successful jobs", () => {
  it("reads queued logs within the hourly budget, skips the rest without downloading them, and stores the last match", async () => {
    await succeeded(101, "build (linux)");
    await succeeded(102, "build (mac)");
    await succeeded(103, "build (windows)");
    await succeeded(104, "lint"); // no successful statistic takes it: never downloaded
    await succeeded(105, "build (arm)", "failure"); // failed jobs are read by their analysis, not queued
    expect(await db().prisma.statisticLog.count()).toBe(4);
    serveLog(101, "bundle: 120 kB\nbundle: 123 kB\ntook 5 ms\n");
    serveLog(102, "2026-12-01T09:59:00.0000000Z bundle: 130 kB\n");
    const now = { at: new Date(T0.getTime() + 5_000) };
    const w = worker(now, 2);
    expect(await w.round()).toBe(4);
    expect(w.outcomes.sort()).toEqual(["none", "read", "read", "skipped"]);
    expect(w.configLoads()).toBe(1); // once per repository while cached
    const values = await db().prisma.statisticValue.findMany({ orderBy: { value: "asc" }, select: { statisticId: true, group: true, value: true, unit: true, at: true } });
    expect(values).toEqual([
      { statisticId: "bundle", group: "kb", value: 123, unit: "kB", at: T0 },
      { statisticId: "bundle", group: "kb", value: 130, unit: "kB", at: T0 },
    ]); // "took 5 ms" belongs to a statistic without successful: true
    const skipped = await db().prisma.statisticLog.findFirstOrThrow({ where: { state: "skipped" } });
    expect(skipped.reason).toBe("hourly budget of 2 logs spent");
    expect(await w.round()).toBe(0); // nothing is read twice

    // an hour later the budget is back
    now.at = new Date(T0.getTime() + 3_700_000);
    await succeeded(106, "build (linux)", "success", now.at);
    serveLog(106, "bundle: 140 kB\n");
    expect(await w.round()).toBe(1);
    expect(w.outcomes.filter((o) => o === "read")).toHaveLength(3);
  });

  it("asks again later for a log GitHub has not stored yet, and gives up on one that is gone", async () => {
    await succeeded(201, "build");
    await succeeded(202, "build");
    nockJobLogStatus(404, { jobId: 201 });
    nockJobLogStatus(410, { jobId: 202 });
    const now = { at: new Date(T0.getTime() + 1_000) };
    const w = worker(now, 60);
    await w.round();
    const rows = await db().prisma.statisticLog.findMany({ orderBy: { id: "asc" }, select: { state: true, notBefore: true } });
    expect(rows[0]).toEqual({ state: "pending", notBefore: new Date(now.at.getTime() + 60_000) });
    expect(rows[1]?.state).toBe("failed");
    expect(await w.round()).toBe(0); // not before its time
    now.at = new Date(now.at.getTime() + 61_000);
    serveLog(201, "bundle: 99 kB\n");
    expect(await w.round()).toBe(1);
    expect((await db().prisma.statisticValue.findFirstOrThrow()).value).toBe(99);
  });

  it("uses the configuration an analysis of the repository just loaded, and loads it again once that is 5 minutes old", async () => {
    const now = { at: new Date(T0.getTime() + 1_000) };
    const configs = createConfigCache(() => now.at);
    configs.remember(REPO, { settings });
    const w = worker(now, 60, configs);
    await succeeded(301, "lint");
    await w.round();
    expect(w.configLoads()).toBe(0);
    now.at = new Date(now.at.getTime() + 5 * 60_000);
    await succeeded(302, "lint", "success", now.at);
    await w.round();
    expect(w.configLoads()).toBe(1);
    expect(w.outcomes).toEqual(["none", "none"]);
  });
});
