// Developer tool: the SQL that takes a database built by the committed migrations to schema.prisma.
// Prisma's schema engine does the diff (as `prisma migrate diff --from-migrations --to-schema` would);
// we run its WebAssembly build because the native engine cannot be downloaded, and give it an
// in-memory PGlite as the shadow database in which it replays the migrations.
// Dev-only: @prisma/schema-engine-wasm is a devDependency, so only import this module dynamically.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { migrationsDir as defaultMigrationsDir, projectRoot } from "../paths.js";
import { readMigrations } from "./migrate.js";

export interface DiffOptions {
  schemaPath?: string;
  migrationsDir?: string;
}

/** Returns the SQL that brings the migrated database to schema.prisma, or "" when they agree. */
export async function diffMigrationsToSchema(options: DiffOptions = {}): Promise<string> {
  const schemaPath = options.schemaPath ?? join(projectRoot, "prisma", "schema.prisma");
  const dir = options.migrationsDir ?? defaultMigrationsDir;
  const [schema, migrations] = await Promise.all([readFile(schemaPath, "utf8"), readMigrations(dir)]);
  const files = [{ path: schemaPath, content: schema }];

  const main = new PGlite(); // unused by this diff, but the engine wants a connection
  const engine = await loadEngine(files, main);
  try {
    const result = await engine.diff({
      from: {
        tag: "migrations",
        baseDir: dir,
        // The engine reads the provider from Prisma's lock file; Sift has no use for the file itself.
        lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
        shadowDbInitScript: "",
        migrationDirectories: migrations.map((m) => ({
          path: m.name,
          migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: m.sql } },
        })),
      },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true, // 2 when there is a difference, 0 when none
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.exitCode === 2 ? (result.stdout ?? "") : "";
  } finally {
    engine.free();
    await main.close();
  }
}

async function loadEngine(files: { path: string; content: string }[], db: PGlite): Promise<SchemaEngine> {
  const bindings = await (wasmBindings ??= instantiateWasm());
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const log = () => {}; // the engine's tracing; its errors come back as rejections
  return bindings.SchemaEngine.new({ datamodels: files.map((f) => [f.path, f.content]) }, log, adapter);
}

// Node has WebAssembly, but the project's lib settings (no DOM) do not declare it.
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
}

// Instantiated once per process: the bindings hold a single module instance.
let wasmBindings: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

async function instantiateWasm() {
  // The package's entry imports the .wasm as an ES module, which Node 20 cannot do without a flag;
  // so instantiate the module ourselves and hand it to the generated bindings.
  const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindingsPath = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bytes = await readFile(join(bindingsPath, "..", "schema_engine_bg.wasm"));
  const { instance } = await wasm.instantiate(bytes, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bindings;
}
