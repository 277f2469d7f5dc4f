// `sift backtest --config NEW.yml [--since DAYS] [--repo OWNER/NAME] [--json]`: the new pattern set
// over the stored failures of the database Sift uses (DATABASE_URL or SIFT_DATA_DIR); for each
// failure whose verdict would change, old → new, genuine → flaky first.
import { readFileSync } from "node:fs";
import { renderBacktest, runBacktest } from "../backtest/index.js";
import { builtinPatterns } from "../classify/builtins/index.js";
import { compilePatternSet } from "../classify/index.js";
import { parseConfigText, resolvePatterns } from "../config/index.js";
import { openDatabase } from "../db/index.js";
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
  const db = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.SIFT_DATA_DIR || "./data" });
  try {
    const since = new Date((args.now ?? new Date()).getTime() - args.sinceDays * 24 * 3600 * 1000);
    const result = await runBacktest(db.prisma, compiled, { since, ...(repo ? { repo: { owner: repo[0]!, name: repo[1]! } } : {}) });
    if (args.json) io.out(JSON.stringify({ ...result, problems: parsed.problems }));
    else for (const line of renderBacktest(result, { config: args.config, ...(args.repo ? { repo: args.repo } : {}) })) io.out(line);
  } finally {
    await db.close();
  }
  return parsed.problems.length > 0 ? 1 : 0;
}
