// Custom statistics read from logs: last match wins, numeric named groups only, on real runner output.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractStatistics, statisticNumber, statisticsFor } from "../../src/classify/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { corpusDir } from "../helpers/corpus.js";
import { readFileSync } from "node:fs";

const corpusText = (path: string) => normaliseLog(readFileSync(join(corpusDir(), "logs", path))).text;
const JEST = { id: "jest-tests", regex: "^Tests: +.*?(?P<passed>\\d+) passed, (?P<total>\\d+) total" };
const PYTEST = { id: "pytest", regex: "^=+ (?P<passed>\\d+) passed.* in (?P<seconds>[\\d.]+)s" };
const values = (readings: ReturnType<typeof extractStatistics>) => readings.map((r) => `${r.statisticId}.${r.group}=${r.value}@${r.line}`);

describe("extractStatistics", () => {
  it("reads jest's test counts from real logs, the last summary of the job winning (ANSI colours cleaned away)", () => {
    const victory = corpusText("genuine/gha-victory-typescript-ts2307-annotations.raw.log");
    const readings = extractStatistics(victory, [JEST]);
    expect(readings.map((r) => [r.group, r.value])).toEqual([["passed", 834], ["total", 842]]); // not the earlier "81 passed, 81 total"
    expect(victory.split("\n")[readings[0]!.line - 1]).toMatch(/^Tests: +1 failed, 7 skipped, 834 passed, 842 total/);
    const svgo = corpusText("genuine/gha-svgo-jest-failure-ansi.raw.log");
    expect(extractStatistics(svgo, [JEST]).map((r) => [r.group, r.value])).toEqual([["passed", 431], ["total", 435]]);
  });

  it("reads pytest's count and duration from real logs", () => {
    const log = corpusText("pytorch/unittest_failed_consistently.txt");
    expect(extractStatistics(log, [PYTEST]).map((r) => [r.group, r.value])).toEqual([["passed", 303], ["seconds", 100.1]]);
    expect(extractStatistics(corpusText("pytorch/gha_timeout.txt"), [PYTEST, JEST]).map((r) => `${r.statisticId}.${r.group}=${r.value}`)).toEqual(["pytest.passed=69", "pytest.seconds=88.6"]);
  });

  it("keeps only numeric groups, one reading per group of the last match, with its line", () => {
    const log = ["build started", "bundle: 120 kB (main)", "noise", "bundle: 123 kB (main)", "bundle: big kB (vendor)", "done"].join("\n");
    const bundle = { id: "bundle", regex: "bundle: (?P<kb>\\S+) kB \\((?P<chunk>\\w+)\\)" };
    // the last match ("big", "vendor") has no number: nothing is read from it, and earlier matches do not stand in
    expect(values(extractStatistics(log, [bundle]))).toEqual([]);
    const numeric = { id: "bundle", regex: "bundle: (?P<kb>\\d+) kB" };
    expect(values(extractStatistics(log, [numeric, { id: "absent", regex: "gzip: (?P<kb>\\d+)" }]))).toEqual(["bundle.kb=123@4"]);
  });

  it("reads thousands separators, decimals, signs and exponents, and refuses the rest", () => {
    expect(["1,234", "1_000_000", "12.5", "-3", "+.5", "1e3", " 7 "].map(statisticNumber)).toEqual([1234, 1_000_000, 12.5, -3, 0.5, 1000, 7]);
    expect(["", "abc", "1.2.3", "12,34", "0x10", "Infinity", "1e999"].map(statisticNumber)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it("picks the statistics whose job globs take the job", () => {
    const all = [{ id: "a", jobs: ["build*"] }, { id: "b" }, { id: "c", jobs: ["test / *"] }];
    expect(statisticsFor(all, "Build (ubuntu)").map((s) => s.id)).toEqual(["a", "b"]);
    expect(statisticsFor(all, "test / unit (3.12)").map((s) => s.id)).toEqual(["b", "c"]);
  });

  it("stays linear on a large log with a match every line (last match wins)", () => {
    const log = Array.from({ length: 200_000 }, (_, i) => `step ${i}: took ${i} ms`).join("\n");
    const readings = extractStatistics(log, [{ id: "took", regex: "took (?P<ms>\\d+) ms" }]);
    expect(values(readings)).toEqual(["took.ms=199999@200000"]);
  });
});
