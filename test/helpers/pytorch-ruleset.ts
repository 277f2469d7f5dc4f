// Reads pytorch/test-infra's log-classifier ruleset.toml (the copy in ../shared/corpus) into rules.
// Not a general TOML parser: it understands exactly that file's shape — comments, blank lines,
// `[[rule]]` tables, and `name`/`pattern` keys whose values are TOML literal strings ('…' or '''…''')
// or basic strings ("…" with \" and \\ escapes) — and throws, naming the line, on anything else.
import { readFileSync } from "node:fs";

export interface PytorchRule {
  /** Position in the file (0-based); upstream orders rules by priority. */
  index: number;
  name: string;
  pattern: string;
  /** 1-based line of the `pattern =` key, for error messages. */
  line: number;
}

function parseValue(raw: string, where: string): string {
  if (raw.startsWith("'''") && raw.endsWith("'''") && raw.length >= 6) return raw.slice(3, -3);
  if (raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 && !raw.slice(1, -1).includes("'")) return raw.slice(1, -1);
  if (raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2) {
    return raw.slice(1, -1).replace(/\\(["\\])/g, "$1");
  }
  throw new Error(`${where}: unsupported TOML value ${raw}`);
}

export function parsePytorchRuleset(text: string, file = "ruleset.toml"): PytorchRule[] {
  const rules: PytorchRule[] = [];
  let current: { name?: string; pattern?: string; line: number } | undefined;
  const finish = () => {
    if (current === undefined) return;
    if (current.name === undefined || current.pattern === undefined) {
      throw new Error(`${file}:${current.line}: [[rule]] without both name and pattern`);
    }
    rules.push({ index: rules.length, name: current.name, pattern: current.pattern, line: current.line });
  };
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const where = `${file}:${i + 1}`;
    const line = rawLine.trim();
    if (line === "" || line.startsWith("#")) return;
    if (line === "[[rule]]") {
      finish();
      current = { line: i + 1 };
      return;
    }
    const kv = /^(name|pattern)\s*=\s*(.+)$/.exec(line);
    if (kv === null || current === undefined) throw new Error(`${where}: unexpected line ${line}`);
    const value = parseValue(kv[2] as string, where);
    if (kv[1] === "name") current.name = value;
    else {
      current.pattern = value;
      current.line = i + 1;
    }
  });
  finish();
  return rules;
}

export function loadPytorchRuleset(path: string): PytorchRule[] {
  return parsePytorchRuleset(readFileSync(path, "utf8"), path);
}
