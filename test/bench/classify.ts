// Benchmark (issue 10 §3): `sift classify` against `grep -E -c -f` and `rg -c -f` in one run, on a
// ~200 MiB raw GitHub Actions log (timestamps and ANSI included; the other tools get it with
// timestamps stripped) and 122 patterns (the pytorch ruleset's 102 rules + 20 built-in
// infrastructure patterns), every pattern whole-log, whole processes timed. Then start-up (each
// tool on a one-line log; bare `node` as the floor) and peak memory of sift on a 1 GiB log.
// Targets: sift ≥ 1.5× grep's throughput and ≥ ripgrep's; start-up < 80 ms above bare node;
// peak RSS < 200 MiB at 1 GiB. Env: BENCH_RUNS (default 5): runs per figure, best and median shown
// (other work shares the machine).
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCorpusDir as corpusDir } from "./corpus.js";
import { acceptedBy, benchPatterns, toEre } from "./patterns.js";

const MB = 1024 * 1024;
const SIFT = fileURLToPath(new URL("../../src/cli/sift.js", import.meta.url));
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/gm;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** A tool slower than this is stopped and reported as "> limit" (once, not repeated). */
const LIMIT_SECONDS = 60;

function ghaLogs(): Buffer[] {
  const out: Buffer[] = [];
  for (const folder of ["genuine", "infra", "flaky-test", "unknown"]) {
    const dir = join(corpusDir(), "logs", folder);
    for (const f of readdirSync(dir)) if (f.startsWith("gha-") && f.endsWith(".raw.log")) out.push(readFileSync(join(dir, f)));
  }
  return out;
}

/** Writes ≥ bytes of raw log (corpus GitHub Actions logs end to end) and, optionally, the stripped copy. */
function makeLog(path: string, bytes: number, strippedPath?: string): number {
  const logs = ghaLogs();
  const stripped = logs.map((b) => Buffer.from(b.toString("utf8").replace(TIMESTAMP, ""), "utf8"));
  const fd = openSync(path, "w");
  const sfd = strippedPath ? openSync(strippedPath, "w") : undefined;
  let written = 0;
  for (let i = 0; written < bytes; i = (i + 1) % logs.length) {
    written += writeSync(fd, logs[i] as Buffer);
    if (sfd !== undefined) writeSync(sfd, stripped[i] as Buffer);
  }
  closeSync(fd);
  if (sfd !== undefined) closeSync(sfd);
  return written;
}

interface Run {
  seconds: number;
  /** User + system CPU seconds, all threads. */
  cpu: number;
  rssMb: number;
  status: number | null;
  stdout: string;
}

function timed(cmd: string, args: string[], env?: NodeJS.ProcessEnv): Run {
  const started = performance.now();
  const r = spawnSync("/usr/bin/time", ["-f", "%M %U %S", "timeout", String(LIMIT_SECONDS), cmd, ...args], { encoding: "utf8", maxBuffer: 64 * MB, env: env ?? process.env });
  const seconds = (performance.now() - started) / 1000;
  const [kb, user, system] = (r.stderr.trim().split("\n").pop() ?? "").split(" ").map(Number);
  const out = r.status === 124;
  return { seconds: out ? Number.POSITIVE_INFINITY : seconds, cpu: out ? Number.POSITIVE_INFINITY : (user ?? NaN) + (system ?? NaN), rssMb: (kb ?? NaN) / 1024, status: r.status, stdout: r.stdout };
}

interface Series {
  best: Run;
  median: Run;
  runs: number;
}

function series(runs: number, run: () => Run): Series {
  const first = run();
  if (!Number.isFinite(first.seconds)) return { best: first, median: first, runs: 1 };
  const all = [first, ...Array.from({ length: runs - 1 }, run)].sort((a, b) => a.seconds - b.seconds);
  return { best: all[0] as Run, median: all[Math.floor((all.length - 1) / 2)] as Run, runs: all.length };
}

type Command = readonly [string, readonly string[]];

/**
 * Wall time of short commands without wrappers (start-up), in ms: best and median. The commands
 * take turns, so a busy moment of a shared machine falls on all of them alike.
 */
