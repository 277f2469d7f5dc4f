// Slash commands in comments, parsed from the first non-empty line. PURE.
//   /retry [GLOB]                 re-run the failed jobs (matching GLOB) of the head SHA
//   /known-broken GLOB reason…    mark matching failures as known problems (a reason is required)
//   /known-broken --clear [GLOB]  undo
// Other bots' commands (/assign, /lgtm…) are not ours and are ignored; near misses get the usage.
import { globProblem } from "../decide/index.js";

export type Command =
  | { kind: "retry"; glob: string | null }
  | { kind: "known-broken"; glob: string; reason: string }
  | { kind: "known-broken-clear"; glob: string | null }
  | { kind: "invalid"; problem: string };

export const USAGE = [
  "Sift commands (people with write access):",
  "- `/retry` re-runs every failed job of this commit; `/retry GLOB` only jobs whose name matches GLOB",
  "- `/known-broken GLOB reason…` marks matching failures as a known problem; the reason is required",
  "- `/known-broken --clear [GLOB]` undoes it",
].join("\n");

const MAX_REASON = 500;

function ours(word: string): boolean {
  return word.startsWith("/retry") || word.startsWith("/known") || word === "/sift";
}

export function parseCommand(body: string): Command | null {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  if (first < 0) return null;
  const [word = "", ...args] = (lines[first] ?? "").trim().split(/\s+/);
  const name = word.toLowerCase();
  if (!name.startsWith("/") || !ours(name)) return null;
  if (name === "/retry") {
    if (args.length > 1) return { kind: "invalid", problem: "`/retry` takes at most one glob" };
    return withGlob(args[0] ?? null, (glob) => ({ kind: "retry", glob }));
  }
  if (name === "/known-broken") {
    if (args[0] === "--clear") {
      if (args.length > 2) return { kind: "invalid", problem: "`/known-broken --clear` takes at most one glob" };
      return withGlob(args[1] ?? null, (glob) => ({ kind: "known-broken-clear", glob }));
    }
    const glob = args[0];
    if (!glob) return { kind: "invalid", problem: "`/known-broken` needs a job glob and a reason" };
    const reason = [args.slice(1).join(" "), ...lines.slice(first + 1)].join("\n").trim();
    if (!reason) return { kind: "invalid", problem: "a reason is required: `/known-broken GLOB reason…`" };
    return withGlob(glob, (g) => ({ kind: "known-broken", glob: g as string, reason: reason.slice(0, MAX_REASON) }));
  }
  return { kind: "invalid", problem: `unknown command \`${word.slice(0, 40)}\`` };
}

function withGlob(glob: string | null, make: (glob: string | null) => Command): Command {
  if (glob === null) return make(null);
  const problem = globProblem(glob);
  return problem ? { kind: "invalid", problem: `bad glob: ${problem}` } : make(glob);
}
