// What asks for a re-classification: a push to the default branch that changes `.github/sift.yml`
// (through the real handler), a push to the org's `.github` repository (every repository of the
// owner with stored failures), and a new Sift version whose built-ins differ from the stored ones'.
import { expect, it } from "vitest";
import { noteBuiltinsVersion } from "../../src/reclassify/index.js";
import { RUFF } from "../backtest/seed-failures.js";
import { useTestApp } from "../helpers/probot.js";
import { SEED, seedRepository } from "../helpers/seed-jobs.js";
import { useTestDatabase } from "../helpers/use-test-database.js";
import { exampleOf } from "../helpers/webhook-examples.js";
import { seedRepo, storeFailure } from "./seed-stored.js";

const db = useTestDatabase(seedRepository);
const { receive } = useTestApp(db);

function push(o: { repo?: { id: number; name: string }; ref?: string; modified?: string[] }) {
  const p = exampleOf("push");
  const repo = o.repo ?? { id: SEED.repositoryId, name: SEED.repo };
  p.installation = { id: SEED.installationId, node_id: "x" };
  p.repository = { ...p.repository, id: repo.id, name: repo.name, default_branch: "main", owner: { ...p.repository.owner, login: SEED.owner } };
  Object.assign(p, { ref: o.ref ?? "refs/heads/main", deleted: false, after: "f".repeat(40) });
  p.commits = [{ ...(p.commits[0] ?? {}), added: [], removed: [], modified: o.modified ?? [".github/sift.yml"] }];
  p.head_commit = null;
  return receive("push", p);
}
const rows = async () => (await db().prisma.reclassification.findMany({ orderBy: { repositoryId: "asc" } })).map((r) => [Number(r.repositoryId), r.state, r.reason]);

it("asks for the repository's re-classification when .github/sift.yml changes on its default branch, only then", async () => {
  await push({ ref: "refs/heads/feature" });
  await push({ modified: ["README.md"] });
  expect(await rows()).toEqual([]);
  await push({});
  expect(await rows()).toEqual([[SEED.repositoryId, "pending", `.github/sift.yml changed on the default branch of ${SEED.owner}/${SEED.repo} (ffffffffffff)`]]);
});

it("asks for every repository of the owner with stored failures when the org defaults change", async () => {
  await seedRepo(db(), 7001, ".github");
  await seedRepo(db(), 7002, "quiet");
  await storeFailure(db(), { repositoryId: SEED.repositoryId, externalId: 1, name: "lint", corpus: RUFF });
  await push({ repo: { id: 7001, name: ".github" } });
  expect(await rows()).toEqual([[SEED.repositoryId, "pending", expect.stringMatching(/^org defaults changed/)]]);
});

it("re-classifies every repository with stored failures when the built-ins change, once per version", async () => {
  await storeFailure(db(), { repositoryId: SEED.repositoryId, externalId: 1, name: "lint", corpus: RUFF });
  const now = new Date();
  expect(await noteBuiltinsVersion(db().prisma, { hash: "v1", now, windowDays: 30 })).toBe(1);
  await db().prisma.reclassification.deleteMany();
  expect(await noteBuiltinsVersion(db().prisma, { hash: "v1", now, windowDays: 30 })).toBe(0);
  expect(await noteBuiltinsVersion(db().prisma, { hash: "v2", now, windowDays: 30 })).toBe(1);
  expect(await rows()).toEqual([[SEED.repositoryId, "pending", "Sift's built-in patterns changed (v1 → v2)"]]);
});
