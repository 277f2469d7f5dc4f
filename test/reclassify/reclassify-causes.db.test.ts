// A re-classification that turns a genuine failure flaky moves it in the causes rollup in the same
// transaction: the repository's and the owner's rows count it under the new pattern, not the old line.
import { expect, it } from "vitest";
import { backfillCauses } from "../../src/rollup/index.js";
import { RUFF } from "../backtest/seed-failures.js";
import { SEED } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { REFORMAT_IS_FLAKY, reclassifyWith } from "./reclassify-with.js";
import { seedRepo, storeFailure } from "./seed-stored.js";

const REPO = { id: 7201, name: "delta" };
const db = useTestDatabase(async (d) => {
  await d.prisma.installation.create({ data: { id: BigInt(SEED.installationId), accountLogin: SEED.owner } });
  await seedRepo(d, REPO.id, REPO.name);
});

it("moves a re-classified failure to its new cause in the repository's and the owner's rollup", async () => {
  await storeFailure(db(), { repositoryId: REPO.id, externalId: 1, name: "lint", corpus: RUFF });
  expect(await backfillCauses(db().prisma)).toBe(1);
  const causes = async () => ({
    repo: (await db().prisma.dailyCause.findMany()).map((r) => [r.verdict, r.causeKey === "reformat-is-flaky", r.count, r.jobsLast, r.repoLast]),
    owner: (await db().prisma.orgDailyCause.findMany()).map((r) => [r.owner, r.verdict, r.keyType, r.causeKey === "reformat-is-flaky", r.count, r.jobsLast, r.reposLast]),
  });
  expect((await causes()).repo).toEqual([["genuine", false, 1, 1, 1]]);

  expect(await reclassifyWith(db(), REPO.id, REFORMAT_IS_FLAKY)).toMatchObject({ state: "done", changed: 1 });
  expect(await causes()).toEqual({ repo: [["flaky", true, 1, 1, 1]], owner: [[SEED.owner.toLowerCase(), "flaky", "pattern", true, 1, 1, 1]] });
});
