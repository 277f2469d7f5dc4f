// Runs the built `sift` CLI as users do, optionally with standard input, with its config cache
// in a folder of the test's choosing (never the user's ~/.cache).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";

export const SIFT = resolve(import.meta.dirname, "../../dist/src/cli/sift.js");

export interface SiftRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runSift(args: string[], options: { cacheDir: string; input?: Buffer; env?: Record<string, string> }): Promise<SiftRun> {
  if (!existsSync(SIFT)) throw new Error(`${SIFT} not found: run \`npm run build\` first (npm test does)`);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [SIFT, ...args], {
      env: { ...process.env, SIFT_CACHE_DIR: options.cacheDir, ...options.env },
      stdio: [options.input ? "pipe" : "ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (b: Buffer) => out.push(b));
    child.stderr?.on("data", (b: Buffer) => err.push(b));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    if (options.input) {
      child.stdin?.on("error", () => {}); // a child that exits early closes the pipe: its exit code says why
      child.stdin?.end(options.input);
    }
  });
}

export const jsonLines = (stdout: string) => stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
