// A generated CI history for the pages benchmark, written in bulk (INSERT … SELECT generate_series):
// REPOS repositories of one organisation (every 10th private), DAYS days, 5 jobs per commit, 5% of
// jobs failed; causes with a long tail (rank r drawn as CAUSES·u³: a few causes fail often, most
// rarely), their names and texts from the seeded generator. Deterministic: the same rows every run.
import type { Database } from "../../../src/db/index.js";
import { mulberry32 } from "../../helpers/seeded-random.js";

export interface PagesHistoryShape {
  jobs: number;
  repos: number;
  days: number;
  /** Share of jobs that failed, in percent. */
  failedPercent: number;
  causes: number;
  end: Date;
}

export const OWNER = "bench";
const JOBS_PER_COMMIT = 5;
const WORDS = ["timeout", "assert", "null", "module", "socket", "cache", "render", "parser", "queue", "index", "token", "schema", "worker", "layout", "session"];

/** One seeded cause table: rank, verdict, pattern, category, signature, quoted line. */
function causeRows(n: number): string {
  const random = mulberry32(2026);
  const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const pick = () => WORDS[Math.floor(random() * WORDS.length)]!;
  return Array.from({ length: n }, (_, r) => {
    // the frequent ranks are mostly infrastructure (flaky), a few known problems, the long tail genuine
    const roll = random();
    if (r < 30 && roll < 0.7) return `(${r}, 'flaky', ${q(`bench.${pick()}-${r}`)}, ${q(["network", "runner", "registry", "disk"][r % 4]!)}, null, ${q(`${pick()} failed: connection reset by peer (attempt ${r})`)})`;
    if (r < 60 && roll < 0.3) return `(${r}, 'known_problem', ${q(`bench.known-${r}`)}, 'lint', null, ${q(`known ${pick()} breakage ${r}`)})`;
    const line = `Error: ${pick()} ${pick()} failed in src/${pick()}/${pick()}-${r}.ts:${1 + Math.floor(random() * 400)}: expected ${Math.floor(random() * 99)} got ${r}`;
    return `(${r}, 'genuine', 'sift.genuine.test-failure', 'test', ${q(`genuine:Error: ${line.slice(7).replace(/\d+/g, "<n>")}`)}, ${q(line)})`;
  }).join(",\n");
}

export async function seedPagesHistory(db: Database, s: PagesHistoryShape): Promise<void> {
  const commits = Math.ceil(s.jobs / JOBS_PER_COMMIT);
  const commitsPerDay = commits / s.days;
  const end = `'${s.end.toISOString()}'::timestamptz`;
  await db.sql.exec(`insert into "Installation" (id, "accountLogin", "updatedAt") values (1, '${OWNER}', now())`);
  await db.sql.exec(`insert into "Repository" (id, "installationId", owner, name, private, "updatedAt")
    select r, 1, '${OWNER}', 'repo-' || r, r % 10 = 0, now() from generate_series(1, ${s.repos}) r`);
  // commit c: repository c % repos + 1; spread evenly over the days, newest last; a third on main
  await db.sql.exec(`insert into "HeadCommit" ("repositoryId", sha, branch, state, "createdAt", "analysedAt", "updatedAt")
    select c % ${s.repos} + 1, md5('c' || c) || left(md5('d' || c), 8), case when c % 3 = 0 then 'main' else 'feature-' || (c % 40) end, 'done',
      ${end} - (${commitsPerDay} * ${s.days} - c) / ${commitsPerDay} * interval '1 day', ${end} - (${commitsPerDay} * ${s.days} - c) / ${commitsPerDay} * interval '1 day', now()
    from generate_series(0, ${commits - 1}) c`);
  // job i of commit i / 5; failed when its hash falls under failedPercent; 1 to 30 minutes long; 'job 0'
  // (every 15th job) has three Actions steps (set-up a tenth, build 60 %, test the rest) for the steps view
  const iso = (t: string) => `to_char(${t}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
  const step = (n: number, name: string, from: number, to: number) =>
    `jsonb_build_object('name', '${name}', 'number', ${n}, 'status', 'completed', 'conclusion', 'success', 'started_at', ${iso(`t.done - t.secs * ${1 - from} * interval '1 second'`)}, 'completed_at', ${iso(`t.done - t.secs * ${1 - to} * interval '1 second'`)})`;
  await db.sql.exec(`insert into "Job" ("repositoryId", provider, "externalId", "headSha", name, "workflowName", "runId", "runAttempt", status, conclusion, "startedAt", "completedAt", steps, "updatedAt")
    select h."repositoryId", 'actions', i::text, h.sha, 'job ' || (i % ${JOBS_PER_COMMIT} + ${JOBS_PER_COMMIT} * ((i / ${JOBS_PER_COMMIT}) % 3)), 'CI', i / ${JOBS_PER_COMMIT}, 1, 'completed',
      case when (i::bigint * 2654435761) % 1000 < ${s.failedPercent * 10} then 'failure' else 'success' end,
      t.done - t.secs * interval '1 second', t.done,
      case when i % 15 = 0 then jsonb_build_array(${step(1, "Set up job", 0, 0.1)}, ${step(2, "Build", 0.1, 0.7)}, ${step(3, "Test", 0.7, 1)}) end, now()
    from generate_series(0, ${s.jobs - 1}) i join "HeadCommit" h on h.sha = md5('c' || (i / ${JOBS_PER_COMMIT})) || left(md5('d' || (i / ${JOBS_PER_COMMIT})), 8)
      cross join lateral (select h."createdAt" + interval '10 minutes' as done, 60 + (i::bigint * 7919) % 1740 as secs) t`);
  await db.sql.exec(`create temporary table bench_cause (rank int primary key, verdict "Verdict", "patternId" text, category text, signature text, line text)`);
  await db.sql.exec(`insert into bench_cause values ${causeRows(s.causes)}`);
  // cause rank = floor(causes · u³), u from the job id's hash: rank 0 is the most frequent
  await db.sql.exec(`insert into "Classification" ("jobId", verdict, "patternId", category, signature, "matchedText", excerpt, line, reason, "createdAt", "updatedAt")
    select j.id, c.verdict, c."patternId", c.category, c.signature, c.line, 'step output before' || chr(10) || c.line || chr(10) || 'after', 120, 'bench', j."completedAt", j."completedAt"
    from "Job" j join bench_cause c on c.rank = floor(${s.causes} * power(((j.id::bigint * 40503) % 10007) / 10007.0, 3))::int
    where j.conclusion = 'failure'`);
  await db.sql.exec(`insert into "FailingTest" ("repositoryId", "jobId", "testKey", "testId", file)
    select j."repositoryId", j.id, 'suite ' || (c."jobId" % 97) || ' test ' || k, 'suite ' || (c."jobId" % 97) || ' › test ' || k, 'src/suite.test.ts'
    from "Classification" c join "Job" j on j.id = c."jobId" cross join generate_series(1, 2) k where c.verdict = 'genuine'`);
  await db.sql.exec(`drop table bench_cause`);
  await db.sql.exec(`analyze`);
}
