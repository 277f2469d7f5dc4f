// Benchmark (issue 11, Load): a realistic day of a large organisation replayed against the built
// server on PostgreSQL — one process, then two replicas on one database — with the GitHub double on
// loopback. Commits over working hours across many repositories, workflow runs and jobs, pull
// requests, comments with `/retry`; re-runs Sift asks for come back as new attempts. At the end every
// SHA must have exactly one `Sift` check run with the right conclusion (none when nothing failed).
// Reports deliveries/s, webhook response time, due → report delay, peak RSS and GitHub calls per SHA.
//
// Env (defaults: the full size of the issue, at 10× speed — 2.4 hours):
//   BENCH_DAY_DELIVERIES=50000 BENCH_DAY_REPOS=200 BENCH_DAY_FAILING=2000 BENCH_DAY_COMMENTS=(1% of deliveries)
//   BENCH_DAY_SPEED=10 (day seconds per wall second) BENCH_DAY_REPLICAS=1,2 BENCH_DAY_DRAIN_SECONDS=600
//   BENCH_DAY_CONCURRENCY=64 (requests in flight at most)
// Bounded: every wait has a deadline, re-runs stop at attempt 4, and the double listens on 127.0.0.1.
import pg from "pg";
import { createPostgresDatabase } from "../helpers/db.js";
import { INSTALLATION_ID } from "../helpers/payloads.js";
import { signBody } from "../helpers/webhooks.js";
import { startGitHubDouble, type GitHubDouble } from "../github-double/index.js";
import { json, notFound } from "../github-double/http.js";
import type { DoubleJob } from "../github-double/state.js";
import { BASE_SHA, payloadOf } from "./day/day-payloads.js";
import { checkTemplates } from "./day/check-templates.js";
import { logTemplates } from "./day/log-templates.js";
import { DAY_MS, planDay, type DaySize, type PlannedDelivery, type PlannedJob, type PlannedSha } from "./day/plan-day.js";
import { githubCallKinds, quantile, scrapeHistogram, histogramQuantile, type Histogram } from "./day/measure.js";
import { startBenchServer, type BenchServer } from "./spawn-server.js";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const DELIVERIES = env("BENCH_DAY_DELIVERIES", 50_000);
const SIZE: DaySize = {
  deliveries: DELIVERIES,
  repos: env("BENCH_DAY_REPOS", 200),
  failingShas: env("BENCH_DAY_FAILING", 2000),
  comments: env("BENCH_DAY_COMMENTS", Math.round(DELIVERIES / 100)),
};
const SPEED = env("BENCH_DAY_SPEED", 10);
const DRAIN_MS = env("BENCH_DAY_DRAIN_SECONDS", 600) * 1000;
const CONCURRENCY = env("BENCH_DAY_CONCURRENCY", 64);
const SECRET = "bench-day-secret";
const MAX_ATTEMPT = 4;
const SETTLE_MS = 5000;
const coolOffSeconds = Math.max(1, Math.round(180 / SPEED));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Outcome {
  replicas: number;
  sent: number;
  reactive: number;
  replaySeconds: number;
  non2xx: number;
  resent: number;
  latencies: number[];
  due: Histogram;
  /** Client-side: last failed job's delivery answered + cool-off → the SHA's completed Sift check run, ms. */
  dueToReport: number[];
  peakRssMb: number[];
  calls: Record<string, number>;
  failingShas: number;
  shas: number;
  wrong: string[];
  drainSeconds: number;
  /** Sift's re-run rows by trigger and status (held: an outage of the cause). */
  retries: Record<string, number>;
}

async function retryCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ k: string; n: string }>(`select "trigger" || ' ' || "status" as k, count(*) as n from "Retry" group by 1 order by 1`);
    return Object.fromEntries(rows.map((r) => [r.k, Number(r.n)]));
  } finally {
    await client.end();
  }
}

