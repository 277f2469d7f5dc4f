// Benchmark (issue 13): every page and API answer on a generated history of 1,000,000 jobs (200
// repositories, 90 days, 5% failed, causes with a long tail) in PostgreSQL; the causes rollup built
// from it as a start-up backfill would, and the durations rollup of its days; server-side p95 per route over BENCH_PAGES_REQUESTS requests
// (goal < 300 ms) and the history tables' sizes. Routes are listed in pages/page-routes.ts.
// Env: SIFT_BENCH_DATABASE_URL (a server; default the local 127.0.0.1:54329), BENCH_PAGES_JOBS,
// BENCH_PAGES_REQUESTS, BENCH_PAGES_ONLY (measure only the routes whose name contains one of its comma-separated words); BENCH_PAGES_KEEP=1 keeps the database (BENCH_PAGES_DB, default sift_bench_pages) and reuses it on the next run.
import pg from "pg";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { migrate, openDatabase, type Database } from "../../src/db/index.js";
import { fillMainDays, rebuildCauses, settleDurations } from "../../src/rollup/index.js";
import { defaultBranchRed, failuresLastDay } from "../../src/web/metrics/history-metrics.js";
import { Router, addHealthRoutes, addWebRoutes, createMetrics } from "../../src/web/index.js";
import { PAGE_ROUTES, type BenchTargets } from "./pages/page-routes.js";
import { OWNER, seedPagesHistory } from "./pages/seed-pages-history.js";

const SHAPE = { jobs: Number(process.env.BENCH_PAGES_JOBS ?? 1_000_000), repos: 200, days: 90, failedPercent: 5, causes: 2000, end: new Date("2026-11-20T12:00:00Z") };
const REQUESTS = Number(process.env.BENCH_PAGES_REQUESTS ?? 50);
const GOAL_MS = 300;
const TABLES = ["Job", "HeadCommit", "Classification", "FailingTest", "JobCause", "DailyCause", "CauseFirstSeen", "OrgDailyCause", "MainBranchDay", "DailyDuration", "StaleDurationDay"];

