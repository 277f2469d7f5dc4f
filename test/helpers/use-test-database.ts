// The per-file database setup of the *.db.test.ts files, in one place. Kept out of db.ts, which
// the benchmarks import under plain Node where vitest's hooks do not exist.
import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDatabase, type TestDatabase } from "./db.js";
import { resetDatabase } from "./reset-db.js";

/**
 * One database for the test file (created before all, destroyed after all), emptied before each
 * test and then given `seed`. Registers the vitest hooks, so call it at the top of the file; the
 * getter it returns gives the database inside hooks registered after it and inside tests.
 */
export function useTestDatabase(seed?: (db: TestDatabase) => Promise<void>): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });
  beforeEach(async () => {
    await resetDatabase(db!);
    await seed?.(db!);
  });
  return () => {
    if (!db) throw new Error("useTestDatabase: the database exists only inside hooks and tests");
    return db;
  };
}
