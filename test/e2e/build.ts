// The e2e tests run the compiled server. CI builds first (`npm run build`); locally this compiles
// when dist/ is older than src/ (one build at a time across test files: a lock directory).
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { mainJs, repoRoot } from "../helpers/spawn-sift.js";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = () => {
  try {
    return statSync(mainJs).mtimeMs >= newest(join(repoRoot, "src"));
  } catch {
    return false;
  }
};

export async function ensureBuilt(): Promise<void> {
  const lock = join(repoRoot, "dist", ".e2e-build-lock");
  mkdirSync(join(repoRoot, "dist"), { recursive: true });
  for (;;) {
    if (built()) return;
    try {
      mkdirSync(lock);
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 500)); // another test file is building
    }
  }
  try {
    if (built()) return;
    try {
      execFileSync(process.execPath, [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: repoRoot, stdio: "pipe" });
    } catch (err) {
      // tsc still emits on type errors elsewhere; the server's own files must exist and be fresh.
      if (!built()) throw new Error(`build failed: ${(err as { stdout?: Buffer }).stdout?.toString() ?? String(err)}`, { cause: err });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
