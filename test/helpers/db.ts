// A fresh, migrated database per test file: in-memory PGlite by default, a new PostgreSQL
// database when SIFT_TEST_DB=postgres (server from SIFT_TEST_DATABASE_URL, see .ci/postgres).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate, openDatabase, type Database } from "../../src/db/index.js";

export const testDbKind = process.env.SIFT_TEST_DB === "postgres" ? "postgres" : "pglite";
export const postgresServerUrl = process.env.SIFT_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:54329/postgres";

export interface TestDatabase extends Database {
  /** The connection string of this test's PostgreSQL database (undefined on PGlite). */
  url: string | undefined;
  /** Closes and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `sift_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: postgresServerUrl });
  try {
    await admin.connect();
  } catch (err) {
    throw new Error(`SIFT_TEST_DB=postgres but ${postgresServerUrl} does not answer (start it with .ci/postgres): ${(err as Error).message}`, {
      cause: err,
    });
  }
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresServerUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: postgresServerUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(kind = testDbKind): Promise<TestDatabase> {
  if (kind === "postgres") {
    const created = await createPostgresDatabase();
    const db = await openDatabase({ databaseUrl: created.url, poolSize: 5 });
    await migrate(db.sql);
    return { ...db, url: created.url, destroy: async () => (await db.close(), await created.drop()) };
  }
  const db = await openDatabase({ memory: true });
  await migrate(db.sql);
  return { ...db, url: undefined, destroy: () => db.close() };
}
