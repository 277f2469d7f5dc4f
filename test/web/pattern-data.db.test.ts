// The patterns page's data and JSON (per repository, per organisation, API), its access rules, the
// suggestions and the search, on a real database.
import { describe, expect, it } from "vitest";
import { loadPatterns } from "../../src/web/patterns/patterns-data.js";
import { searchFailures } from "../../src/web/patterns/search-data.js";
import { loadSuggestions } from "../../src/web/patterns/suggestions-data.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { HOSTILE, NOW, seedPatterns } from "./seed-patterns.js";

const db = useTestDatabase((db) => seedPatterns(db.prisma));
const widgets = { id: 1n, owner: "octo", name: "widgets", private: false };

describe("loadPatterns", () => {
  it("gives every pattern its hits, re-runs, rescue rate, demoted and observe state, the idle ones too", async () => {
    const data = await loadPatterns(db().prisma, "octo/widgets", [widgets], NOW);
    const byId = Object.fromEntries(data.patterns.map((p) => [p.id, p]));
    expect(byId["gha.runner-lost"]).toMatchObject({ origin: "builtin", hits: 6, reruns: 12, concluded: 12, passed: 2, repositories: ["octo/widgets"] });
    expect(byId["gha.runner-lost"]?.demoted).toEqual([{ repo: "octo/widgets", reason: expect.stringContaining("pattern gha.runner-lost is demoted: 2 of 12 re-runs passed") }]);
    expect(byId["net.reset"]).toMatchObject({ hits: 1, reruns: 4, passed: 3, rescueRate: 0.75, demoted: [] });
    expect(byId["watch.oom"]).toMatchObject({ origin: "repo", observe: true, hits: 0, observedHits: 1 });
    expect(byId["never.matches"]).toMatchObject({ hits: 0, observedHits: 0, reruns: 0, rescueRate: null });
    expect(byId["sift.genuine.error"]).toMatchObject({ origin: null, hits: 7 });
    expect(JSON.stringify(data.patterns)).not.toContain("octo/secret");
  });

  it("adds up an organisation's repositories, each judged with its own demote settings", async () => {
    const data = await loadPatterns(db().prisma, "octo", [widgets, { id: 2n, owner: "octo", name: "secret", private: true }], NOW);
    const lost = data.patterns.find((p) => p.id === "gha.runner-lost");
    expect(lost).toMatchObject({ hits: 7, reruns: 13, passed: 3, repositories: ["octo/secret", "octo/widgets"] });
    expect(lost?.demoted.map((d) => d.repo)).toEqual(["octo/widgets"]);
  });
});

describe("loadSuggestions", () => {
  it("proposes the genuine failure that recurs across pull requests and passes on re-run, with its regex and backtest", async () => {
    const [s, ...rest] = await loadSuggestions(db().prisma, 1n, NOW);
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ jobs: 4, prs: [10, 11, 12], passedOnRerun: 3, id: "suggested.error-socket-closed-by-after", backtest: { matched: 4, genuine: 4, scanned: 14, cut: null } });
    expect(s?.regex).toBe(String.raw`Error:\s+socket\s+closed\s+by\s+\d+(?:\.\d+)?\.\d+(?:\.\d+)?:\d+(?:\.\d+)?\s+after\s+\S+\s+<script>window\.pwned=\d+(?:\.\d+)?</script><img\s+src=x\s+onerror=window\.pwned=\d+(?:\.\d+)?>`);
    expect(s?.yaml).toContain("    mode: observe");
  });
});

describe("searchFailures", () => {
  it("finds the failures with a matching line, by day, with the lines as stored", async () => {
    const out = await searchFailures(db().prisma, 1n, String.raw`socket closed by 10\.0\.0\.[23]:`, NOW);
    if (!out.ok) throw new Error(out.error);
    expect(out.result).toMatchObject({ scanned: 14, matched: 2, lines: 2, cut: null });
    expect(out.result.byDay).toEqual([{ day: "2026-11-16", failures: 1 }, { day: "2026-11-17", failures: 1 }]);
    expect(out.result.hits[0]).toMatchObject({ job: "integration", verdict: "genuine", count: 1, lines: [{ line: 5, text: `Error: socket closed by 10.0.0.2:5432 after 2s ${HOSTILE}` }] });
  });

  it("refuses what RE2 cannot compile (backreferences, lookarounds) with RE2's reason", async () => {
    expect(await searchFailures(db().prisma, 1n, "(a)\\1", NOW)).toEqual({ ok: false, error: expect.stringMatching(/^not a valid RE2 regular expression: /) });
    expect(await searchFailures(db().prisma, 1n, "(?=x)", NOW)).toMatchObject({ ok: false });
    expect(await searchFailures(db().prisma, 1n, "  ", NOW)).toEqual({ ok: false, error: "enter a regular expression (RE2 syntax)" });
  });

  it("stops at its bytes or time budget and says the search was cut", async () => {
    const bytes = await searchFailures(db().prisma, 1n, "socket", NOW, { maxMs: 60_000, maxBytes: 1 });
    expect(bytes.ok && bytes.result).toMatchObject({ scanned: 1, cut: expect.stringMatching(/^stopped after 1 KiB of stored text/) });
    let t = 0;
    const time = await searchFailures(db().prisma, 1n, "socket", NOW, { maxMs: 100, maxBytes: 1e9, now: () => (t += 40) });
    expect(time.ok && time.result).toMatchObject({ scanned: 2, cut: "stopped after 100 ms (the time budget)" });
  });
});
