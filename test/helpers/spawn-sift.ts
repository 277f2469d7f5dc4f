// Runs the built server (dist/src/main.js, made by `npm run build`, which `npm test` runs first).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const mainJs = join(repoRoot, "dist", "src", "main.js");

export interface SiftProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function spawnSift(env: Record<string, string>, cwd = repoRoot): SiftProcess {
  if (!existsSync(mainJs)) throw new Error(`${mainJs} is missing: run \`npm run build\` first (npm test does)`);
  const child = spawn(process.execPath, [mainJs], {
    cwd,
    // SIFT_HISTORY_DAYS 0: the example payloads' jobs completed years ago, and the purge would take them.
    env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "info", LOG_FORMAT: "json", SIFT_HISTORY_DAYS: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => out, exited };
}

export async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function freePort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}
