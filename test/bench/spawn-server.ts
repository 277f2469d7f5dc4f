// The built server (dist/src/main.js) as the benchmarks run it: one process against the GitHub
// double on loopback, JSON logs at BENCH_LOG_LEVEL (warn), reconcile off, ready once /healthz answers.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { testPrivateKey } from "../helpers/keys.js";
import type { GitHubDouble } from "../github-double/index.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = [join(here, "../../.."), join(here, "../..")].find((r) => existsSync(join(r, "dist/src/main.js")))!;

export interface BenchServer {
  base: string;
  pid: number;
  /** Peak resident memory so far (VmHWM), in MB; NaN where /proc is missing. */
  peakRssMb(): number;
  stop(): Promise<unknown>;
}

export async function startBenchServer(gh: GitHubDouble, secret: string, env: Record<string, string>): Promise<BenchServer> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn", LOG_FORMAT: "json",
    GHE_HOST: gh.host, GHE_PROTOCOL: "http", APP_ID: String(gh.state.appId), PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: secret,
    SIFT_COOL_OFF_SECONDS: "2", SIFT_RECONCILE_INTERVAL_SECONDS: "0", ...env,
  };
  const child = spawn(process.execPath, [...(process.env.BENCH_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []), join(root, "dist/src/main.js")], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: childEnv as NodeJS.ProcessEnv });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${base}/healthz`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const exited = new Promise((r) => child.on("exit", r));
  const peakRssMb = () => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
      return kb ? Number(kb) / 1024 : Number.NaN;
    } catch {
      return Number.NaN;
    }
  };
  return { base, pid: child.pid ?? 0, peakRssMb, stop: async () => (child.exitCode === null && child.kill("SIGTERM"), await exited) };
}
