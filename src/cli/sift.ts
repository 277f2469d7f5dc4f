#!/usr/bin/env node
// The `sift` command line. Only wiring: parse arguments, run one command, set the exit code.
import { parseArgs } from "node:util";
import { backtestCommand } from "./backtestCommand.js";
import { classifyCommand } from "./classifyCommand.js";

const USAGE = "usage: sift classify [--config FILE] [--json] LOG...\n       sift backtest --config NEW.yml [--since DAYS] [--repo OWNER/NAME] [--json]";

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
  return backtestCommand(args, io);
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === "backtest") return backtest(rest);
  if (command !== "classify") {
    console.error(command === undefined || command === "--help" ? USAGE : `sift: unknown command "${command}"\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: { config: { type: "string" }, json: { type: "boolean", default: false }, threads: { type: "string" } } });
  } catch (e) {
    console.error(`sift: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  return classifyCommand(
    { json: values.json ?? false, files: positionals, ...(values.config ? { config: values.config } : {}), ...(threads ? { threads } : {}) },
    io,
  );
}

process.exitCode = await main(process.argv.slice(2));
