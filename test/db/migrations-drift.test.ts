// schema.prisma and prisma/migrations must describe the same database: a model change without its
// migration would pass type checks and tests on `prisma generate`d code, then fail in production.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffMigrationsToSchema } from "../../src/db/diff.js";
import { projectRoot } from "../../src/paths.js";

// Each diff boots the schema engine (WebAssembly) and replays the migrations into an in-memory
// PGlite: a few seconds alone, more when the whole suite runs in parallel.
const timeout = 120_000;

describe("migrations drift", () => {
  it("the committed migrations produce exactly schema.prisma", async () => {
    const sql = await diffMigrationsToSchema();
    expect(
      sql,
      "schema.prisma differs from what prisma/migrations build. Run `npm run db:diff -- <name>` " +
        "(e.g. add_job_runner_group), review the new prisma/migrations/<timestamp>_<name>/migration.sql " +
        "and commit it with the schema. Missing SQL:\n" + sql,
    ).toBe("");
  }, timeout);

  it("notices a field added without a migration", async () => {
    const schema = await readFile(join(projectRoot, "prisma", "schema.prisma"), "utf8");
    const changed = schema.replace(/model WebhookDelivery \{\n/, "$&  driftProbe String?\n");
    expect(changed).not.toBe(schema);
    const dir = await mkdtemp(join(tmpdir(), "sift-drift-"));
    try {
      await writeFile(join(dir, "schema.prisma"), changed);
      const sql = await diffMigrationsToSchema({ schemaPath: join(dir, "schema.prisma") });
      expect(sql).toContain(`ALTER TABLE "WebhookDelivery" ADD COLUMN     "driftProbe" TEXT`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, timeout);
});
