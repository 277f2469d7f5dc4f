// A database seeded once for the whole test file, for tests that only read it (or put back what they
// change): useTestDatabase empties and seeds again before each test, too dear for a large seed.
import { afterAll, beforeAll } from "vitest";
import type { PrismaClient } from "../../src/db/index.js";
import { createTestDatabase, type TestDatabase } from "./db.js";

/**
 * Registers the vitest hooks, so call it at the top of the file; `db()` and `seeded()` (what `seed`
 * returned) answer inside hooks registered after it and inside tests.
 */
export function useSeededDatabase<T = void>(seed: (prisma: PrismaClient) => Promise<T>): { db(): TestDatabase; seeded(): T } {
  let db: TestDatabase | undefined;
  let seeded: { value: T } | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
    seeded = { value: await seed(db.prisma) };
  }, 60_000);
  afterAll(async () => db?.destroy());
  const ready = () => {
    if (!db || !seeded) throw new Error("useSeededDatabase: the database exists only inside hooks and tests");
    return { db, seeded: seeded.value };
  };
  return { db: () => ready().db, seeded: () => ready().seeded };
}
