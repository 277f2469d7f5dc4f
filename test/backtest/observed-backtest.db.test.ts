// A backtest of a pattern in `mode: observe`: no verdict changes, yet the report says what it matched.
import { expect, it } from "vitest";
import { renderBacktest, runBacktest } from "../../src/backtest/index.js";
import { configFromFiles } from "../../src/config/index.js";
import { SEED, seedRepository } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { NIFI, RUFF, seedStoredFailure } from "./seed-failures.js";

const db = useTestDatabase(seedRepository);
const NOW = new Date("2026-06-01T00:00:00Z");
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 24 * 3600 * 1000);

it("counts an observed pattern's matches, changes no verdict, and says so in the text", async () => {
  await seedStoredFailure(db(), { externalId: 1, name: "ruff", corpus: RUFF, at: daysAgo(2) });
  await seedStoredFailure(db(), { externalId: 2, name: "sftp", corpus: NIFI, at: daysAgo(3) });
  const config = { patterns: [{ id: "reformat-observed", regex: "Would reformat: ", class: "flaky", mode: "observe" }] };
  const { compiled } = configFromFiles([{ owner: SEED.owner, repo: SEED.repo, path: ".github/sift.yml", config }], SEED.owner, SEED.repo);

  const result = await runBacktest(db().prisma, compiled, { since: daysAgo(30) });

  expect(result).toMatchObject({ examined: 2, changes: [], unmatched: [], observed: [{ patternId: "reformat-observed", hits: 1, genuine: 1 }] });
  expect(renderBacktest(result, { config: "sift.yml" })).toContain(
    "observed pattern reformat-observed (mode: observe, changes no verdict): matched 1 stored failure, 1 of them genuine today",
  );
});
