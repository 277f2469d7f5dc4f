// Benchmark: `sift classify` against `grep -E -c -f` and `rg -c -f` on a ~200 MB raw GitHub
// Actions log (timestamps and ANSI included; the other tools get it with timestamps stripped),
// every pattern whole-log, whole processes timed. Then peak memory of sift on a 1 GB log.
// Targets (issue 4): sift ≥ 1.5× grep's throughput and ≥ ripgrep's; peak RSS < 200 MB at 1 GB.
import { spawnSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchCorpusDir as corpusDir } from "./corpus.js";
import type { PatternInput } from "../../src/config/schema.js";
import { acceptedBy, benchPatterns, toEre } from "./patterns.js";

const MB = 1024 * 1024;
const SIFT = fileURLToPath(new URL("../../src/cli/sift.js", import.meta.url));
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z ?/gm;

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
  rssMb: number;
  status: number | null;
  stdout: string;
}

/** A tool slower than this is stopped and reported as "> limit". */
const LIMIT_SECONDS = 60;

function timed(cmd: string, args: string[]): Run {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", "timeout", String(LIMIT_SECONDS), cmd, ...args], { encoding: "utf8", maxBuffer: 64 * MB });
  const last = r.stderr.trim().split("\n").pop() ?? "";
  const [seconds, kb] = last.split(" ").map(Number);
  return { seconds: r.status === 124 ? Number.POSITIVE_INFINITY : (seconds ?? Number.NaN), rssMb: (kb ?? Number.NaN) / 1024, status: r.status, stdout: r.stdout };
}

/** Median of three runs (one run when the tool hit the time limit). */
function median(cmd: string, args: string[]): Run {
  const first = timed(cmd, args);
  if (!Number.isFinite(first.seconds)) return first;
  const runs = [first, timed(cmd, args), timed(cmd, args)];
  return runs.sort((a, b) => a.seconds - b.seconds)[1] as Run;
}

function have(tool: string): boolean {
  return spawnSync(tool, ["--version"], { stdio: "ignore" }).status === 0;
}

function compare(dir: string, label: string, patterns: readonly PatternInput[], raw: string, rawBytes: number, stripped: string, strippedBytes: number): string {
  const config = join(dir, `sift-${patterns.length}.yml`);
  writeFileSync(config, JSON.stringify({ builtins: false, patterns, log: { max_bytes: 256 * MB } })); // the most log.max_bytes allows
  const sources = patterns.map((p) => p.regex);
  const ere = acceptedBy("grep", sources.map(toEre).filter((s): s is string => s !== undefined));
  const rust = acceptedBy("rg", sources);
  writeFileSync(join(dir, "grep.txt"), `${ere.join("\n")}\n`);
  writeFileSync(join(dir, "rg.txt"), `${rust.join("\n")}\n`);
  console.log(`\n### ${label}: ${patterns.length} patterns (grep -E could take ${ere.length}, rg ${rust.length})`);
  const sift = median("node", [SIFT, "classify", "--json", "--config", config, raw]);
  const grep = median("grep", ["-E", "-c", "-f", join(dir, "grep.txt"), stripped]);
  const rg = median("rg", ["-c", "-f", join(dir, "rg.txt"), stripped]);
  const rate = (bytes: number, r: Run) => bytes / MB / r.seconds;
  const show = (r: Run) => (Number.isFinite(r.seconds) ? r.seconds.toFixed(2) : `>${LIMIT_SECONDS}`);
  console.log("tool                       seconds   MiB/s   peak RSS MiB");
  for (const [name, bytes, r] of [["sift classify (raw log)", rawBytes, sift], ["grep -E -c -f (stripped)", strippedBytes, grep], ["rg -c -f (stripped)", strippedBytes, rg]] as const) {
    console.log(`${name.padEnd(26)} ${show(r).padStart(7)} ${rate(bytes, r).toFixed(0).padStart(7)} ${r.rssMb.toFixed(0).padStart(10)}`);
  }
  const vsGrep = rate(rawBytes, sift) / rate(strippedBytes, grep);
  const vsRg = rate(rawBytes, sift) / rate(strippedBytes, rg);
  console.log(`sift/grep throughput ${vsGrep.toFixed(2)}× (target ≥ 1.5×: ${vsGrep >= 1.5 ? "met" : "MISSED"}); sift/rg ${vsRg.toFixed(2)}× (target ≥ 1×: ${vsRg >= 1 ? "met" : "MISSED"})`);
  if (sift.status !== 0) console.log(`sift exited ${sift.status}`);
  console.log(`sift verdict: ${sift.stdout.trim().slice(0, 160)}`);
  return config;
}

export async function runClassifyBench(): Promise<void> {
  for (const tool of ["grep", "rg", "/usr/bin/time"]) if (!have(tool)) throw new Error(`${tool} is needed for the classify benchmark (apt-get install ripgrep time)`);
  const dir = mkdtempSync(join(tmpdir(), "sift-bench-"));
  try {
    const raw = join(dir, "raw.log");
    const stripped = join(dir, "stripped.log");
    const rawBytes = makeLog(raw, 200 * MB, stripped);
    const strippedBytes = statSync(stripped).size;
    spawnSync("cat", [raw, stripped], { stdio: "ignore" }); // warm the page cache for everyone
    console.log(`log: ${(rawBytes / MB).toFixed(0)} MiB raw (sift), ${(strippedBytes / MB).toFixed(0)} MiB without timestamps (grep, rg)`);
    const all = benchPatterns();
    const config = compare(dir, "built-ins + pytorch ruleset", all, raw, rawBytes, stripped, strippedBytes);
    compare(dir, "pytorch ruleset only", all.filter((p) => p.id.startsWith("pytorch.")), raw, rawBytes, stripped, strippedBytes);
    rmSync(stripped);

    const big = join(dir, "big.log");
    const bigBytes = makeLog(big, 1024 * MB);
    const one = timed("node", [SIFT, "classify", "--json", "--config", config, big]);
    console.log(`1 GiB log (${(bigBytes / MB).toFixed(0)} MiB, its last 256 MiB read: log.max_bytes' maximum): sift ${one.seconds.toFixed(2)} s, peak RSS ${one.rssMb.toFixed(0)} MiB (target < 200) ${one.rssMb < 200 ? "met" : "MISSED"}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
