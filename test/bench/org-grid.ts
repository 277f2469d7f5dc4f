// Benchmark (issue 13): the org grid's queries on PostgreSQL over a big history — 1,000,000 jobs in
// 200 repositories over 90 days, 5 % failed, causes with a long tail — for a reader of every
// repository and for one, 14 and 30 days, each colouring; the causes rollup built from the verdicts
// as the start-up backfill would (the grid's failures read it) and the durations rollup of the days
// before today (the duration colouring reads it); reports the median and p95 of
// loadOrgGrid and the tables' sizes.
// Env: BENCH_GRID_JOBS (1000000), BENCH_GRID_REPOS (200).
import { migrate, openDatabase } from "../../src/db/index.js";
import { rebuildCauses, settleDurations } from "../../src/rollup/index.js";
import { loadOrgGrid } from "../../src/web/index.js";
import { createPostgresDatabase } from "../helpers/db.js";

const JOBS = Number(process.env.BENCH_GRID_JOBS ?? 1_000_000);
const REPOS = Number(process.env.BENCH_GRID_REPOS ?? 200);
const RUNS = 20;

export async function runOrgGridBench(): Promise<void> {
  const created = await createPostgresDatabase();
  const db = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
  try {
    await migrate(db.sql);
    const t0 = performance.now();
    await db.sql.exec(`select setseed(0.13);
      insert into "Installation" (id, "accountLogin", "updatedAt") values (1, 'bench', now());
      insert into "Repository" (id, "installationId", owner, name, private, "updatedAt") select g, 1, 'bench', 'repo-' || g, g % 2 = 0, now() from generate_series(1, ${REPOS}) g;
      insert into "Job" ("repositoryId", provider, "externalId", "headSha", name, status, conclusion, "startedAt", "completedAt", "updatedAt")
        select 1 + g % ${REPOS}, 'actions', g::text, md5(g::text), 'job-' || (g % 12), 'completed', case when random() < 0.05 then 'failure' else 'success' end,
          t - (60 + (g % 600)) * interval '1 second', t, now()
        from generate_series(1, ${JOBS}) g, lateral (select now() - random() * interval '90 days' + g * interval '0 second' as t) s;
      insert into "Classification" ("jobId", verdict, "patternId", signature, "matchedText", reason, "createdAt", "updatedAt")
        select id, v::"Verdict", case when v = 'genuine' then 'sift.genuine.test-failure' else 'pattern-' || c end, v || ':cause ' || c,
          'Error: cause ' || c || ' at line ' || (id % 1000), 'bench', "completedAt", "completedAt"
        from (select id, "completedAt", case when random() < 0.6 then 'genuine' when random() < 0.7 then 'flaky' else 'known_problem' end as v,
                floor(power(random(), 4) * 2000)::int as c from "Job" where conclusion = 'failure') f;
      analyze;`);
    const seeded = ((performance.now() - t0) / 1000).toFixed(1);
    const t1 = performance.now();
    await rebuildCauses(db.prisma);
    const settled = await settleDurations(db.prisma, new Date()); // the durations rollup's start-up round: every day before today
    await db.sql.exec(`analyze`);
    const rolled = ((performance.now() - t1) / 1000).toFixed(1);
    const repos = await db.prisma.repository.findMany({ select: { id: true, owner: true, name: true, private: true } });
    const size = await db.sql.query(`select pg_size_pretty(pg_total_relation_size('"Job"')) as job, pg_size_pretty(pg_total_relation_size('"Classification"')) as cls, pg_size_pretty(pg_total_relation_size('"DailyCause"')) as daily, (select count(*) from "DailyCause")::int as rows,
      pg_size_pretty(pg_total_relation_size('"DailyDuration"')) as durations`);
    console.log(`${JOBS} jobs in ${REPOS} repositories seeded in ${seeded} s; Job ${String(size[0]?.job)}, Classification ${String(size[0]?.cls)} (with indexes); rollup built in ${rolled} s, DailyCause ${String(size[0]?.rows)} rows, ${String(size[0]?.daily)}; DailyDuration ${settled} repository-days, ${String(size[0]?.durations)}`);
    for (const [label, set] of [[`all ${REPOS} repositories`, repos], ["one repository", repos.slice(0, 1)]] as const) {
      for (const days of [14, 30]) {
        for (const durations of [false, true]) {
          const times: number[] = [];
          for (let i = 0; i < RUNS; i++) {
            const t = performance.now();
            await loadOrgGrid(db.prisma, "bench", set, new Date(), days, { durations });
            times.push(performance.now() - t);
          }
          times.sort((a, b) => a - b);
          console.log(`org grid, ${label}, ${days} days, ${durations ? "duration" : "failure"} colouring: median ${times[RUNS / 2]!.toFixed(0)} ms, p95 ${times[Math.ceil(RUNS * 0.95) - 1]!.toFixed(0)} ms`);
        }
      }
    }
  } finally {
    await db.close();
    await created.drop();
  }
}
