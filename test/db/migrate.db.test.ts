import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate, readMigrations } from "../../src/db/index.js";
import { createTestDatabase, type TestDatabase } from "../helpers/db.js";

describe("migrate", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(); // already migrated once
  });
  afterAll(() => db.destroy());

  it("applies every committed migration once, and nothing the second time", async () => {
    const names = (await readMigrations()).map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    const rows = await db.sql.query(`select name from "_sift_migrations" order by name`);
    expect(rows.map((r) => r.name)).toEqual(names);
    expect(await migrate(db.sql)).toEqual([]);
  });

  it("refuses a migration that changed after it was applied, and rolls back a failing one", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sift-mig-"));
    await mkdir(join(dir, "001_a"));
    await writeFile(join(dir, "001_a", "migration.sql"), "create table t_a (id int);");
    expect(await migrate(db.sql, dir)).toEqual(["001_a"]);
    await writeFile(join(dir, "001_a", "migration.sql"), "create table t_a (id bigint);");
    await expect(migrate(db.sql, dir)).rejects.toThrow(/001_a was changed after it was applied/);

    await writeFile(join(dir, "001_a", "migration.sql"), "create table t_a (id int);");
    await mkdir(join(dir, "002_bad"));
    await writeFile(join(dir, "002_bad", "migration.sql"), "create table t_b (id int); select * from no_such_table;");
    await expect(migrate(db.sql, dir)).rejects.toThrow(/002_bad failed/);
    const tables = await db.sql.query(`select count(*)::int as n from information_schema.tables where table_name = 't_b'`);
    expect(tables[0]?.n).toBe(0);
  });
});
