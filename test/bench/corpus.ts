// The corpus path for benchmarks, which run compiled from dist/ (test/helpers/corpus.ts assumes
// the source tree): walk up to the repository root, then ../shared/corpus beside it.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export function benchCorpusDir(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "sift") {
      const corpus = resolve(dir, "../shared/corpus");
      if (!existsSync(corpus)) throw new Error(`${corpus} not found: the benchmarks need the shared corpus`);
      return corpus;
    }
  }
  throw new Error("repository root (package.json of sift) not found above the benchmark");
}
