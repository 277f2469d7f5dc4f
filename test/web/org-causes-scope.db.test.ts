// An organisation's causes read from the owner's rollup give what the per-repository rows give, and
// the rollup answers only for a reader of every repository of the owner while it sums exactly them: a
// repository moved to another owner sends the page back to the per-repository rows until a rebuild.
import { describe, expect, it } from "vitest";
import { rebuildCauses } from "../../src/rollup/index.js";
import { loadCauses } from "../../src/web/causes/causes-data.js";
import { ownerRollup } from "../../src/web/causes/org-causes-scope.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { NOW, REPOS, seedCauses } from "./seed-causes.js";

const { db } = useSeededDatabase(seedCauses);

const octo = REPOS.filter((r) => r.owner === "octo");

describe("owner causes rollup", () => {
  it("gives the per-repository figures for every window", async () => {
    for (const days of [7, 30, 90]) {
      const rollup = await loadCauses(db().prisma, octo, NOW, days, "octo");
      expect(rollup).toEqual(await loadCauses(db().prisma, octo, NOW, days));
      expect(rollup.causes.length).toBeGreaterThan(0);
    }
    // the distinct counts are not sums of the days: a cause hit several jobs in several repositories
    expect((await loadCauses(db().prisma, octo, NOW, 90, "octo")).causes.some((c) => c.repositories > 1 && c.jobs > c.repositories && c.count > c.jobs)).toBe(true);
  });

  it("answers only for a reader of every repository, and not after a repository moved, until a rebuild", async () => {
    expect(await ownerRollup(db().prisma, "OCTO", octo, octo)).toBe("octo");
    expect(await ownerRollup(db().prisma, "octo", octo, octo.filter((r) => !r.private))).toBeUndefined();
    const tools = octo.find((r) => r.name === "tools")!;
    await db().prisma.repository.update({ where: { id: tools.id }, data: { owner: "elsewhere" } });
    try {
      const left = octo.filter((r) => r !== tools);
      expect(await ownerRollup(db().prisma, "octo", left, left)).toBeUndefined(); // the rollup still sums tools
      const moved = [{ ...tools, owner: "elsewhere" }];
      expect(await ownerRollup(db().prisma, "elsewhere", moved, moved)).toBeUndefined(); // tools' failures are not under elsewhere yet
      await rebuildCauses(db().prisma);
      expect(await ownerRollup(db().prisma, "octo", left, left)).toBe("octo");
      expect(await ownerRollup(db().prisma, "elsewhere", moved, moved)).toBe("elsewhere");
      expect(await loadCauses(db().prisma, left, NOW, 90, "octo")).toEqual(await loadCauses(db().prisma, left, NOW, 90));
    } finally {
      await db().prisma.repository.update({ where: { id: tools.id }, data: { owner: "octo" } });
      await rebuildCauses(db().prisma);
    }
  });
});