function startups(commands: readonly Command[], env?: NodeJS.ProcessEnv): { best: number; median: number }[] {
  const times = commands.map(() => [] as number[]);
  for (let round = 0; round < Math.max(RUNS, 9); round++) {
    commands.forEach(([cmd, args], i) => {
      const t = performance.now();
      spawnSync(cmd, args, { stdio: "ignore", env: env ?? process.env });
      times[i]?.push(performance.now() - t);
    });
  }
  return times.map((ms) => {
    ms.sort((a, b) => a - b);
    return { best: ms[0] as number, median: ms[Math.floor((ms.length - 1) / 2)] as number };
  });
}

function have(tool: string): boolean {
  return spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
}

/** ripgrep's `\b` is Unicode-aware, and its fast engine gives up on it in non-ASCII text; this is its ASCII form. */
const asciiWordBoundaries = (source: string) => source.replace(/(?<!\\)((?:\\\\)*)\\b/g, "$1(?-u:\\b)");

const secs = (r: Run) => (Number.isFinite(r.seconds) ? r.seconds.toFixed(2) : `>${LIMIT_SECONDS}`);
const rate = (bytes: number, r: Run) => bytes / MB / r.seconds;
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

export async function runClassifyBench(): Promise<void> {
  for (const tool of ["grep", "rg", "/usr/bin/time", "timeout"]) if (!have(tool)) throw new Error(`${tool} is needed for the classify benchmark (apt-get install ripgrep time)`);
  const dir = mkdtempSync(join(tmpdir(), "sift-bench-"));
  const env = { ...process.env, SIFT_CACHE_DIR: join(dir, "cache") };
  try {
    const raw = join(dir, "raw.log");
    const stripped = join(dir, "stripped.log");
    const one = join(dir, "one.log");
    writeFileSync(one, "2024-01-01T00:00:00.0000000Z hello\n");
    const rawBytes = makeLog(raw, 200 * MB, stripped);
    const strippedBytes = statSync(stripped).size;
    spawnSync("cat", [raw, stripped], { stdio: "ignore" }); // warm the page cache for everyone

    const patterns = benchPatterns();
    const config = join(dir, "sift.json");
    writeFileSync(config, JSON.stringify({ builtins: false, patterns, log: { max_bytes: 256 * MB } })); // the most log.max_bytes allows
    const sources = patterns.map((p) => p.regex);
    const ere = acceptedBy("grep", sources.map(toEre).filter((s): s is string => s !== undefined));
    const rust = acceptedBy("rg", sources);
    writeFileSync(join(dir, "grep.txt"), `${ere.join("\n")}\n`);
    writeFileSync(join(dir, "rg.txt"), `${rust.join("\n")}\n`);
    writeFileSync(join(dir, "rg-ascii.txt"), `${rust.map(asciiWordBoundaries).join("\n")}\n`);
    const pytorch = patterns.filter((p) => p.id.startsWith("pytorch.")).length;
    console.log(`patterns: ${patterns.length} (${pytorch} pytorch ruleset + ${patterns.length - pytorch} built-in infrastructure), whole-log; grep -E could take ${ere.length}, rg ${rust.length}`);
    console.log(`log: ${(rawBytes / MB).toFixed(0)} MiB raw (sift), ${(strippedBytes / MB).toFixed(0)} MiB without timestamps (grep, rg); ${RUNS} runs per figure: best / median; the machine may be shared`);

    const coldStart = startups([["node", [SIFT, "classify", "--config", config, one]]], { ...env, SIFT_CACHE_DIR: "" })[0] as { best: number; median: number };
    const siftArgs = ["classify", "--json", "--config", config];
    const tools = [
      { name: "sift classify (raw log)", bytes: rawBytes, cmd: "node", args: [SIFT, ...siftArgs, raw], start: ["node", [SIFT, ...siftArgs, one]] },
      { name: `grep -E -c -f (${ere.length} patterns)`, bytes: strippedBytes, cmd: "grep", args: ["-E", "-c", "-f", join(dir, "grep.txt"), stripped], start: ["grep", ["-E", "-c", "-f", join(dir, "grep.txt"), one]] },
      { name: "rg -c -f", bytes: strippedBytes, cmd: "rg", args: ["-c", "-f", join(dir, "rg.txt"), stripped], start: ["rg", ["-c", "-f", join(dir, "rg.txt"), one]] },
      { name: "rg -c -f, \\b as (?-u:\\b)", bytes: strippedBytes, cmd: "rg", args: ["-c", "-f", join(dir, "rg-ascii.txt"), stripped], start: ["rg", ["-c", "-f", join(dir, "rg-ascii.txt"), one]] },
    ] as const;
    const starts = startups([["node", ["-e", "0"]], ...tools.map((t) => t.start as Command)], env);
    const node = starts[0] as { best: number; median: number };
    const results = tools.map((t, i) => ({ ...t, ...series(RUNS, () => timed(t.cmd, [...t.args], env)), startup: starts[i + 1] as { best: number; median: number } }));
    const sift = results[0] as (typeof results)[number];

    const f = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
    // A tool stopped at the limit ran at most bytes / limit: sift's ratio is at least the one shown.
    const bound = (r: Run) => (Number.isFinite(r.seconds) ? r : { ...r, seconds: LIMIT_SECONDS, cpu: LIMIT_SECONDS });
    const ratioOf = (a: number, x: number) => (x === Number.POSITIVE_INFINITY ? ">" : "") + f(a, 2);
    console.log("\n| tool | wall s (best / median) | MiB/s (best / median) | sift ÷ tool, throughput (best / median) | CPU s (median run) | peak RSS MiB | start-up ms (best / median) |");
    console.log("|---|---:|---:|---:|---:|---:|---:|");
    const ratios = new Map<string, { best: number; median: number }>();
    for (const r of results) {
      const ratio = { best: rate(sift.bytes, sift.best) / rate(r.bytes, bound(r.best)), median: rate(sift.bytes, sift.median) / rate(r.bytes, bound(r.median)) };
      ratios.set(r.name, ratio);
      const shown = r === sift ? "1" : `${ratioOf(ratio.best, r.best.seconds)}× / ${ratioOf(ratio.median, r.median.seconds)}×`;
      const speed = Number.isFinite(r.best.seconds) ? `${f(rate(r.bytes, r.best))} / ${f(rate(r.bytes, r.median))}` : `<${f(rate(r.bytes, bound(r.best)), 1)}`;
      console.log(`| ${r.name} | ${secs(r.best)} / ${secs(r.median)} | ${speed} | ${shown} | ${Number.isFinite(r.median.cpu) ? r.median.cpu.toFixed(2) : `>${LIMIT_SECONDS}`} | ${f(r.median.rssMb)} | ${f(r.startup.best)} / ${f(r.startup.median)} |`);
    }
    console.log(`| node -e 0 (floor) | | | | | | ${f(node.best)} / ${f(node.median)} |`);
    if (sift.median.status !== 0) console.log(`sift exited ${sift.median.status}`);
    console.log(`\nsift verdict: ${sift.median.stdout.trim().slice(0, 160)}`);

    const vsGrep = ratios.get(tools[1].name) as { best: number; median: number };
    const vsRg = ratios.get(tools[2].name) as { best: number; median: number };
    const vsRgAscii = ratios.get(tools[3].name) as { best: number; median: number };
    const over = { best: sift.startup.best - node.best, median: sift.startup.median - node.median };
    const rg = results[2] as (typeof results)[number];
    console.log(`\ntarget sift ≥ 1.5× grep: ${verdict(vsGrep.median >= 1.5)} (${f(vsGrep.best, 2)}× best, ${f(vsGrep.median, 2)}× median)`);
    console.log(`target sift ≥ 1× rg: ${verdict(vsRg.median >= 1)} (${ratioOf(vsRg.best, rg.best.seconds)}× / ${ratioOf(vsRg.median, rg.median.seconds)}×); against rg with ASCII \\b: ${verdict(vsRgAscii.median >= 1)} (${f(vsRgAscii.best, 2)}× / ${f(vsRgAscii.median, 2)}×)`);
    console.log(`target start-up < node + 80 ms: ${verdict(over.median < 80)} (+${f(over.best)} ms best, +${f(over.median)} ms median; cold config cache: ${f(coldStart.best)} / ${f(coldStart.median)} ms)`);
    rmSync(stripped);

    const big = join(dir, "big.log");
    const bigBytes = makeLog(big, 1024 * MB);
    const gib = timed("node", [SIFT, ...siftArgs, big], env);
    console.log(`target peak RSS < 200 MiB on a 1 GiB log (${f(bigBytes / MB)} MiB; its last 256 MiB read, log.max_bytes' maximum): ${verdict(gib.rssMb < 200)} (${f(gib.rssMb)} MiB, ${secs(gib)} s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
