// Benchmark (issue 3): webhook ingestion through the real server process — signed workflow_job
// deliveries over HTTP with concurrency, on PGlite and on PostgreSQL; then every row counted
// (nothing lost), and the delay from a head SHA's due time to its check run.
// Target: ≥ 500 deliveries/s on PostgreSQL on a 2-core machine.
// Env: BENCH_DB=pglite,postgres BENCH_DELIVERIES BENCH_CONCURRENCY BENCH_LOG_LEVEL BENCH_PROF=<dir> (CPU profile of the server).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openDatabase } from "../../src/db/index.js";
import { createPostgresDatabase } from "../helpers/db.js";
import { INSTALLATION_ID, REPO, sha, workflowJobPayload } from "../helpers/payloads.js";
import { signBody } from "../helpers/webhooks.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { startBenchServer } from "./spawn-server.js";

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 6000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const DUE_SHAS = 10;
const SECRET = "bench-secret";

/** Pre-signed deliveries: 5 jobs per SHA (queued, in_progress, completed), 1 in 20 jobs fails. */
function makeDeliveries(n: number) {
  return Array.from({ length: n }, (_, i) => {
    const job = Math.floor(i / 3);
    const status = ["queued", "in_progress", "completed"][i % 3]!;
    const p = workflowJobPayload({ id: 1_000_000 + job, sha: sha(0x100000 + Math.floor(job / 5)), status, conclusion: job % 20 === 0 ? "failure" : "success" });
    const body = JSON.stringify(p);
    return { body, signature: signBody(SECRET, body), id: `bench-${i}`, status };
  });
}

async function fire(base: string, deliveries: ReturnType<typeof makeDeliveries>): Promise<{ seconds: number; failed: number; resent: number }> {
  let next = 0;
  let failed = 0;
  let resent = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < deliveries.length) {
      const d = deliveries[next++]!;
      const send = () =>
        fetch(`${base}/api/github/webhooks`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-github-event": "workflow_job", "x-github-delivery": d.id, "x-hub-signature-256": d.signature },
          body: d.body,
        });
      // A keep-alive socket the server closed as the request left: resend, as GitHub would redeliver.
      const res = await send().catch(() => (resent++, send()));
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { seconds: (performance.now() - started) / 1000, failed, resent };
}

/** Failures on fresh SHAs, then the time from each due time (delivery + cool-off) to its check run. */
async function dueDelays(base: string, gh: GitHubDouble): Promise<number[]> {
  const dueAt = new Map<string, number>();
  const delays = new Map<string, number>();
  let sending = true;
  const watch = (async () => {
    const deadline = Date.now() + 90_000;
    while ((sending || delays.size < dueAt.size) && Date.now() < deadline) {
      for (const [s, due] of dueAt) if (!delays.has(s) && gh.state.checkRunsFor(REPO.owner, REPO.name, s).length) delays.set(s, Date.now() - due);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  for (let i = 0; i < DUE_SHAS; i++) {
    const s = sha(0x900000 + i);
    const body = JSON.stringify(workflowJobPayload({ id: 9_000_000 + i, sha: s }));
    const sent = Date.now();
    await fetch(`${base}/api/github/webhooks`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-github-event": "workflow_job", "x-github-delivery": `due-${i}`, "x-hub-signature-256": signBody(SECRET, body) },
      body,
    });
    dueAt.set(s, sent + 2000); // stored at most this late: due a cool-off (2 s) after
    await new Promise((r) => setTimeout(r, 1500)); // one SHA at a time: GitHub write pacing is not what we measure
  }
  sending = false;
  await watch;
  return [...delays.values()].sort((a, b) => a - b);
}

async function benchOne(kind: "pglite" | "postgres"): Promise<void> {
  const gh = await startGitHubDouble();
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: REPO.owner, type: "Organization" } });
  const dataDir = mkdtempSync(join(tmpdir(), "sift-bench-"));
  const pg = kind === "postgres" ? await createPostgresDatabase() : undefined;
  const dbOptions = pg ? { databaseUrl: pg.url } : { dataDir };
  const server = await startBenchServer(gh, SECRET, pg ? { DATABASE_URL: pg.url } : { SIFT_DATA_DIR: dataDir });
  try {
    // Due delays first: the failures of the throughput run queue ~1 s-paced check run writes.
    const delays = await dueDelays(server.base, gh);
    const deliveries = makeDeliveries(DELIVERIES);
    await fire(server.base, makeDeliveries(300).map((d) => ({ ...d, id: `warm-${d.id}` }))); // JIT warm-up, same rows
    const { seconds, failed, resent } = await fire(server.base, deliveries);
    await server.stop();
    const db = await openDatabase(dbOptions);
    const [deliveriesStored, jobs, completed] = await Promise.all([
      db.prisma.webhookDelivery.count({ where: { id: { startsWith: "bench-" } } }),
      db.prisma.job.count({ where: { externalId: { gte: "1000000", lt: "9000000" } } }),
      db.prisma.job.count({ where: { status: "completed", externalId: { gte: "1000000", lt: "9000000" } } }),
    ]);
    await db.close();
    const expectedJobs = Math.ceil(DELIVERIES / 3);
    const lost = DELIVERIES - deliveriesStored;
    console.log(`${kind}: ${DELIVERIES} deliveries, concurrency ${CONCURRENCY}: ${(DELIVERIES / seconds).toFixed(0)} deliveries/s (${seconds.toFixed(2)} s), non-200: ${failed}, resent after a socket error: ${resent}`);
    console.log(`${kind}: stored ${deliveriesStored}/${DELIVERIES} delivery ids, ${jobs}/${expectedJobs} jobs, ${completed} completed — ${lost === 0 && jobs === expectedJobs ? "nothing lost" : "LOST ROWS"}`);
    const p = (q: number) => delays[Math.min(delays.length - 1, Math.floor(q * delays.length))] ?? NaN;
    console.log(`${kind}: due → check run over ${delays.length}/${DUE_SHAS} SHAs: median ${p(0.5)} ms, max ${p(1)} ms`);
    if (lost !== 0 || jobs !== expectedJobs || failed) process.exitCode = 1;
  } finally {
    await server.stop().catch(() => {});
    await gh.close();
    await pg?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runIngestBench(): Promise<void> {
  for (const kind of (process.env.BENCH_DB ?? "pglite,postgres").split(",") as ("pglite" | "postgres")[]) await benchOne(kind);
}
