#!/usr/bin/env node
// The `sift` command line. Only wiring: parse arguments, run one command, set the exit code.
import module from "node:module";
import { parseArgs } from "node:util";

// Node ≥ 22.1 keeps compiled code between runs (start-up is most of a small classification);
// Node 20 has no such cache. Enabled before anything else is imported.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const USAGE = `usage: sift classify [--config FILE] [--json] [--threads N] LOG...
       sift help | sift --help | sift classify --help

Classifies CI logs as flaky, known-problem or genuine, one verdict per file.
  --config FILE  a .github/sift.yml to use with the built-in patterns
  --json         one JSON object per file instead of text
  --threads N    worker threads for large logs
  --help, -h     print this help`;

const HELP = new Set(["help", "--help", "-h"]);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== undefined && HELP.has(command)) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
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
  const { classifyCommand } = await import("./classify-command.js");
  return classifyCommand(
    { json: values.json ?? false, files: positionals, ...(values.config ? { config: values.config } : {}), ...(threads ? { threads } : {}) },
    { out: (line) => process.stdout.write(`${line}\n`), err: (line) => console.error(line) },
  );
}

process.exitCode = await main(process.argv.slice(2));