export async function runPagesBench(): Promise<void> {
  process.env.SIFT_TEST_DATABASE_URL ??= process.env.SIFT_BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:54329/postgres";
  const created = await benchDatabase();
  const db = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
  try {
    await migrate(db.sql);
    if (created.reused) {
      await fillHealthDays(db); // a database kept from before the health rollup existed
      await settleDurationDays(db); // a kept database from before the durations rollup: its history is stale
      await printSizes(db);
      return await measureRoutes(db, await targets(db));
    }
    let t = performance.now();
    await seedPagesHistory(db, SHAPE);
    console.log(`seeded ${SHAPE.jobs.toLocaleString("en")} jobs in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const verdicts = await rebuildCauses(db.prisma);
    await db.sql.exec(`analyze`);
    console.log(`causes rollup built from ${verdicts.toLocaleString("en")} verdicts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    await fillHealthDays(db);
    await settleDurationDays(db);
    await printSizes(db);
    await measureRoutes(db, await targets(db));
  } finally {
    await db.close();
    await created.drop();
  }
}

/** A fresh database (dropped after), or with BENCH_PAGES_KEEP the kept one from an earlier run. */
async function benchDatabase(): Promise<{ url: string; reused: boolean; drop(): Promise<void> }> {
  const { createPostgresDatabase, postgresServerUrl } = await import("../helpers/db.js");
  if (!process.env.BENCH_PAGES_KEEP) return { ...(await createPostgresDatabase()), reused: false };
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  await admin.connect();
  const url = new URL(postgresServerUrl);
  const name = process.env.BENCH_PAGES_DB ?? "sift_bench_pages"; // one per worktree when several measure at once
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_PAGES_DB: ${name} is no plain database name`);
  url.pathname = `/${name}`;
  // reused only when a run finished seeding it (the rollup is written last)
  let exists = (await admin.query(`select 1 from pg_database where datname = '${name}'`)).rowCount === 1;
  if (exists) {
    const probe = new pg.Client({ connectionString: url.toString() });
    await probe.connect();
    exists = await probe.query(`select 1 from "DailyCause" limit 1`).then((r) => r.rowCount === 1, () => false);
    await probe.end();
    if (!exists) await admin.query(`drop database ${name} with (force)`);
  }
  if (!exists) await admin.query(`create database ${name}`);
  await admin.end();
  return { url: url.toString(), reused: exists, drop: async () => {} };
}

/** The health rollup's days as the start-up fill stores them (only the missing ones). */
async function fillHealthDays(db: Database): Promise<void> {
  const t = performance.now();
  const days = await fillMainDays(db.prisma, SHAPE.end);
  console.log(`health rollup: ${days.toLocaleString("en")} repository days stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** The durations rollup sums the stale days before the benchmark's today, as the start-up round would. */
async function settleDurationDays(db: Database): Promise<void> {
  const t = performance.now();
  const days = await settleDurations(db.prisma, SHAPE.end);
  if (days > 0) await db.sql.exec(`analyze "DailyDuration"; analyze "StaleDurationDay"`);
  console.log(`durations rollup: ${days.toLocaleString("en")} repository-days summed in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

async function printSizes(db: Database): Promise<void> {
  console.log("\n| table | rows | total size (pg_total_relation_size) |\n|---|---:|---:|");
  for (const table of TABLES) {
    const [r] = await db.sql.query(`select count(*)::text as n, pg_size_pretty(pg_total_relation_size('"${table}"')) as size from "${table}"`);
    console.log(`| ${table} | ${Number(r?.n).toLocaleString("en")} | ${String(r?.size)} |`);
  }
}

async function targets(db: Database): Promise<BenchTargets> {
  const rows = await db.sql.query(`
    select r.name, (array_agg(j."headSha" order by j.id desc))[1:10] as shas from "Repository" r
    join "Job" j on j."repositoryId" = r.id and j.conclusion = 'failure' where not r.private group by r.name order by r.name`);
  const shas = new Map(rows.map((r) => [String(r.name), r.shas as string[]]));
  return { owner: OWNER, repos: [...shas.keys()], failingSha: (repo, i) => { const list = shas.get(repo.split("/")[1]!)!; return list[i % list.length]!; } };
}

async function measureRoutes(db: Database, at: BenchTargets): Promise<void> {
  const now = () => SHAPE.end;
  const router = new Router();
  const everything = { login: "bench", canRead: async () => true };
  const half = { login: "half", canRead: async () => false }; // reads the public ones: every other repository while its routes run
  addHealthRoutes(router, db, createMetrics({ defaultBranchRed: () => defaultBranchRed(db.sql), failures24h: () => failuresLastDay(db.prisma, SHAPE.end) }));
  addWebRoutes(router, { prisma: db.prisma, settings: { publicUrl: "http://bench", pageSecret: "bench", githubWebUrl: "https://github.com" }, now, readerOf: async (req) => (req.headers["x-bench-reader"] === "half" ? half : everything) });
  const handle = router.handler();
  const times: number[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    res.on("finish", () => times.push(performance.now() - started));
    handle(req, res).then((ok) => ok || (res.writeHead(404), res.end()), (err) => (res.writeHead(500), res.end(String(err))));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  console.log(`\n| ${REQUESTS} requests each, server-side | p50 ms | p95 ms | max ms | bytes | < ${GOAL_MS} ms p95 |\n|---|---:|---:|---:|---:|---|`);
  let missed = 0;
  try {
    const only = (process.env.BENCH_PAGES_ONLY ?? "").split(",");
    for (const route of PAGE_ROUTES.filter((r) => only.some((word) => r.name.includes(word)))) {
      const every = route.reader === "half" ? 2 : 10; // the seed's every tenth private, or every other
      await db.sql.exec(`update "Repository" set private = id % ${every} = 0 where private <> (id % ${every} = 0)`);
      const headers = route.reader ? { "x-bench-reader": route.reader } : undefined;
      await fetch(`${base}${route.path(REQUESTS, at)}`, { headers }).then((r) => r.arrayBuffer()); // warm-up, not counted
      times.length = 0;
      let bytes = 0;
      for (let i = 0; i < REQUESTS; i++) {
        const res = await fetch(`${base}${route.path(i, at)}`, { headers });
        bytes = (await res.arrayBuffer()).byteLength;
        if (res.status !== 200) throw new Error(`${route.name}: ${route.path(i, at)} answered ${res.status}`);
      }
      const sorted = [...times].sort((a, b) => a - b);
      const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
      if (q(0.95) >= GOAL_MS) missed++;
      console.log(`| ${route.name} | ${q(0.5).toFixed(1)} | ${q(0.95).toFixed(1)} | ${sorted.at(-1)!.toFixed(1)} | ${bytes.toLocaleString("en")} | ${q(0.95) < GOAL_MS ? "met" : "**missed**"} |`);
    }
  } finally {
    await db.sql.exec(`update "Repository" set private = id % 10 = 0 where private <> (id % 10 = 0)`);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  console.log(missed ? `\n${missed} route(s) missed the ${GOAL_MS} ms p95 goal` : `\nevery route under ${GOAL_MS} ms p95`);
}