/** The double, seeded with the day's jobs and pull requests, re-running jobs into new attempts. */
function seedDouble(gh: GitHubDouble, shas: readonly PlannedSha[], schedule: (d: PlannedDelivery, afterDayMs: number) => void): void {
  gh.state.installations.set(INSTALLATION_ID, { id: INSTALLATION_ID, account: { login: "big-org", type: "Organization" } });
  for (let i = 0; i < 50; i++) gh.state.permissions.set(`dev-${i}`, "write");
  const planned = new Map<number, { job: PlannedJob; sha: PlannedSha }>();
  const register = (job: PlannedJob, sha: PlannedSha, attempt: number, conclusion: string) => {
    planned.set(job.id, { job, sha });
    const d: DoubleJob = { id: job.id, runId: job.runId, owner: sha.owner, repo: sha.repo, name: job.name, headSha: sha.sha, conclusion, status: "completed", runAttempt: attempt, log: job.template?.text ?? "all good\n" };
    gh.state.jobs.set(job.id, d);
  };
  for (const s of shas) {
    gh.state.pulls.set(s.pr, { number: s.pr, headSha: s.sha, headRef: `feature-${s.pr}`, baseRef: "main", baseSha: BASE_SHA, body: null });
    for (const j of s.jobs) register(j, s, 1, j.template ? "failure" : "success");
  }
  // A re-run is a new job (new id, next attempt): flaky causes pass this time, genuine ones fail again.
  const rerun = (ids: number[]) => {
    const runs = new Set<PlannedSha>();
    for (const id of ids) {
      const p = planned.get(id);
      const old = gh.state.jobs.get(id);
      if (!p || !old || old.runAttempt >= MAX_ATTEMPT) continue;
      const attempt = old.runAttempt + 1;
      const job: PlannedJob = { ...p.job, id: p.job.id + attempt * 1_000_000 };
      const conclusion = p.job.template?.class === "genuine" ? "failure" : "success";
      register(job, p.sha, attempt, conclusion);
      gh.state.runsInProgress.add(job.runId);
      runs.add(p.sha);
      schedule({ at: 0, event: "workflow_job", sha: p.sha, kind: { type: "job", job, status: "queued", attempt, conclusion: null } }, 20_000);
      schedule({ at: 0, event: "workflow_job", sha: p.sha, kind: { type: "job", job, status: "in_progress", attempt, conclusion: null } }, 40_000);
      schedule({ at: 0, event: "workflow_job", sha: p.sha, kind: { type: "job", job, status: "completed", attempt, conclusion: conclusion === "failure" ? "failure" : "success" } }, 180_000);
    }
    for (const s of runs) schedule({ at: 0, event: "workflow_run", sha: s, kind: { type: "run", action: "completed" } }, 182_000);
  };
  gh.route("POST /repos/:owner/:repo/actions/jobs/:id/rerun", ({ state, res, params }) => {
    const job = state.jobs.get(Number(params.id));
    if (!job) return notFound(res);
    if (state.runsInProgress.has(job.runId)) return json(res, 403, { message: "This workflow run is still in progress" });
    state.reruns.push({ owner: params.owner!, repo: params.repo!, kind: "job", id: job.id });
    json(res, 201, {});
    rerun([job.id]);
  });
  gh.route("POST /repos/:owner/:repo/actions/runs/:id/rerun-failed-jobs", ({ state, res, params }) => {
    const runId = Number(params.id);
    if (state.runsInProgress.has(runId)) return json(res, 403, { message: "This workflow run is still in progress" });
    state.reruns.push({ owner: params.owner!, repo: params.repo!, kind: "failed_jobs", id: runId });
    json(res, 201, {});
    // The latest attempt of each job name in the run, when it failed.
    const latest = new Map<string, DoubleJob>();
    for (const j of state.jobs.values()) if (j.runId === runId && (latest.get(j.name)?.runAttempt ?? 0) < j.runAttempt) latest.set(j.name, j);
    rerun([...latest.values()].filter((j) => j.conclusion === "failure").map((j) => j.id));
  });
}

/** What is wrong with the SHAs' check runs now (empty: every SHA has exactly its one right check run). */
function checkRunProblems(gh: GitHubDouble, shas: readonly PlannedSha[]): string[] {
  const problems: string[] = [];
  for (const s of shas) {
    const runs = gh.state.checkRunsFor(s.owner, s.repo, s.sha).filter((c) => c.name === "Sift");
    const where = `${s.repo}@${s.sha.slice(-8)}`;
    if (s.expected === null) {
      if (runs.length) problems.push(`${where}: ${runs.length} check run(s) for a SHA without failures`);
    } else if (runs.length !== 1) problems.push(`${where}: ${runs.length} Sift check runs`);
    else if (runs[0]!.status !== "completed") problems.push(`${where}: still ${runs[0]!.status}`);
    else if (runs[0]!.conclusion !== s.expected) problems.push(`${where}: ${runs[0]!.conclusion}, expected ${s.expected}`);
  }
  return problems;
}

