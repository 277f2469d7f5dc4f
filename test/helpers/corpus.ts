// The shared corpus of real CI logs lives beside the repository (never copied into it).
// Tests that need it fail loudly when it is missing: CI has it, so a skip would hide a gap.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export function corpusDir(): string {
  const dir = resolve(repoRoot, "../shared/corpus");
  if (!existsSync(dir)) throw new Error("../shared/corpus not found: corpus tests need it");
  return dir;
}

/** Log files (not ground-truth sidecars) of one corpus folder, e.g. "genuine" or "infra", as paths. */
export function corpusLogs(folder: string): string[] {
  const dir = join(corpusDir(), "logs", folder);
  return readdirSync(dir)
    .filter((f) => !f.endsWith(".groundtruth.txt") && f !== "PROVENANCE.md")
    .sort()
    .map((f) => join(dir, f));
}

/** A corpus file as text (UTF-8, invalid bytes replaced). */
export function readCorpusFile(path: string): string {
  return readFileSync(path).toString("utf8");
}
