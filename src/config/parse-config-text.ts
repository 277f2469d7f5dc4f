// `.github/sift.yml` as text → the validated layer and every problem with its line and column, so
// the `Sift config` check run can annotate the offending line. The YAML parser keeps node ranges;
// a problem's key path ("patterns[3].regex") is walked through the document to its node.
// Aliases are expanded at most MAX_ALIASES times: a billion-laughs file is refused, not expanded.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { validateConfig, type ConfigProblem, type ValidatedConfig, type ValidateOptions } from "./validate.js";

export const MAX_CONFIG_BYTES = 512 * 1024;
const MAX_ALIASES = 100;

export interface ParsedConfigText {
  /** The layer as the app would use it (bad patterns dropped, bad settings defaulted). */
  validated: ValidatedConfig;
  /** Every problem, with line and column where the file has them; YAML errors first. */
  problems: ConfigProblem[];
  /** The file names other files with `_extends` (the app will read them too). */
  extends: boolean;
}

export function parseConfigText(text: string, file: string, options: ValidateOptions = {}): ParsedConfigText {
  const empty = validateConfig({}, file);
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_CONFIG_BYTES) {
    const problem = { file, path: "", line: 1, column: 1, message: `the file is ${bytes} bytes; at most ${MAX_CONFIG_BYTES}` };
    return { validated: { ...empty, problems: [problem] }, problems: [problem], extends: false };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntax = doc.errors.map((e) => ({ file, path: "", message: syntaxReason(text, e), ...position(lineCounter, e.pos[0]) }));
  if (syntax.length > 0) return { validated: { ...empty, problems: syntax }, problems: syntax, extends: false };
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const problem = { file, path: "", line: 1, column: 1, message: `cannot be read: ${(err as Error).message.split("\n")[0]}` };
    return { validated: { ...empty, problems: [problem] }, problems: [problem], extends: false };
  }
  const validated = validateConfig(raw, file, options);
  const problems = validated.problems.map((p) => ({ ...p, ...position(lineCounter, offsetOf(doc, p)) }));
  const declaresExtends = typeof raw === "object" && raw !== null && "_extends" in raw;
  return { validated: { ...validated, problems }, problems, extends: declaresExtends };
}

/** Problems found beyond the text (an `_extends` that leads nowhere), placed on their key's line. */
export function locateProblems(text: string, problems: readonly ConfigProblem[]): ConfigProblem[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return problems.map((p) => ({ ...p, ...position(lineCounter, offsetOf(doc, p)) }));
}

/** The parser's reason in one line, without the " at line L, column C:" prettyErrors adds (the problem has its position); a duplicate key named. */
function syntaxReason(text: string, e: { message: string; code: string; pos: [number, number] }): string {
  const reason = (e.message.split("\n")[0] ?? e.code).replace(/ at line \d+, column \d+:?$/, "");
  if (e.code !== "DUPLICATE_KEY") return reason;
  const key = (/^[^:\n]*/.exec(text.slice(e.pos[0], e.pos[0] + 100))?.[0] ?? "").trim();
  return `duplicate key ${JSON.stringify(key)} (${reason})`;
}

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(Math.max(0, offset));
  return { line, column: col };
}

/** "patterns[3].regex" → ["patterns", 3, "regex"]. */
export function keyPath(path: string): (string | number)[] {
  return [...path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) => (m[1] !== undefined ? Number(m[1]) : (m[2] as string)));
}

/** Where the problem's key path leads: the value, or the key itself for an unknown key; else the nearest parent that exists. */
function offsetOf(doc: Document, problem: ConfigProblem): number {
  const path = keyPath(problem.path);
  const atKey = problem.message.startsWith("unknown key");
  let node: unknown = doc.contents;
  let at = doc.contents?.range?.[0] ?? 0;
  for (const [i, segment] of path.entries()) {
    let value: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) break;
      at = (pair.key as Node | null)?.range?.[0] ?? at;
      if (atKey && i === path.length - 1) break;
      value = pair.value;
    } else if (isSeq(node) && typeof segment === "number") {
      value = node.items[segment];
    }
    const range = (value as Node | null | undefined)?.range;
    if (!range) break;
    at = range[0];
    node = value;
  }
  return at;
}