/** For each failing SHA: from its due time (last failure answered + cool-off) to the first write completing its Sift check run. */
function dueToReport(gh: GitHubDouble, lastFailure: Map<string, number>, coolOffMs: number): number[] {
  const completedAt = new Map<string, number>();
  for (const r of gh.state.requests) {
    const body = r.body as { head_sha?: string; conclusion?: string; name?: string } | undefined;
    if (!body?.conclusion || !/\/check-runs(?:\/\d+)?$/.test(r.path)) continue;
    const id = /\/check-runs\/(\d+)$/.exec(r.path)?.[1];
    const sha = body.head_sha ?? (id ? gh.state.checkRuns.get(Number(id))?.head_sha : undefined);
    const due = sha ? lastFailure.get(sha) : undefined;
    if (sha && due !== undefined && r.at >= due && !completedAt.has(sha)) completedAt.set(sha, r.at - due - coolOffMs);
  }
  return [...completedAt.values()].sort((a, b) => a - b);
}

async function replayDay(replicas: number): Promise<Outcome> {
  const { shas, deliveries } = planDay(SIZE, logTemplates);
  const gh = await startGitHubDouble();
  const database = await createPostgresDatabase();
  const reactive: PlannedDelivery[] = [];
  let t0 = 0;
  const dayNow = () => (performance.now() - t0) * SPEED;
  const schedule = (d: PlannedDelivery, afterDayMs: number) => {
    const at = dayNow() + afterDayMs;
    let i = reactive.length;
    while (i > 0 && reactive[i - 1]!.at > at) i--;
    reactive.splice(i, 0, { ...d, at });
  };
  seedDouble(gh, shas, schedule);
  const servers: BenchServer[] = [];
  try {
    const envFor = { DATABASE_URL: database.url, SIFT_COOL_OFF_SECONDS: String(coolOffSeconds), SIFT_MAX_WAIT_SECONDS: String(Math.max(2, Math.round(900 / SPEED))) };
    servers.push(...(await Promise.all(Array.from({ length: replicas }, () => startBenchServer(gh, SECRET, envFor)))));
    const latencies: number[] = [];
    let non2xx = 0;
    let resent = 0;
    let sent = 0;
    let sentReactive = 0;
    let lastSend = 0;
    const chains = new Map<string, Promise<void>>();
    const lastFailure = new Map<string, number>();
    const inflight = new Set<Promise<void>>();

    const post = async (d: PlannedDelivery) => {
      if (d.kind.type === "run") {
        if (d.kind.action === "requested") gh.state.runsInProgress.add(d.sha.runId);
        else gh.state.runsInProgress.delete(d.sha.runId);
      }
      const body = JSON.stringify(payloadOf(d, new Date()));
      const server = servers[sent++ % servers.length]!;
      const headers = { "content-type": "application/json", "x-github-event": d.event, "x-github-delivery": `day-${sent}`, "x-hub-signature-256": signBody(SECRET, body) };
      const started = performance.now();
      const send = () => fetch(`${server.base}/api/github/webhooks`, { method: "POST", headers, body });
      // A keep-alive socket the server closed as the request left: resend, as GitHub would redeliver.
      const res = await send().catch(() => (resent++, send()));
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (d.kind.type === "job" && d.kind.attempt === 1 && d.kind.conclusion === "failure") lastFailure.set(d.sha.sha, Date.now());
      lastSend = performance.now();
      if (res.status < 200 || res.status > 299) non2xx++;
    };
    const dispatch = (d: PlannedDelivery) => {
      const p = (chains.get(d.sha.sha) ?? Promise.resolve()).then(() => post(d)).catch(() => void non2xx++);
      chains.set(d.sha.sha, p);
      inflight.add(p);
      void p.finally(() => inflight.delete(p));
    };

    // Replay: each delivery at its time of day / SPEED, at most CONCURRENCY in flight, in order per SHA.
    console.log(`day, ${replicas} replica(s): ${deliveries.length} planned deliveries, ${shas.length} SHAs (${shas.filter((s) => s.expected).length} failing) in ${SIZE.repos} repositories, at ${SPEED}× (${(DAY_MS / SPEED / 1000).toFixed(0)} s)`);
    t0 = performance.now();
    let next = 0;
    let drainDeadline = Number.POSITIVE_INFINITY;
    let settledSince = 0;
    let drainStarted = 0;
    for (;;) {
      const head = deliveries[next];
      const early = reactive[0];
      const d = head && (!early || head.at <= early.at) ? head : early;
      const now = performance.now();
      if (d && t0 + d.at / SPEED <= now) {
        if (inflight.size >= CONCURRENCY) {
          await Promise.race(inflight);
          continue;
        }
        if (d === head) next++;
        else {
          reactive.shift();
          sentReactive++;
        }
        dispatch(d);
        continue;
      }
      if (next >= deliveries.length && drainDeadline === Number.POSITIVE_INFINITY) {
        drainStarted = now;
        drainDeadline = now + DRAIN_MS;
      }
      if (next >= deliveries.length) {
        const quiet = reactive.length === 0 && inflight.size === 0 && checkRunProblems(gh, shas).length === 0;
        settledSince = quiet ? settledSince || now : 0;
        if ((settledSince && now - settledSince >= SETTLE_MS) || now > drainDeadline) break;
        await sleep(d ? Math.min(250, Math.max(1, t0 + d.at / SPEED - now)) : 250);
        continue;
      }
      await sleep(Math.min(50, Math.max(1, t0 + (d?.at ?? 0) / SPEED - now)));
    }
    await Promise.allSettled([...inflight]);
    const due = (await Promise.all(servers.map((s) => scrapeHistogram(`${s.base}/metrics`, "sift_due_to_report_seconds")))).reduce((a, b) => a.add(b));
    const peakRssMb = servers.map((s) => s.peakRssMb());
    const failingShas = shas.filter((s) => s.expected).length;
    return {
      replicas,
      sent,
      reactive: sentReactive,
      replaySeconds: (lastSend - t0) / 1000,
      non2xx,
      resent,
      latencies: latencies.sort((a, b) => a - b),
      due,
      dueToReport: dueToReport(gh, lastFailure, coolOffSeconds * 1000),
      peakRssMb,
      calls: githubCallKinds(gh.state.requests),
      failingShas,
      shas: shas.length,
      wrong: checkRunProblems(gh, shas),
      drainSeconds: (performance.now() - drainStarted) / 1000,
      retries: await retryCounts(database.url),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop().catch(() => {})));
    await gh.close();
    await database.drop();
  }
}

