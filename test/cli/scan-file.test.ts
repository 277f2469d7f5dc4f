// The parallel scan hands out units from a shared counter: whatever thread takes which unit, the
// records must cover the range once, in file order, with the lines and hits of a one-thread scan.
// (Run against the build, as the CLI tests are: `npm run build` first.)
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtinPatterns } from "../../src/classify/builtins/index.js";
import { compilePatternSet } from "../../src/classify/index.js";
import { rawProbeSources } from "../../src/classify/raw-scan.js";
import { compileRegexSet } from "../../src/classify/regex.js";
import { scanRange, type ChunkRecord } from "../../src/cli/scan-range.js";
import { corpusLogs } from "../helpers/corpus.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sift-scan-file-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** From the build: the workers run dist/src/cli/scan-worker.js. */
const DIST_SCAN_FILE = resolve(import.meta.dirname, "../../dist/src/cli/scan-file.js");

const hitsOf = (records: ChunkRecord[]) => [...new Set(records.flatMap((r) => r.hits))].sort((a, b) => a - b);

describe("scanFile", () => {
  it("covers a 40 MB log once, in order, with the lines and hits of one thread", async () => {
    const logs = [...corpusLogs("genuine"), ...corpusLogs("infra")].filter((f) => f.endsWith(".raw.log")).map((f) => readFileSync(f));
    const file = join(dir, "big.log");
    const out = openSync(file, "w");
    for (let n = 0, i = 0; n < 40 << 20; i++) n += writeSync(out, logs[i % logs.length] as Buffer);
    closeSync(out);
    const size = statSync(file).size;
    const compiled = compilePatternSet(builtinPatterns().map((pattern) => ({ pattern, origin: "builtin" as const })));
    const sources = rawProbeSources(compiled, "github");
    const fd = openSync(file, "r");
    try {
      const one = scanRange(fd, 0, size, compileRegexSet(sources));
      const { scanFile } = (await import(DIST_SCAN_FILE)) as typeof import("../../src/cli/scan-file.js");
      const parallel = await scanFile(fd, file, 0, size, sources, 3);
      expect(parallel[0]?.start).toBe(0);
      expect(parallel[parallel.length - 1]?.end).toBe(size);
      parallel.slice(1).forEach((r, i) => expect(r.start).toBe(parallel[i]?.end));
      expect(parallel.reduce((n, r) => n + r.lines, 0)).toBe(one.reduce((n, r) => n + r.lines, 0));
      expect(hitsOf(parallel)).toEqual(hitsOf(one));
      expect(hitsOf(one).length).toBeGreaterThan(5);
    } finally {
      closeSync(fd);
    }
  }, 60_000);
});
