// Real corpus logs (../shared/corpus): classes where PROVENANCE.md makes the class clear, and the
// genuine line against the cidiff ground-truth sidecars and the pytorch fixtures' #=MATCH=# lines.
import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinPatterns } from "../../src/classify/builtins/index.js";
import { classify, compilePatternSet, type Verdict } from "../../src/classify/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { corpusLogs } from "../helpers/corpus.js";

const compiled = compilePatternSet(builtinPatterns().map((pattern) => ({ pattern, origin: "builtin" as const })));
const verdict = (raw: Buffer | string): Verdict => classify({ log: normaliseLog(raw), compiled });
const name = (f: string) => basename(f);

describe("corpus: genuine failures stay genuine", () => {
  it.each(corpusLogs("genuine").map((f) => [name(f), f]))("%s", (_n, file) => {
    const v = verdict(readFileSync(file));
    expect(v.class).toBe("genuine");
    expect(v.line).not.toBeNull();
    expect(v.matchedText).not.toMatch(/Process completed with exit code/);
  });
});

describe("corpus: infrastructure failures are not genuine", () => {
  it.each(corpusLogs("infra").map((f) => [name(f), f]))("%s", (_n, file) => {
    const v = verdict(readFileSync(file));
    expect(v.class).not.toBe("genuine");
    expect(v.line).not.toBeNull();
  });
});

/** cidiff sidecars: the "E a-b" line ranges (the error message) of the raw log. */
function groundTruth(file: string): [number, number][] {
  return readFileSync(file, "utf8")
    .split("\n")
    .slice(1)
    .filter((l) => /^E /.test(l)) // the error lines themselves, not their context ("C")
    .map((l) => {
      const [a, b] = l.slice(2).split("-").map(Number);
      return [a as number, (b ?? a) as number];
    });
}

describe("corpus: the line a human points at (cidiff ground truth)", () => {
  const withTruth = ["genuine", "infra"].flatMap(corpusLogs).filter((f) => existsSync(`${f}.groundtruth.txt`));
  it("has sidecars", () => expect(withTruth.length).toBe(5));
  it.each(withTruth.map((f) => [name(f), f]))("%s", (_n, file) => {
    const v = verdict(readFileSync(file));
    const ranges = groundTruth(`${file}.groundtruth.txt`);
    expect(ranges.some(([a, b]) => (v.line as number) >= a && (v.line as number) <= b), `line ${v.line} not in ${JSON.stringify(ranges)}`).toBe(true);
  });
});

describe("corpus: pytorch fixtures", () => {
  const fixture = (n: string) => {
    const file = corpusLogs("pytorch").find((f) => f.endsWith(n)) as string;
    const lines = readFileSync(file, "utf8").split("\n");
    // Upstream marks its expected line in-band; strip the markers (see logs/pytorch/PROVENANCE.md).
    const match = lines.findIndex((l) => l.startsWith("#=MATCH=# "));
    const dropped = lines[0]?.startsWith("#=SOURCE=#") ? 1 : 0;
    const raw = lines
      .slice(dropped)
      .map((l) => l.replace(/^#=MATCH=# /, "").replace(/[‹›]/g, ""))
      .join("\n");
    return { raw, line: match + 1 - dropped };
  };

  it.each(["compile_error.txt", "python_importerror_name.txt"])("%s is genuine at the upstream line", (n) => {
    const { raw, line } = fixture(n);
    const v = verdict(raw);
    expect(v.class).toBe("genuine");
    expect(v.line).toBe(line);
  });

  // Upstream picks a later line for the same failure (rule priority); Sift points at its first mention.
  it.each([
    ["lint_lintrunner.txt", "Lint for benchmarks/distributed/bench_symmetric_memory_all_gather.py"],
    ["unittest_failed_consistently.txt", "test_vars_traced_correctly_under_compile_dynamic_shapes"],
    ["pytest_failures_section.txt", "TestTorchDeviceTypeCPU.test_cauchy_kstest_cpu_bfloat16"],
  ])("%s is genuine at the first line naming the same failure", (n, same) => {
    const { raw, line } = fixture(n);
    const v = verdict(raw);
    expect(v.class).toBe("genuine");
    expect(v.line).toBeLessThanOrEqual(line);
    expect(v.matchedText).toContain(same);
  });

  it.each(["gha_cancellation_shutdown.txt", "infra_osdc_pod_failure.txt", "uv_python_download_failed.txt"])("%s is not genuine", (n) => {
    expect(verdict(fixture(n).raw).class).not.toBe("genuine");
  });
});
