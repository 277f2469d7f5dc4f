// The database of the health, impact and durations tests: the hand-made month (seed-history) and
// the generated one (seed-insight), seeded once for the test file, and the repositories they hold.
import { afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";
import { seedHistory } from "./seed-history.js";
import { GEN, seedInsight, type Generated } from "./seed-insight.js";

/** The hand-made month's repository, and the generated public and private ones, as the health pages ask about them. */
export const INSIGHT_REPOS = {
  widgets: { id: 1n, owner: "octo", name: "widgets", private: false, defaultBranch: "main" },
  app: { id: GEN.public.id, owner: GEN.owner, name: GEN.public.name, private: false, defaultBranch: "main" },
  vault: { id: GEN.private.id, owner: GEN.owner, name: GEN.private.name, private: true, defaultBranch: "main" },
};

/** Registers the vitest hooks (call it at the top of the file); the getters answer inside hooks registered after it and inside tests. */
export function useInsightDatabase(): { db(): TestDatabase; gen(): Generated } {
  let db: TestDatabase | undefined;
  let gen: Generated | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedHistory(db.prisma);
    gen = await seedInsight(db.prisma);
  }, 60_000);
  afterAll(async () => db?.destroy());
  const ready = <T>(what: T | undefined): T => {
    if (what === undefined) throw new Error("useInsightDatabase: the database exists only inside hooks and tests");
    return what;
  };
  return { db: () => ready(db), gen: () => ready(gen) };
}
