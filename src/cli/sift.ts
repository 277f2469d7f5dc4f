#!/usr/bin/env node
// The `sift` command line. Only wiring: parse arguments, run one command, set the exit code.
import module from "node:module";
import { parseArgs } from "node:util";

// Node ≥ 22.1 keeps compiled code between runs (start-up is most of a small classification);
// Node 20 has no such cache. Enabled before anything else is imported.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const USAGE = `usage: sift classify [--config FILE] [--json] [--threads N] LOG...
       sift backtest --config NEW.yml [--since DAYS] [--repo OWNER/NAME] [--json]
       sift help | sift --help | sift classify --help

Classifies CI logs as flaky, known-problem or genuine, one verdict per file.
  --config FILE  a .github/sift.yml to use with the built-in patterns
  --json         one JSON object per file instead of text
  --threads N    worker threads for large logs
  --help, -h     print this help

Backtest: the stored failures of the last DAYS (default 30) in the database Sift uses (DATABASE_URL
or SIFT_DATA_DIR) judged with NEW.yml; every verdict that would change, genuine → flaky first.`;

const io = { out: (line: string) => process.stdout.write(`${line}\n`), err: (line: string) => console.error(line) };

async function backtest(rest: string[]): Promise<number> {
  let args;
  try {
    const { values } = parseArgs({ args: rest, options: { config: { type: "string" }, since: { type: "string", default: "30" }, repo: { type: "string" }, json: { type: "boolean", default: false } } });
    const sinceDays = Number(values.since);
    if (!values.config || !Number.isFinite(sinceDays) || sinceDays <= 0) throw new Error("backtest needs --config FILE, and --since a positive number of days");
    args = { config: values.config, sinceDays, json: values.json ?? false, ...(values.repo ? { repo: values.repo } : {}) };
  } catch (e) {
    console.error(`sift: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { backtestCommand } = await import("./backtest-command.js");
  return backtestCommand(args, io);
}

const HELP = new Set(["help", "--help", "-h"]);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && HELP.has(command)) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (command === "backtest") return backtest(rest);
  if (command !== "classify") {
    console.error(command === undefined ? USAGE : `sift: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    const options = { config: { type: "string" }, json: { type: "boolean", default: false }, threads: { type: "string" }, help: { type: "boolean", short: "h" } } as const;
    parsed = parseArgs({ args: rest, allowPositionals: true, options });
  } catch (e) {
    console.error(`sift: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1)) {
    console.error(`sift: --threads needs a whole number of threads of at least 1, not "${values.threads}"\n${USAGE}`);
    return 2;
  }
  // Large logs are scanned on every core: their threads start now, while the rest loads.
  (await import("./scan-workers.js")).warmScanWorkersFor(positionals, threads);
  const { classifyCommand } = await import("./classify-command.js");
  return classifyCommand(
    { json: values.json ?? false, files: positionals, ...(values.config ? { config: values.config } : {}), ...(threads ? { threads } : {}) },
    io,
  );
}

process.exitCode = await main(process.argv.slice(2));
