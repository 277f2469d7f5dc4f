// The benchmark's pattern list (20 built-ins + the pytorch ruleset, all whole-log) and its
// translations for grep -E (POSIX ERE) and ripgrep; patterns a tool cannot take are dropped
// and counted, so the comparison says what each tool really ran.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinPatterns } from "../../src/classify/builtins/index.js";
import type { PatternInput } from "../../src/config/schema.js";
import { benchCorpusDir as corpusDir } from "./corpus.js";
import { parseRuleset } from "./ruleset.js";

/** Built-in infrastructure patterns in the benchmark: one per category in turn, in library order. */
export const INFRA_PATTERNS = 20;

function infrastructure(): PatternInput[] {
  const byCategory = new Map<string, PatternInput[]>();
  for (const p of builtinPatterns()) {
    if (p.class !== "flaky" || p.multiline) continue;
    const list = byCategory.get(p.category) ?? [];
    list.push(p);
    byCategory.set(p.category, list);
  }
  const picked: PatternInput[] = [];
  for (let round = 0; picked.length < INFRA_PATTERNS && [...byCategory.values()].some((l) => l.length > round); round++) {
    for (const list of byCategory.values()) if (list[round] && picked.length < INFRA_PATTERNS) picked.push(list[round] as PatternInput);
  }
  return picked;
}

/** The pytorch ruleset's rules and 20 built-in infrastructure patterns, all whole-log. */
export function benchPatterns(): PatternInput[] {
  const rules = parseRuleset(readFileSync(join(corpusDir(), "pytorch-log-classifier-ruleset.toml"), "utf8"));
  const builtins = infrastructure().map((p) => ({ ...p, scope: "log" as const }));
  const pytorch = rules.map((r, i) => ({ id: `pytorch.${i + 1}`, regex: r.pattern, class: "known-problem" as const, description: r.name, scope: "log" as const }));
  return [...builtins, ...pytorch];
}

const CLASS_ESCAPES: Record<string, string> = { d: "0-9", w: "[:alnum:]_", s: "[:space:]" };
const ESCAPES: Record<string, string> = { d: "[0-9]", D: "[^0-9]", t: "\t" };

/** RE2 syntax → POSIX ERE as GNU grep reads it; undefined when there is no faithful translation. */
export function toEre(source: string): string | undefined {
  let out = "";
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const next = source[i + 1] ?? "";
    if (c === "\\") {
      i++;
      if (inClass) {
        if (CLASS_ESCAPES[next]) out += CLASS_ESCAPES[next];
        else if (/[\]\\^-]/.test(next)) return undefined;
        else if (/[A-Za-z]/.test(next)) return undefined;
        else out += next;
      } else if (next === "x") {
        out += String.fromCharCode(parseInt(source.slice(i + 1, i + 3), 16)).replace(/[.[\]()*+?{}|^$\\]/, "\\$&");
        i += 2;
      } else out += ESCAPES[next] ?? `\\${next}`;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      out += c;
      continue;
    }
    if (c === "[") {
      inClass = true;
      out += c;
      if (next === "^") out += source[++i];
      if (source[i + 1] === "]") out += source[++i];
      continue;
    }
    if (c === "(" && next === "?") {
      if (source[i + 2] === ":") {
        out += "(";
        i += 2;
        continue;
      }
      return undefined; // inline flags, named groups
    }
    if ((c === "*" || c === "+" || c === "?" || c === "}") && next === "?") {
      out += c;
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Keeps the patterns `tool` accepts (each checked on its own against /dev/null). */
export function acceptedBy(tool: "grep" | "rg", patterns: string[]): string[] {
  return patterns.filter((p) => {
    const args = tool === "grep" ? ["-E", "-e", p, "/dev/null"] : ["-e", p, "/dev/null"];
    return spawnSync(tool, args, { stdio: "ignore" }).status !== 2;
  });
}
