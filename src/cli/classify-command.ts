// `sift classify [--config FILE] [--json] LOG...`: one verdict per file. Problems (bad config,
// unreadable log) are one line each on stderr and make the exit code non-zero, but never hide
// the other files' results.
import type { Verdict } from "../classify/index.js";
import { classifyFile } from "./classify-file.js";
import { locatedProblem } from "./located-problem.js";
import { loadConfig } from "./load-config.js";

export interface CommandIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface ClassifyArgs {
  config?: string;
  json: boolean;
  files: string[];
  threads?: number;
}

function human(file: string, v: Verdict): string {
  const where = v.line === null ? "" : ` line ${v.line}`;
  const head = `${file}: ${v.class} (${v.patternId}, ${v.category})${where}`;
  const cause = v.class === "genuine" ? `  ${v.reason}` : `  ${v.description}`;
  const excerpt = v.excerpt ? `\n${v.excerpt.split("\n").map((l) => `    | ${l}`).join("\n")}` : "";
  return `${head}\n${cause}${excerpt}`;
}

export async function classifyCommand(args: ClassifyArgs, io: CommandIO): Promise<number> {
  let failed = false;
  const loaded = await loadConfig(args.config);
  for (const note of loaded.notes) io.err(`sift: ${note}`);
  if (loaded.error) {
    io.err(`sift: bad config ${loaded.error} (using built-in patterns only)`);
    failed = true;
  }
  for (const p of loaded.problems) {
    io.err(`sift: ${locatedProblem(p)}`);
    failed = true;
  }
  if (args.files.length === 0) {
    io.err("sift: no log files given (usage: sift classify [--config FILE] [--json] LOG...; - reads standard input)");
    return 2;
  }
  for (const file of args.files) {
    try {
      const v = await classifyFile(file, loaded.compiled, { maxBytes: loaded.settings.log.max_bytes, ...(args.threads ? { threads: args.threads } : {}) });
      io.out(args.json ? JSON.stringify({ file, class: v.class, pattern: v.patternId, category: v.category, line: v.line, excerpt: v.excerpt }) : human(file, v));
    } catch (e) {
      const reason = e instanceof Error ? e.message.split("\n")[0] : String(e);
      io.err(`sift: cannot classify ${file}: ${reason}`);
      failed = true;
    }
  }
  return failed ? 1 : 0;
}
