// repository.transferred and .renamed (real @octokit/webhooks-examples payloads, pointed at a seeded
// repository): the stored row takes the new owner and name, and both owners' causes rollups are summed
// again in the same transaction, so each organisation's page stays on its owner's rollup and gives what
// the per-repository rows give (and what a rebuild from scratch gives).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rebuildCauses } from "../../src/rollup/index.js";
import { loadCauses } from "../../src/web/causes/causes-data.js";
import { ownerRollup } from "../../src/web/causes/org-causes-scope.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { startTestApp, type TestApp } from "../helpers/probot.js";
import { readerWho } from "../helpers/reader.js";
import { exampleOf, type LoosePayload } from "../helpers/webhook-examples.js";
import { NOW, REPOS, seedCauses } from "../web/seed-causes.js";
import { serveWeb } from "../web/serve-web.js";

let db: TestDatabase;
let app: TestApp;
let web: Awaited<ReturnType<typeof serveWeb>>;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedCauses(db.prisma);
  app = await startTestApp(db);
  const reader = readerWho("reader", ["octo/app", "octo/vault", "octo/tools", "other/x", "other/toolbox"]);
  web = await serveWeb(db.prisma, NOW, { readerOf: async () => reader });
}, 60_000);
afterAll(async () => {
  await web?.close();
  await app?.close();
  await db?.destroy();
});

const tools = REPOS.find((r) => r.name === "tools")!;

/** The example payload, about the seeded repository `tools` under its new owner and name. */
function moved(action: "transferred" | "renamed", owner: string, name: string): LoosePayload {
  const p = exampleOf("repository", action);
  p.installation ??= { id: 10, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMTA=" };
  p.installation.id = 10;
  Object.assign(p.repository, { id: Number(tools.id), name, full_name: `${owner}/${name}`, private: false });
  p.repository.owner.login = owner;
  return p;
}

async function rollupRows() {
  return {
    owners: await db.prisma.orgDailyCause.findMany({ orderBy: [{ owner: "asc" }, { day: "asc" }, { verdict: "asc" }, { keyType: "asc" }, { causeKey: "asc" }] }),
    covered: await db.prisma.orgCauseRepository.findMany({ orderBy: [{ owner: "asc" }, { repositoryId: "asc" }] }),
  };
}

const reposOf = async (owner: string) => db.prisma.repository.findMany({ where: { owner }, select: { id: true, owner: true, name: true, private: true }, orderBy: { id: "asc" } });

describe("repository webhook", () => {
  it("transferred: the row moves, both owners' pages stay on their rollup with the per-repository figures, as a rebuild would sum them", async () => {
    const other = await reposOf("other");
    expect(await ownerRollup(db.prisma, "other", other, other)).toBe("other");
    const before = await loadCauses(db.prisma, other, NOW, 90, "other");
    expect((await app.deliver("repository", moved("transferred", "other", "toolbox"))).status).toBe(200);

    expect(await db.prisma.repository.findUniqueOrThrow({ where: { id: tools.id } })).toMatchObject({ owner: "other", name: "toolbox", installationId: 10n });
    const octo = await reposOf("octo");
    const others = await reposOf("other");
    expect(octo.map((r) => r.name)).toEqual(["app", "vault"]);
    expect(others.map((r) => r.name)).toEqual(["toolbox", "x"]);
    expect(await ownerRollup(db.prisma, "octo", octo, octo)).toBe("octo");
    expect(await ownerRollup(db.prisma, "other", others, others)).toBe("other");
    for (const days of [7, 30, 90]) {
      expect(await loadCauses(db.prisma, octo, NOW, days, "octo")).toEqual(await loadCauses(db.prisma, octo, NOW, days));
      expect(await loadCauses(db.prisma, others, NOW, days, "other")).toEqual(await loadCauses(db.prisma, others, NOW, days));
    }
    // the move is visible: other's page now counts toolbox's failures
    const after = await loadCauses(db.prisma, others, NOW, 90, "other");
    expect(after.failures).toBeGreaterThan(before.failures);
    expect(after.causes.flatMap((c) => (c.latest ? [c.latest.repo.name] : []))).toContain("toolbox");

    // and the organisation's page shows it
    const page = await fetch(`${web.base}/o/other/causes?days=90`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("other/toolbox");

    const kept = await rollupRows();
    await rebuildCauses(db.prisma);
    expect(kept).toEqual(await rollupRows());
    expect(kept.covered.map((c) => [c.owner, Number(c.repositoryId)])).toEqual([["octo", 1], ["octo", 2], ["other", 3], ["other", 4]]);
  });

  it("renamed: only the name changes; the rollups stand", async () => {
    const kept = await rollupRows();
    expect((await app.deliver("repository", moved("renamed", "other", "tools"))).status).toBe(200);
    expect(await db.prisma.repository.findUniqueOrThrow({ where: { id: tools.id } })).toMatchObject({ owner: "other", name: "tools" });
    expect(await rollupRows()).toEqual(kept);
  });

  it("transferred back under an owner spelled in another case: the rollup follows, compared lower-cased", async () => {
    expect((await app.deliver("repository", moved("transferred", "Octo", "tools"))).status).toBe(200);
    const octo = await db.prisma.repository.findMany({ where: { owner: { in: ["octo", "Octo"] } }, select: { id: true, owner: true, name: true, private: true }, orderBy: { id: "asc" } });
    expect(octo.map((r) => r.name)).toEqual(["app", "vault", "tools"]);
    expect(await ownerRollup(db.prisma, "octo", octo, octo)).toBe("octo");
    expect(await loadCauses(db.prisma, octo, NOW, 90, "octo")).toEqual(await loadCauses(db.prisma, octo, NOW, 90));
    const kept = await rollupRows();
    await rebuildCauses(db.prisma);
    expect(await rollupRows()).toEqual(kept);
  });

  it("skips, with the reason, a repository Sift never stored, a name another stored repository holds, and other actions", async () => {
    const unknown = moved("transferred", "other", "ghost");
    unknown.repository.id = 999;
    await app.deliver("repository", unknown);
    await app.deliver("repository", moved("transferred", "other", "x")); // other/x is repository 4
    await app.deliver("repository", { ...moved("renamed", "octo", "tools"), action: "archived" });
    const skipped = app.logs.lines.filter((l) => l.msg.startsWith("repository.")).map((l) => l.msg.replace(/^repository\.(\w+) \S+: /, "$1 "));
    expect(skipped).toEqual(expect.arrayContaining([
      "transferred ignored, not a repository Sift has stored",
      "transferred ignored, other/x is stored for another repository (4): left as it is",
      "archived ignored, archived does not move the repository",
    ]));
    expect(await db.prisma.repository.findUniqueOrThrow({ where: { id: tools.id } })).toMatchObject({ owner: "Octo", name: "tools" });
    expect(await db.prisma.repository.count({ where: { id: 999n } })).toBe(0);
  });
});
