// A re-classification that turns a default-branch commit's only genuine failure flaky counts the
// health pages' stored day again in the same transaction: the commit is no longer broken there.
import { expect, it } from "vitest";
import { fillMainDays } from "../../src/rollup/index.js";
import { RUFF } from "../backtest/seed-failures.js";
import { SEED } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { REFORMAT_IS_FLAKY, reclassifyWith } from "./reclassify-with.js";
import { seedRepo, storeFailure } from "./seed-stored.js";

const REPO = { id: 7101, name: "gamma" };
const SHA = "e".repeat(40);
const db = useTestDatabase(async (d) => {
  await d.prisma.installation.create({ data: { id: BigInt(SEED.installationId), accountLogin: SEED.owner } });
  await seedRepo(d, REPO.id, REPO.name);
});

it("moves the stored day of a commit whose verdict a re-classification changed", async () => {
  const now = new Date();
  const at = new Date(now.getTime() - 2 * 24 * 3600 * 1000);
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  await db().prisma.headCommit.create({ data: { repositoryId: BigInt(REPO.id), sha: SHA, branch: "main", state: "done", createdAt: at, analysedAt: at } });
  await storeFailure(db(), { repositoryId: REPO.id, externalId: 1, name: "lint", corpus: RUFF, sha: SHA });
  await fillMainDays(db().prisma, now);
  const stored = () => db().prisma.mainBranchDay.findUniqueOrThrow({ where: { repositoryId_day: { repositoryId: BigInt(REPO.id), day } } });
  expect(await stored()).toMatchObject({ commits: 1, broken: 1 });

  expect(await reclassifyWith(db(), REPO.id, REFORMAT_IS_FLAKY, now)).toMatchObject({ state: "done", changed: 1 });
  expect(await stored()).toMatchObject({ commits: 1, broken: 0, points: [[1, SHA, at.getTime(), false]] });
});