function report(o: Outcome): void {
  const callsTotal = Object.values(o.calls).reduce((a, b) => a + b, 0);
  const perSha = (n: number) => (n / o.failingShas).toFixed(2);
  console.log(`day, ${o.replicas} replica(s): sent ${o.sent} deliveries (${o.reactive} of them re-run attempts) in ${o.replaySeconds.toFixed(0)} s: ${(o.sent / o.replaySeconds).toFixed(1)} deliveries/s; non-2xx ${o.non2xx}, resent after a socket error ${o.resent}`);
  console.log(`  webhook response: p50 ${quantile(o.latencies, 0.5).toFixed(1)} ms, p99 ${quantile(o.latencies, 0.99).toFixed(1)} ms, max ${quantile(o.latencies, 1).toFixed(0)} ms`);
  const q = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : "> 60 s (the histogram's last bound)");
  console.log(`  due → report (sift_due_to_report_seconds, ${o.due.count} reports): p50 ${q(histogramQuantile(o.due, 0.5))}, p99 ${q(histogramQuantile(o.due, 0.99))}, mean ${(o.due.sum / Math.max(1, o.due.count)).toFixed(2)} s`);
  console.log(`  due → completed check run (client side, ${o.dueToReport.length} SHAs): p50 ${(quantile(o.dueToReport, 0.5) / 1000).toFixed(1)} s, p99 ${(quantile(o.dueToReport, 0.99) / 1000).toFixed(1)} s, max ${(quantile(o.dueToReport, 1) / 1000).toFixed(1)} s`);
  console.log(`  peak RSS: ${o.peakRssMb.map((m) => `${m.toFixed(0)} MB`).join(", ")}`);
  console.log(`  GitHub calls: ${callsTotal} (${perSha(callsTotal)} per failing SHA): ${Object.entries(o.calls).map(([k, n]) => `${k} ${perSha(n)}`).join(", ")}`);
  console.log(`  Sift's re-runs: ${Object.entries(o.retries).map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`);
  console.log(`  drained ${o.drainSeconds.toFixed(0)} s after the last planned delivery`);
  console.log(`  check runs: ${o.wrong.length === 0 ? `every one of ${o.shas} SHAs right (${o.failingShas} with exactly one Sift check run of the expected conclusion, the rest none)` : `${o.wrong.length} WRONG, e.g. ${o.wrong.slice(0, 5).join("; ")}`}`);
  if (o.wrong.length || o.non2xx) process.exitCode = 1;
}

export async function runDayBench(): Promise<void> {
  checkTemplates(logTemplates);
  for (const n of (process.env.BENCH_DAY_REPLICAS ?? "1,2").split(",").map(Number)) report(await replayDay(n));
}
