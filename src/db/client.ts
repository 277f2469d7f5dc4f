// Opens Sift's database: embedded PGlite by default, PostgreSQL when DATABASE_URL is set.
// Both speak the same SQL, so one schema and one set of migrations serve both.
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { acquireDataDirLock, type DataDirLock } from "./data-dir-lock.js";
import { DatabaseError, describeConnectError, redactUrl } from "./errors.js";
import type { SqlRunner } from "./sql-runner.js";

export interface Database {
  kind: "pglite" | "postgres";
  /** Where the data lives, safe to print (no password). */
  where: string;
  prisma: PrismaClient;
  /** Raw SQL on a connection of its own, for migrations and health checks. */
  sql: SqlRunner;
  /** What makes the database unusable besides a failing query (PGlite: its folder gone or its lock lost). */
  problem(): string | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** In-memory PGlite, for tests. */
  memory?: boolean;
  poolSize?: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.memory ? undefined : resolve(options.dataDir ?? "./data"));
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const where = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => {}); // idle-client errors surface on the next query instead of crashing the process
  try {
    await pool.query("select 1");
  } catch (err) {
    await pool.end().catch(() => {});
    throw new DatabaseError(`DATABASE_URL: cannot connect to ${where}: ${describeConnectError(err)}`);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const sql: SqlRunner = {
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    exec: async (text) => void (await pool.query(text)),
    withSession: async (fn) => {
      const client = await pool.connect();
      try {
        return await fn({
          query: async (text, params) => (await client.query(text, params as unknown[])).rows,
          exec: async (text) => void (await client.query(text)),
        });
      } finally {
        client.release();
      }
    },
  };
  return {
    kind: "postgres",
    where,
    prisma,
    sql,
    problem: () => undefined,
    close: async () => {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function openPGlite(dataDir: string | undefined): Promise<Database> {
  let lock: DataDirLock = { problem: () => undefined, release: () => {} };
  if (dataDir) {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (err) {
      throw new DatabaseError(`SIFT_DATA_DIR: cannot create ${dataDir}: ${(err as Error).message}`);
    }
    lock = await acquireDataDirLock(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? join(dataDir, "pglite") : "memory://");
    await db.query("select 1");
  } catch (err) {
    lock.release();
    throw new DatabaseError(
      `SIFT_DATA_DIR: ${dataDir} does not hold a usable database (${(err as Error).message || String(err)}); ` +
        `move it aside to start afresh`,
    );
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db) });
  // A folder deleted or taken over under PGlite: refuse, so that webhooks answer 5xx (GitHub records the
  // failure, reconcile redelivers) rather than being acknowledged into a database that is gone.
  const usable = () => {
    const problem = lock.problem();
    if (problem) throw new DatabaseError(problem);
  };
  const sql: SqlRunner = {
    query: async (text, params) => (usable(), (await db.query(text, params as unknown[])).rows as Record<string, unknown>[]),
    exec: async (text) => (usable(), void (await db.exec(text))),
    // PGlite is a single connection: the session is the database itself.
    withSession: async (fn) => fn({ query: sql.query, exec: sql.exec }),
  };
  return {
    kind: "pglite",
    where: dataDir ?? "memory",
    prisma,
    sql,
    problem: () => lock.problem(),
    close: async () => {
      await prisma.$disconnect();
      await db.close();
      lock.release();
    },
  };
}
