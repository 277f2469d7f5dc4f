import { describe, expect, it } from "vitest";
import { mergePatternLists, mergeSettings, resolvePatterns } from "../../src/config/merge.js";
import { patternSchema } from "../../src/config/schema.js";
import { validateConfig } from "../../src/config/validate.js";

const builtins = ["b.one", "b.two", "b.three"].map((id) => patternSchema.parse({ id, regex: id, class: "flaky" }));
const layer = (raw: unknown, file = "repo") => validateConfig(raw, file);

describe("resolvePatterns", () => {
  it("orders repo, then org, then built-ins, each in file order", () => {
    const org = layer({ patterns: [{ id: "o.one", regex: "x", class: "flaky" }, { id: "o.two", regex: "y", class: "known-problem" }] }, "org");
    const repo = layer({ patterns: [{ id: "r.one", regex: "z", class: "flaky" }] });
    const out = resolvePatterns({ org, repo }, builtins);
    expect(out.map((s) => [s.pattern.id, s.origin])).toEqual([
      ["r.one", "repo"],
      ["o.one", "org"],
      ["o.two", "org"],
      ["b.one", "builtin"],
      ["b.two", "builtin"],
      ["b.three", "builtin"],
    ]);
  });

  it("combines by id: the repo's pattern replaces the org's and the built-in with that id", () => {
    const org = layer({ patterns: [{ id: "b.two", regex: "org", class: "flaky" }] }, "org");
    const repo = layer({ patterns: [{ id: "b.two", regex: "repo", class: "known-problem" }] });
    const out = resolvePatterns({ org, repo }, builtins);
    expect(out.filter((s) => s.pattern.id === "b.two")).toEqual([expect.objectContaining({ origin: "repo", pattern: expect.objectContaining({ regex: "repo" }) })]);
    expect(out).toHaveLength(3);
  });

  it("builtins: false drops the library; {disable} drops some of it; the repo's setting wins over the org's", () => {
    expect(resolvePatterns({ repo: layer({ builtins: false }) }, builtins)).toEqual([]);
    const some = resolvePatterns({ repo: layer({ builtins: { disable: ["b.one"] } }) }, builtins);
    expect(some.map((s) => s.pattern.id)).toEqual(["b.two", "b.three"]);
    const orgOff = resolvePatterns({ org: layer({ builtins: false }, "org"), repo: layer({}) }, builtins);
    expect(orgOff).toEqual([]);
    const repoOn = resolvePatterns({ org: layer({ builtins: false }, "org"), repo: layer({ builtins: true }) }, builtins);
    expect(repoOn).toHaveLength(3);
  });
});

describe("mergeSettings", () => {
  it("takes the repo's explicit keys over the org's and defaults for the rest", () => {
    const s = mergeSettings({ org: layer({ retry: { max_attempts: 5 }, log: { max_bytes: 1048576 } }, "org"), repo: layer({ retry: { max_attempts: 2 } }) });
    expect(s.retry.max_attempts).toBe(2);
    expect(s.log.max_bytes).toBe(1048576);
    expect(s.builtins).toBe(true);
  });
});

describe("mergeSettings across _extends", () => {
  it("keeps the org's keys of a section the repository sets only in part (an org's extra exclude_workflows must not be lost)", () => {
    const org = layer({ retry: { budget_per_hour: 5, exclude_workflows: ["*deploy*", "*ship*"] }, evidence: { min_flips: 3 } }, "org");
    const s = mergeSettings({ org, repo: layer({ retry: { max_attempts: 2 }, evidence: { window_days: 7 } }) });
    expect(s.retry).toEqual({ enabled: true, max_attempts: 2, budget_per_hour: 5, exclude_workflows: ["*deploy*", "*ship*"] });
    expect(s.evidence).toEqual({ enabled: true, min_flips: 3, window_days: 7 });
  });

  it("reads every file of a longer _extends chain, the nearer file winning key by key", async () => {
    const { configFromFiles } = await import("../../src/config/load.js");
    const file = (repo: string, config: Record<string, unknown>) => ({ owner: "octo", repo, path: ".github/sift.yml", config });
    const files = [
      file("app", { retry: { max_attempts: 2 } }),
      file(".github", { retry: { budget_per_hour: 7 } }),
      file("middle", { retry: { exclude_workflows: ["*ship*"] }, log: { max_bytes: 1048576 } }),
      file("base", { retry: { budget_per_hour: 1, enabled: false }, backtest: { days: 9 } }),
    ];
    const s = configFromFiles(files, "octo", "app").settings;
    expect(s.retry).toEqual({ enabled: false, max_attempts: 2, budget_per_hour: 7, exclude_workflows: ["*ship*"] });
    expect(s.log.max_bytes).toBe(1048576);
    expect(s.backtest.days).toBe(9);
  });
});

describe("mergePatternLists", () => {
  it("keeps override order first, then base entries whose id is new", () => {
    expect(mergePatternLists([{ id: "a", v: 1 }], [{ id: "b", v: 2 }, { id: "a", v: 3 }])).toEqual([{ id: "a", v: 1 }, { id: "b", v: 2 }]);
  });
});
