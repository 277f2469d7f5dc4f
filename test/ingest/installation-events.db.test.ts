// installation and installation_repositories keep the Installation and Repository rows in step with
// what the App can see: created with its repositories, repositories added and removed, suspended,
// deleted with everything under it.
import { expect, it } from "vitest";
import { useTestApp } from "../helpers/probot.js";
import { useTestDatabase } from "../helpers/use-test-database.js";

const db = useTestDatabase();
const { receive } = useTestApp(db);
const installation = { id: 31, account: { login: "acme", type: "Organization" } };
const repo = (id: number, name: string, isPrivate = false) => ({ id, name, full_name: `acme/${name}`, private: isPrivate });
const rows = async () => ({
  installations: (await db().prisma.installation.findMany()).map((i) => [Number(i.id), i.accountLogin, i.suspended]),
  repositories: (await db().prisma.repository.findMany({ orderBy: { id: "asc" } })).map((r) => [Number(r.id), Number(r.installationId), `${r.owner}/${r.name}`, r.private]),
});

it("stores an installation with its repositories, then the repositories added and removed", async () => {
  await receive("installation", { action: "created", installation, repositories: [repo(1, "api", true), repo(2, "web")] });
  expect(await rows()).toEqual({ installations: [[31, "acme", false]], repositories: [[1, 31, "acme/api", true], [2, 31, "acme/web", false]] });
  await receive("installation_repositories", { action: "added", installation, repositories_added: [repo(3, "docs")], repositories_removed: [repo(1, "api", true)] });
  expect((await rows()).repositories).toEqual([[2, 31, "acme/web", false], [3, 31, "acme/docs", false]]);
});

it("marks a suspended installation, and forgets a deleted one with its repositories", async () => {
  await receive("installation", { action: "created", installation, repositories: [repo(1, "api")] });
  await receive("installation", { action: "suspend", installation, repositories: [repo(5, "not-added-on-suspend")] });
  expect(await rows()).toEqual({ installations: [[31, "acme", true]], repositories: [[1, 31, "acme/api", false]] });
  await receive("installation", { action: "deleted", installation });
  expect(await rows()).toEqual({ installations: [], repositories: [] });
});
