#!/usr/bin/env node
// The `sift` command line. Only wiring: parse arguments, run one command, set the exit code.
import module from "node:module";
import { parseArgs } from "node:util";

// Node ≥ 22.1 keeps compiled code between runs (start-up is most of a small classification);
// Node 20 has no such cache. Enabled before anything else is imported.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

const USAGE = "usage: sift classify [--config FILE] [--json] LOG...";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
  const { classifyCommand } = await import("./classifyCommand.js");
  return classifyCommand(
    { json: values.json ?? false, files: positionals, ...(values.config ? { config: values.config } : {}), ...(threads ? { threads } : {}) },
    { out: (line) => process.stdout.write(`${line}\n`), err: (line) => console.error(line) },
  );
}

process.exitCode = await main(process.argv.slice(2));
