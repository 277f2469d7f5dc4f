// Backtests over stored failures (real corpus logs): what a new pattern set would change, the
// dangerous direction first, without a log download or a GitHub call.
import { expect, it } from "vitest";
import { runBacktest } from "../../src/backtest/index.js";
import { configFromFiles } from "../../src/config/index.js";
import { SEED } from "../helpers/seed-jobs.js";
import { seedRepository } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { join } from "node:path";
import { corpusDir, readCorpusFile } from "../helpers/corpus.js";
import { NIFI, RUFF, seedStoredFailure } from "./seed-failures.js";

const lineOf = (corpus: string, needle: string) => readCorpusFile(join(corpusDir(), "logs", corpus)).split("\n").findIndex((l) => l.includes(needle)) + 1;

const db = useTestDatabase(seedRepository);
const NOW = new Date("2026-06-01T00:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 3600 * 1000);
const withPatterns = (patterns: object[], extra: object = {}) =>
  configFromFiles([{ owner: SEED.owner, repo: SEED.repo, path: ".github/sift.yml", config: { patterns, ...extra } }], SEED.owner, SEED.repo).compiled;

it("lists a genuine failure a new pattern would call flaky first, and the patterns that decide nothing", async () => {
  const ruff = await seedStoredFailure(db(), { externalId: 1, name: "ruff", corpus: RUFF, at: daysAgo(2) });
  await seedStoredFailure(db(), { externalId: 2, name: "sftp", corpus: NIFI, at: daysAgo(3) });
  await seedStoredFailure(db(), { externalId: 3, name: "old", corpus: RUFF, at: daysAgo(40) }); // outside the window
  await seedStoredFailure(db(), { externalId: 4, name: "declared", corpus: RUFF, at: daysAgo(1), knownProblem: "declared by /known-broken" });

  const compiled = withPatterns(
    [
      { id: "reformat-is-flaky", regex: "Would reformat: ", class: "flaky" },
      { id: "never", regex: "this text appears nowhere", class: "flaky" },
    ],
    { builtins: { disable: ["net.connection-reset"] } },
  );
  const result = await runBacktest(db().prisma, compiled, { since: daysAgo(30) });

  expect(result).toMatchObject({ examined: 2, declared: 1, cut: false, unmatched: ["never"] });
  expect(result.changes.map((c) => [c.job, c.old.class, c.new.class, c.new.patternId])).toEqual([
    ["ruff", "genuine", "flaky", "reformat-is-flaky"],
    ["sftp", "flaky", expect.any(String), expect.not.stringMatching(/^net\.connection-reset$/)],
  ]);
  const first = result.changes[0]!;
  expect(first).toMatchObject({ jobId: ruff, repo: `${SEED.owner}/${SEED.repo}`, old: { patternId: expect.stringMatching(/^sift\.genuine/) } });
  expect(first.new).toMatchObject({ matchedText: "Would reformat: ", line: lineOf(RUFF, "Would reformat: tagstudio/src/qt/widgets/thumb_renderer.py") });
});

it("changes nothing with the pattern set that made the verdicts, and filters by repository", async () => {
  await seedStoredFailure(db(), { externalId: 1, name: "ruff", corpus: RUFF, at: daysAgo(2) });
  await seedStoredFailure(db(), { externalId: 2, name: "sftp", corpus: NIFI, at: daysAgo(3) });
  const same = await runBacktest(db().prisma, withPatterns([]), { since: daysAgo(30) });
  expect(same).toMatchObject({ examined: 2, changes: [] });
  const other = await runBacktest(db().prisma, withPatterns([]), { since: daysAgo(30), repo: { owner: "someone", name: "else" } });
  expect(other.examined).toBe(0);
});

it("stops at its time limit and says the window was cut", async () => {
  for (let i = 1; i <= 3; i++) await seedStoredFailure(db(), { externalId: i, name: `j${i}`, corpus: RUFF, at: daysAgo(1) });
  let t = 0;
  const result = await runBacktest(db().prisma, withPatterns([]), { since: daysAgo(30), maxMs: 50, now: () => (t += 100), pageSize: 2 });
  expect(result.cut).toBe(true);
  expect(result.examined).toBe(2);
});
