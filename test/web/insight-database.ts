// The database of the health, impact and durations tests: the hand-made month (seed-history) and
// the generated one (seed-insight), seeded once for the test file, and the repositories they hold.
import type { TestDatabase } from "../helpers/db.js";
import { useSeededDatabase } from "../helpers/use-seeded-database.js";
import { seedHistory } from "./seed-history.js";
import { GEN, seedInsight, type Generated } from "./seed-insight.js";

/** The hand-made month's repository, and the generated public and private ones, as the health pages ask about them. */
export const INSIGHT_REPOS = {
  widgets: { id: 1n, owner: "octo", name: "widgets", private: false, defaultBranch: "main" },
  app: { id: GEN.public.id, owner: GEN.owner, name: GEN.public.name, private: false, defaultBranch: "main" },
  vault: { id: GEN.private.id, owner: GEN.owner, name: GEN.private.name, private: true, defaultBranch: "main" },
};

/** Registers the vitest hooks (call it at the top of the file); `gen()` is the generated month. */
export function useInsightDatabase(): { db(): TestDatabase; gen(): Generated } {
  const { db, seeded } = useSeededDatabase(async (prisma) => {
    await seedHistory(prisma);
    return seedInsight(prisma);
  });
  return { db, gen: seeded };
}
