// Configuration written to hurt, through the real loading path (Probot's config plugin parses the
// YAML, Sift validates and compiles): clear problems in bounded time, and the app keeps working.
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { configFromFiles, loadConfig } from "../../src/config/index.js";
import { normaliseLog } from "../../src/logs/index.js";
import { nockRepoFile, testOctokit, useStrictNock } from "../helpers/github-nock.js";

useStrictNock();

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Billion laughs: nine levels of nine aliases, 9^9 strings once expanded, 342 bytes written. */
function aliasBomb(): string {
  let doc = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  let prev = "a";
  for (const n of "bcdefghi") {
    doc += `${n}: &${n} [${Array(9).fill(`*${prev}`).join(",")}]\n`;
    prev = n;
  }
  return doc;
}

describe("hostile configuration", () => {
  it("refuses a YAML alias bomb at once, says why, and applies no pattern (fail closed)", async () => {
    nockRepoFile("octo", "app", ".github/sift.yml", aliasBomb());
    const started = performance.now();
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(performance.now() - started).toBeLessThan(2000);
    expect(config.compiled.patterns).toEqual([]);
    expect(config.problems).toEqual([expect.objectContaining({ file: "octo/app/.github/sift.yml", message: expect.stringMatching(/could not be read .*invalid YAML.*Excessive alias count/) })]);
  });

  it("names each unknown key with where it is (and the keys it could have been)", async () => {
    nockRepoFile("octo", "app", ".github/sift.yml", ["retyr: { max_attempts: 1 }", "retry: { max_attempts: 2, budget: 3 }", "patterns:", "  - { id: p, regex: 'boom', class: flaky, colour: red }"].join("\n"));
    const config = await loadConfig(testOctokit(), "octo", "app");
    expect(config.problems).toEqual([
      { file: "octo/app/.github/sift.yml", path: "retyr", message: expect.stringMatching(/^unknown key \(known: builtins, patterns, retry, flaky_tests, evidence, backtest, log, (.*, )?notifications(, .*)?\)$/) },
      { file: "octo/app/.github/sift.yml", path: "retry.budget", message: expect.stringMatching(/^unknown key \(known: enabled, max_attempts, budget_per_hour, .*exclude_workflows\)$/) },
      { file: "octo/app/.github/sift.yml", path: "patterns[0].colour", message: expect.stringMatching(/^unknown key \(known: id, regex, class, /), patternId: "p" },
    ]);
    // A section or pattern with an unknown key is not applied (the defaults and built-ins are).
    expect(config.settings.retry.max_attempts).toBe(3);
    expect(config.compiled.patterns.map((x) => x.pattern.id)).not.toContain("p");
    expect(config.compiled.patterns.length).toBeGreaterThan(10);
  });

  it("keeps classification time flat with patterns built to be slow for RE2 (DFA blow-up, nested counted repeats, a thousand of them)", () => {
    const line = "2026-11-23T10:00:00.1234567Z abcdefghijklmnopqrstuvwxyz0123456789 the quick brown fox jumps over the lazy dog\n";
    const log = normaliseLog(Buffer.from(line.repeat(Math.floor((8 << 20) / line.length)) + "2026-11-23T10:00:00.1234567Z ##[error]Process completed with exit code 1.\n"));
    const run = (patterns: unknown[]) => {
      const { value: config, ms: compileMs } = timed(() => configFromFiles([{ owner: "o", repo: "r", path: ".github/sift.yml", config: { builtins: false, patterns } }], "o", "r"));
      const ms = Math.min(...[0, 1].map(() => timed(() => classify({ log, compiled: config.compiled })).ms));
      return { config, compileMs, ms };
    };
    const baseline = run([{ id: "plain", regex: "error [0-9]+ happened", class: "flaky" }]);
    const hostile = run([
      { id: "dfa", regex: "[a-q][^u-z]{13}x", class: "flaky" },
      { id: "nested", regex: "(?:.{0,100}){10}zzzz", class: "flaky" },
      ...Array.from({ length: 998 }, (_, i) => ({ id: `p${i}`, regex: `[a-q][^u-z]{${5 + (i % 8)}}x${i}`, class: "flaky" })),
    ]);
    expect(hostile.config.problems).toEqual([]);
    expect(hostile.config.compiled.patterns).toHaveLength(1000);
    expect(hostile.compileMs).toBeLessThan(10_000);
    expect(hostile.ms, `8 MB: ${hostile.ms.toFixed(0)} ms against ${baseline.ms.toFixed(0)} ms with one plain pattern`).toBeLessThan(Math.max(4 * baseline.ms, 3000));
  });

  it("refuses a pattern too long to be reasonable (2,000 alternatives) with its key", () => {
    const regex = `(?:${Array.from({ length: 2000 }, (_, i) => `word${i}`).join("|")}) failed`;
    const config = configFromFiles([{ owner: "o", repo: "r", path: ".github/sift.yml", config: { patterns: [{ id: "alt", regex, class: "flaky" }] } }], "o", "r");
    expect(config.compiled.patterns.map((p) => p.pattern.id)).not.toContain("alt");
    expect(config.problems).toEqual([expect.objectContaining({ path: "patterns[0].regex", message: expect.stringMatching(/2000 characters/) })]);
  });
});
