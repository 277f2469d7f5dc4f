// A re-classification that turns a genuine failure flaky moves it in the causes rollup in the same
// transaction: the repository's and the owner's rows count it under the new pattern, not the old line.
import pino from "pino";
import { expect, it } from "vitest";
import { claimReclassification, reclassifyRepository, requestReclassification } from "../../src/reclassify/index.js";
import { backfillCauses } from "../../src/rollup/index.js";
import { RUFF } from "../backtest/seed-failures.js";
import { SEED } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { configWith, seedRepo, storeFailure } from "./seed-stored.js";

const REPO = { id: 7201, name: "delta" };
const db = useTestDatabase(async (d) => {
  await d.prisma.installation.create({ data: { id: BigInt(SEED.installationId), accountLogin: SEED.owner } });
  await seedRepo(d, REPO.id, REPO.name);
});

it("moves a re-classified failure to its new cause in the repository's and the owner's rollup", async () => {
  const now = new Date();
  await storeFailure(db(), { repositoryId: REPO.id, externalId: 1, name: "lint", corpus: RUFF });
  expect(await backfillCauses(db().prisma)).toBe(1);
  const causes = async () => ({
    repo: (await db().prisma.dailyCause.findMany()).map((r) => [r.verdict, r.causeKey === "reformat-is-flaky", r.count, r.jobsLast, r.repoLast]),
    owner: (await db().prisma.orgDailyCause.findMany()).map((r) => [r.owner, r.verdict, r.keyType, r.causeKey === "reformat-is-flaky", r.count, r.jobsLast, r.reposLast]),
  });
  expect((await causes()).repo).toEqual([["genuine", false, 1, 1, 1]]);

  await requestReclassification(db().prisma, { repositoryIds: [REPO.id], reason: "test", since: new Date(now.getTime() - 30 * 24 * 3600 * 1000), now });
  const claim = await claimReclassification(db().sql, { owner: "w1", now, leaseSeconds: 60 });
  const deps = {
    prisma: db().prisma, log: pino({ level: "silent" }), now: () => new Date(), owner: "w1", leaseSeconds: 60,
    loadConfig: async () => configWith(REPO.name, [{ id: "reformat-is-flaky", regex: "Would reformat: ", class: "flaky" }]),
    reanalyse: async () => {},
  };
  expect(await reclassifyRepository(deps, claim!)).toMatchObject({ state: "done", changed: 1 });
  expect(await causes()).toEqual({ repo: [["flaky", true, 1, 1, 1]], owner: [[SEED.owner.toLowerCase(), "flaky", "pattern", true, 1, 1, 1]] });
});
