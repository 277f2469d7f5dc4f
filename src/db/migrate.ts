// Applies prisma/migrations/*/migration.sql in name order, each once, each in its own transaction.
// A session-level advisory lock makes replicas that start together take turns.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { migrationsDir as defaultMigrationsDir } from "../paths.js";
import { DatabaseError } from "./errors.js";
import type { SqlRunner } from "./sql-runner.js";

const lockKey = 0x51f7; // any constant shared by every Sift process

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = defaultMigrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Returns the names of the migrations it applied. */
export async function migrate(sql: SqlRunner, dir = defaultMigrationsDir): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return sql.withSession(async (s) => {
    await s.query("select pg_advisory_lock($1)", [lockKey]);
    try {
      await s.exec(`create table if not exists "_sift_migrations" (
        name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
      const rows = await s.query(`select name, checksum from "_sift_migrations"`);
      const applied = new Map(rows.map((r) => [String(r.name), String(r.checksum)]));
      const done: string[] = [];
      for (const m of migrations) {
        const previous = applied.get(m.name);
        if (previous !== undefined) {
          if (previous !== m.checksum) {
            throw new DatabaseError(`migration ${m.name} was changed after it was applied; add a new migration instead`);
          }
          continue;
        }
        try {
          await s.exec(`begin;\n${m.sql}\n;insert into "_sift_migrations" (name, checksum) values ('${m.name.replace(/'/g, "''")}', '${m.checksum}');\ncommit;`);
        } catch (err) {
          await s.exec("rollback").catch(() => {});
          throw new DatabaseError(`migration ${m.name} failed: ${(err as Error).message}`);
        }
        done.push(m.name);
      }
      return done;
    } finally {
      await s.query("select pg_advisory_unlock($1)", [lockKey]);
    }
  });
}
