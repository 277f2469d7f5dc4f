// `sift backtest --config NEW.yml [--since DAYS] [--repo OWNER/NAME] [--json]`: the new pattern set
// over the stored failures of the database Sift uses (DATABASE_URL or SIFT_DATA_DIR); for each
// failure whose verdict would change, old → new, genuine → flaky first.
import { existsSync, readFileSync } from "node:fs";
import { renderBacktest, runBacktest } from "../backtest/index.js";
import { builtinPatterns } from "../classify/builtins/index.js";
import { compilePatternSet } from "../classify/index.js";
import { parseConfigText, resolvePatterns } from "../config/index.js";
import { openDatabase, readMigrations, type Database } from "../db/index.js";
import type { CommandIO } from "./classify-command.js";

export interface BacktestArgs {
  config: string;
  sinceDays: number;
  repo?: string;
  json: boolean;
  env?: Record<string, string | undefined>;
  now?: Date;
}

export async function backtestCommand(args: BacktestArgs, io: CommandIO): Promise<number> {
  let text: string;
  try {
    text = readFileSync(args.config, "utf8");
  } catch (e) {
    io.err(`sift: cannot read ${args.config}: ${(e as Error).message.split("\n")[0]}`);
    return 2;
  }
  const repo = args.repo?.split("/");
  if (args.repo !== undefined && (repo?.length !== 2 || !repo[0] || !repo[1])) {
    io.err(`sift: --repo must be OWNER/NAME, got "${args.repo}"`);
    return 2;
  }
  const parsed = parseConfigText(text, args.config);
  for (const p of parsed.problems) io.err(`sift: ${p.file}:${p.line ?? 1}:${p.column ?? 1}: ${p.path ? `${p.path}: ` : ""}${p.message}`);
  const compiled = compilePatternSet(resolvePatterns({ repo: parsed.validated }, builtinPatterns()), []);

  const env = args.env ?? process.env;
  const databaseUrl = env.DATABASE_URL || undefined;
  const dataDir = env.SIFT_DATA_DIR || "./data";
  // Opening a folder that is not there would create an empty database (a typo in SIFT_DATA_DIR).
  if (!databaseUrl && !existsSync(dataDir)) {
    io.err(`sift: no Sift database in ${dataDir} (SIFT_DATA_DIR): start Sift once with it, or set SIFT_DATA_DIR or DATABASE_URL to the one it uses`);
    return 2;
  }
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl, dataDir });
  } catch (e) {
    io.err(`sift: ${(e as Error).message.split("\n")[0]}`); // locked by a running Sift, or cannot connect
    return 2;
  }
  try {
    const unusable = await schemaProblem(db);
    if (unusable) {
      io.err(`sift: the database ${db.kind} at ${db.where} ${unusable}`);
      return 2;
    }
    const since = new Date((args.now ?? new Date()).getTime() - args.sinceDays * 24 * 3600 * 1000);
    const result = await runBacktest(db.prisma, compiled, { since, ...(repo ? { repo: { owner: repo[0]!, name: repo[1]! } } : {}) });
    if (args.json) io.out(JSON.stringify({ ...result, problems: parsed.problems }));
    else for (const line of renderBacktest(result, { config: args.config, ...(args.repo ? { repo: args.repo } : {}) })) io.out(line);
  } finally {
    await db.close();
  }
  return parsed.problems.length > 0 ? 1 : 0;
}

/** Why the database cannot be read by this build: Sift never ran on it, or it is behind this build's migrations. */
async function schemaProblem(db: Database): Promise<string | undefined> {
  const [table] = await db.sql.query(`select to_regclass('"_sift_migrations"') is not null as present`);
  if (!table?.present) return "has no Sift tables: start Sift once with it (or npm run db:migrate)";
  const applied = new Set((await db.sql.query(`select name from "_sift_migrations"`)).map((r) => String(r.name)));
  const pending = (await readMigrations()).filter((m) => !applied.has(m.name)).length;
  return pending > 0 ? `is ${pending} migration${pending === 1 ? "" : "s"} behind this build: start this version of Sift once with it (or npm run db:migrate)` : undefined;
}
