// `npm run db:migrate` → `cli.js migrate`: apply pending migrations to DATABASE_URL or SIFT_DATA_DIR.
// `npm run db:diff -- <name>` → `cli.js diff <name>`: write the migration that schema.prisma needs.
// `node dist/src/db/cli.js rebuild-causes`: the causes rollup summed again from every stored verdict.
import { mkdir, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { migrationsDir, projectRoot } from "../paths.js";
import { SettingsError, readSettings } from "../settings.js";
import { DatabaseError } from "./errors.js";

const usage = "usage: cli.js migrate | cli.js diff <name>   (name: lower-case letters, digits, _) | cli.js rebuild-causes";

async function main(args: string[]): Promise<void> {
  const [command, name, ...rest] = args;
  if (command === "migrate" && name === undefined) return migrateCommand();
  if (command === "diff" && name !== undefined && rest.length === 0) return diffCommand(name);
  if (command === "rebuild-causes" && name === undefined) return rebuildCausesCommand();
  throw new UsageError(usage);
}

async function migrateCommand(): Promise<void> {
  const { openDatabase, migrate } = await import("./index.js");
  const settings = readSettings();
  const db = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    const applied = await migrate(db.sql);
    say(`${db.kind} at ${db.where}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  } finally {
    await db.close();
  }
}

/** The causes rollup summed again from every stored verdict (src/rollup/). */
async function rebuildCausesCommand(): Promise<void> {
  const { openDatabase, migrate } = await import("./index.js");
  const { rebuildCauses } = await import("../rollup/index.js");
  const settings = readSettings();
  const db = await openDatabase({ databaseUrl: settings.databaseUrl, dataDir: settings.dataDir });
  try {
    await migrate(db.sql);
    say(`${db.kind} at ${db.where}: causes rebuilt from ${await rebuildCauses(db.prisma)} verdicts`);
  } finally {
    await db.close();
  }
}

async function diffCommand(name: string): Promise<void> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new UsageError(`bad migration name "${name}"; ${usage}`);
  // Imported here: the schema engine is a devDependency, absent from production images.
  const { diffMigrationsToSchema } = await import("./diff.js");
  const sql = await diffMigrationsToSchema();
  if (!sql) return say("no changes: the migrations already produce schema.prisma");
  const dir = join(migrationsDir, `${timestamp(new Date())}_${name}`);
  await mkdir(dir, { recursive: false });
  await writeFile(join(dir, "migration.sql"), sql);
  say(`wrote ${relative(projectRoot, join(dir, "migration.sql"))}; review it, then commit it with schema.prisma`);
}

/** YYYYMMDDHHMMSS in UTC, Prisma's migration prefix, so that names sort in creation order. */
function timestamp(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

class UsageError extends Error {}

main(process.argv.slice(2)).then(
  // The wasm schema engine leaves timers behind (about 10 s); the work is done, so leave now.
  () => process.exit(0),
  (err: unknown) => {
    const known = err instanceof UsageError || err instanceof SettingsError || err instanceof DatabaseError;
    console.error(known ? (err as Error).message : err);
    process.exit(known && err instanceof UsageError ? 2 : 1);
  },
);
