// Benchmark (issue 12 §4): a backtest of 122 patterns (the pytorch ruleset's 102 rules + 20 built-in
// infrastructure patterns, whole-log, as a repository's file) over 10,000 stored failures generated
// from the corpus logs (each kept and compressed as the classify stage keeps it, verdicts from the
// built-ins), in PGlite and PostgreSQL. Three modes: against the stored verdicts (`sift backtest`);
// against the set in force (the `Sift config` check) with current stored verdicts (their hash is the
// set's: not classified again), and with stale ones (each failure classified twice). Time, failures
// per second, peak RSS and heap. Env: BENCH_DB (pglite,postgres), BENCH_FAILURES (10000), BENCH_MODES
// (stored,current,stale).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { runBacktest } from "../../src/backtest/index.js";
import { classify } from "../../src/classify/index.js";
import { configFromFiles } from "../../src/config/index.js";
import { migrate, openDatabase, type Database } from "../../src/db/index.js";
import { failureTextOf, KEEP_ENCODING, packText } from "../../src/keep/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { createPostgresDatabase } from "../helpers/db.js";
import { benchCorpusDir } from "./corpus.js";
import { benchPatterns } from "./patterns.js";

const FAILURES = Number(process.env.BENCH_FAILURES ?? 10_000);
const MODES = (process.env.BENCH_MODES ?? "stored,current,stale").split(",");
const MiB = 1024 * 1024;
const OWNER = "bench";
const REPO = "backtest";
const VERDICT = { flaky: "flaky", "known-problem": "known_problem", genuine: "genuine" } as const;

interface Template {
  data: { encoding: string; body: Uint8Array<ArrayBuffer>; textBytes: number; fullBytes: number; firstLine: number; stepStart: number; stepEnd: number; lineCount: number; format: string; stepName: string | null; stepReason: string; truncatedHeadBytes: number };
  verdict: "flaky" | "known_problem" | "genuine";
  patternId: string;
  hash: string;
}

async function templates(): Promise<Template[]> {
  const root = join(benchCorpusDir(), "logs");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile() && !f.endsWith(".groundtruth.txt") && !f.endsWith(".md"))
    .sort();
  const compiled = configFromFiles([], OWNER, REPO).compiled;
  const out: Template[] = [];
  for (const file of files) {
    const log = normaliseLog(readFileSync(file));
    const kept = failureTextOf(log);
    const v = classify({ log, compiled, context: { jobName: "unit" }, signals: { conclusion: "failure" } });
    const { text, ...rest } = kept;
    const body = new Uint8Array(await packText(text));
    out.push({ data: { ...rest, encoding: KEEP_ENCODING, body, textBytes: Buffer.byteLength(text) }, verdict: VERDICT[v.class], patternId: v.patternId, hash: compiled.hash });
  }
  return out;
}

async function seed(db: Database, ts: Template[]): Promise<void> {
  await db.prisma.installation.create({ data: { id: 1n, accountLogin: OWNER } });
  await db.prisma.repository.create({ data: { id: 1n, installationId: 1n, owner: OWNER, name: REPO } });
  const now = Date.now();
  for (let from = 0; from < FAILURES; from += 500) {
    const n = Math.min(500, FAILURES - from);
    const ids = Array.from({ length: n }, (_, i) => from + i + 1);
    const at = (id: number) => new Date(now - (id % (29 * 24)) * 3600_000);
    await db.prisma.job.createMany({ data: ids.map((id) => ({ id, repositoryId: 1n, provider: "actions" as const, externalId: String(id), headSha: id.toString(16).padStart(40, "0"), name: `job-${id % 40}`, status: "completed", conclusion: "failure" })) });
    await db.prisma.classification.createMany({ data: ids.map((id) => { const t = ts[id % ts.length]!; return { jobId: id, verdict: t.verdict, patternId: t.patternId, reason: "bench", patternSetHash: t.hash, createdAt: at(id), updatedAt: at(id) }; }) });
    await db.prisma.failureText.createMany({ data: ids.map((id) => ({ jobId: id, repositoryId: 1n, ...ts[id % ts.length]!.data, createdAt: at(id) })) });
  }
}

async function measure(name: string, db: Database, ts: Template[]): Promise<void> {
  let started = performance.now();
  await seed(db, ts);
  console.log(`${name}: ${FAILURES} stored failures from ${ts.length} corpus logs seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const candidate = configFromFiles([{ owner: OWNER, repo: REPO, path: ".github/sift.yml", config: { patterns: benchPatterns() } }], OWNER, REPO);
  const baseline = configFromFiles([], OWNER, REPO).compiled;
  console.log(`${name}: ${candidate.compiled.patterns.filter((p) => p.origin === "repo").length} repo patterns (+ built-ins); problems: ${candidate.problems.length}`);
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  const modes = (["stored verdicts", "patterns in force", "patterns in force, verdicts stale"] as const).filter((_, i) => MODES.includes(["stored", "current", "stale"][i]!));
  for (const mode of modes) {
    // stale: the stored verdicts were made with another set, so the baseline classifies every failure again
    if (mode.endsWith("stale")) await db.prisma.classification.updateMany({ data: { patternSetHash: "stale" } });
    global.gc?.();
    const base = process.memoryUsage();
    let peakRss = base.rss;
    let peakHeap = base.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    started = performance.now();
    const r = await runBacktest(db.prisma, candidate.compiled, { since, maxMs: Infinity, ...(mode === "stored verdicts" ? {} : { baseline }) });
    const s = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const dangerous = r.changes.filter((c) => c.old.class === "genuine" && c.new.class !== "genuine").length;
    console.log(
      `${name}, against the ${mode}: ${r.examined} failures in ${s.toFixed(1)} s (${(r.examined / s).toFixed(0)}/s), ${r.changes.length} changes (${dangerous} genuine → other), ` +
        `peak RSS ${(peakRss / MiB).toFixed(0)} MiB (+${((peakRss - base.rss) / MiB).toFixed(0)}), peak heap ${(peakHeap / MiB).toFixed(0)} MiB`,
    );
  }
}

export async function runBacktestBench(): Promise<void> {
  const ts = await templates();
  const kinds = (process.env.BENCH_DB ?? "pglite,postgres").split(",");
  if (kinds.includes("pglite")) {
    const db = await openDatabase({ memory: true });
    await migrate(db.sql);
    await measure("PGlite", db, ts).finally(() => db.close());
  }
  if (kinds.includes("postgres")) {
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
    try {
      await migrate(db.sql);
      await measure("PostgreSQL", db, ts);
    } finally {
      await db.close();
      await created.drop();
    }
  }
}
