// Benchmark (issue 10): the flaky-test evidence query of the decide stage on a busy repository —
// 60,000 failed jobs over 12,000 commits in the window, 3 failing tests each out of 3,000 test ids,
// a third of them re-run at the same commit and passed — on PGlite and on PostgreSQL. Reports the
// median and worst time to load the flips of a failure's 5 tests plus its signature.
// Env: BENCH_DB=pglite,postgres BENCH_EVIDENCE_JOBS.
import { migrate, openDatabase, type Database } from "../../src/db/index.js";
import { loadFlakyEvidence } from "../../src/history/index.js";
import { createPostgresDatabase } from "../helpers/db.js";

const JOBS = Number(process.env.BENCH_EVIDENCE_JOBS ?? 60_000);
const TESTS = 3000;
const RUNS = 25;

async function seed(db: Database): Promise<void> {
  await db.sql.exec(`insert into "Installation" (id, "accountLogin", "updatedAt") values (1, 'bench', now())`);
  await db.sql.exec(`insert into "Repository" (id, "installationId", owner, name, "updatedAt") values (1, 1, 'bench', 'repo', now())`);
  // Failed attempt 1 of job i at commit i/5; every third passes on attempt 2.
  await db.sql.exec(`
    insert into "Job" ("repositoryId", provider, "externalId", "headSha", name, "runId", "runAttempt", status, conclusion, "completedAt", "updatedAt")
    select 1, 'actions', i::text, md5((i / 5)::text), 'test (' || (i % 5) || ', 5)', i, 1, 'completed', 'failure', now() - (i % 25) * interval '1 day', now()
    from generate_series(1, ${JOBS}) i`);
  await db.sql.exec(`
    insert into "Job" ("repositoryId", provider, "externalId", "headSha", name, "runId", "runAttempt", status, conclusion, "completedAt", "updatedAt")
    select 1, 'actions', 'r' || i, md5((i / 5)::text), 'test (' || (i % 5) || ', 5)', i, 2, 'completed', 'success', now() - (i % 25) * interval '1 day', now()
    from generate_series(1, ${JOBS}) i where i % 3 = 0`);
  await db.sql.exec(`
    insert into "Classification" ("jobId", verdict, "patternId", signature, reason, "updatedAt")
    select id, 'genuine', 'sift.genuine.test-failure', 'genuine:sig ' || (id % 500), 'x', now() from "Job" where "runAttempt" = 1`);
  await db.sql.exec(`
    insert into "FailingTest" ("repositoryId", "jobId", "testKey", "testId", file)
    select 1, j.id, 'Suite ' || k || ' test ' || ((j.id * 7 + k * 13) % ${TESTS}), 'Suite ' || k || ' › test ' || ((j.id * 7 + k * 13) % ${TESTS}), 'src/suite' || k || '.test.js'
    from "Job" j cross join generate_series(0, 2) k where j."runAttempt" = 1`);
  await db.sql.exec(`analyze`);
}

async function measure(name: string, db: Database): Promise<void> {
  const t0 = performance.now();
  await seed(db);
  const seeded = ((performance.now() - t0) / 1000).toFixed(1);
  const times: number[] = [];
  let flips = 0;
  for (let r = 0; r < RUNS; r++) {
    const tests = Array.from({ length: 5 }, (_, i) => ({ id: `Suite ${i % 3} › test ${(r * 97 + i * 11) % TESTS}`, file: `src/suite${i % 3}.test.js` }));
    const started = performance.now();
    const ev = await loadFlakyEvidence(db.prisma, { repositoryId: 1, tests, signatures: [`genuine:sig ${r}`], since: new Date(Date.now() - 30 * 86_400_000) });
    times.push(performance.now() - started);
    flips += ev.tests.length + ev.signatures.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${name}: ${JOBS} failed jobs (seeded in ${seeded} s); evidence of 5 tests + 1 signature: median ${median.toFixed(1)} ms, worst ${times[times.length - 1]!.toFixed(1)} ms, ${(flips / RUNS).toFixed(0)} flips per query`);
}

export async function runEvidenceBench(): Promise<void> {
  const kinds = (process.env.BENCH_DB ?? "pglite,postgres").split(",");
  if (kinds.includes("pglite")) {
    const db = await openDatabase({ memory: true });
    await migrate(db.sql);
    await measure("PGlite", db).finally(() => db.close());
  }
  if (kinds.includes("postgres")) {
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
    try {
      await migrate(db.sql);
      await measure("PostgreSQL", db);
    } finally {
      await db.close();
      await created.drop();
    }
  }
}
