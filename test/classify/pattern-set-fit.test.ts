// Patterns that compile one by one but not together as one RE2.Set (issue 11, defect 3): the ones
// that cannot join are dropped and reported as config problems; the rest, built-ins included, apply.
import { describe, expect, it } from "vitest";
import { classify } from "../../src/classify/index.js";
import { configFromFiles } from "../../src/config/load.js";
import { normaliseLog } from "../../src/logs/index.js";

// Each compiles alone within the repetition budget; forty of them do not fit in one RE2.Set.
const BIG = (i: number) => ({ id: `big-${i}`, regex: `big${i} [a-z]{1,1000}[0-9]{1,1000}`, class: "flaky" });

const repoConfig = (patterns: Record<string, unknown>[]) => configFromFiles([{ owner: "o", repo: "r", path: ".github/sift.yml", config: { patterns } }], "o", "r");

function verdictOn(config: ReturnType<typeof repoConfig>, text: string) {
  return classify({ log: normaliseLog(text), compiled: config.compiled, context: { jobName: "unit" }, signals: { conclusion: "failure" } });
}

describe("fitting patterns into one RE2.Set", () => {
  it("drops patterns that cannot join the set, reports them, and applies the others and the built-ins", () => {
    const config = repoConfig([
      { id: "mirror-down", regex: "mirror\\.example\\.org.*503", class: "flaky" },
      ...Array.from({ length: 40 }, (_, i) => BIG(i)),
      { id: "grid-down", regex: "grid is not reachable", class: "flaky" },
    ]);
    expect(config.problems.length).toBeGreaterThan(0);
    expect(config.problems[0]).toMatchObject({ file: "repo config", path: expect.stringMatching(/^patterns\[id=big-\d+\]\.regex$/), message: expect.stringMatching(/not together with the other patterns/) });
    const applied = config.compiled.patterns.filter((p) => p.origin === "repo").map((p) => p.pattern.id);
    expect(applied).toEqual(expect.arrayContaining(["mirror-down", "grid-down", "big-0"]));
    expect(applied.length).toBeLessThan(42);
    const reported = config.problems.flatMap((p) => (p.patternId ? [p.patternId] : (p.message.match(/big-\d+/g) ?? [])));
    for (const id of reported) expect(applied).not.toContain(id);
    expect(verdictOn(config, "fetching\nGET https://mirror.example.org/x 503\n")).toMatchObject({ class: "flaky", patternId: "mirror-down" });
    expect(verdictOn(config, "SessionNotCreatedException: grid is not reachable\n")).toMatchObject({ class: "flaky", patternId: "grid-down" });
    expect(verdictOn(config, "big0 abc123\n")).toMatchObject({ class: "flaky", patternId: "big-0" });
    expect(verdictOn(config, "npm ERR! code ECONNRESET\n")).toMatchObject({ class: "flaky" }); // a built-in
    expect(verdictOn(config, "abc\n")).toMatchObject({ class: "genuine", problems: config.problems });
  }, 90_000);

  it("refuses one pattern whose counted repetitions would take seconds to compile (45 × [a-z]{1,1000})", () => {
    const started = performance.now();
    const config = repoConfig([{ id: "chain", regex: "[a-z]{1,1000}".repeat(45), class: "flaky" }]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(config.problems).toEqual([expect.objectContaining({ path: "patterns[0].regex", message: expect.stringMatching(/counted repetitions .* add up to 45000/) })]);
  });

  it("stays bounded with a thousand patterns that do not fit together", () => {
    const patterns = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, regex: `error number ${i} [a-z]{1,1000} happened`, class: "flaky" }));
    const started = performance.now();
    const config = repoConfig(patterns);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(60);
    expect(config.problems.length).toBeGreaterThan(0);
    expect(config.problems.length).toBeLessThanOrEqual(12);
    const kept = config.compiled.patterns.filter((p) => p.origin !== "builtin").length;
    expect(kept).toBeGreaterThan(0);
    expect(verdictOn(config, "error number 0 abc happened\n")).toMatchObject({ class: "flaky", patternId: "p0" });
  }, 90_000);
});
