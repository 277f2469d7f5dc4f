// Validates one `.github/sift.yml` layer and collects every problem (file, key path, reason) for
// the check run, instead of stopping at the first. Bad patterns are dropped one by one; the
// others still apply. Bad top-level settings fall back to their defaults.
import { configSchema, MAX_PATTERNS, patternSchema, type ConfigProblem, type Pattern, type SiftConfig } from "../model/index.js";
import { regexProblem } from "../classify/regex.js";

export type { ConfigProblem };

export interface ValidatedConfig {
  config: SiftConfig;
  problems: ConfigProblem[];
  /** Top-level keys the file set explicitly (so merging knows what it overrides). */
  explicit: ReadonlySet<string>;
}

function pathOf(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

function patternsOf(raw: unknown, file: string, problems: ConfigProblem[]): Pattern[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push({ file, path: "patterns", message: "must be a list of patterns" });
    return [];
  }
  if (raw.length > MAX_PATTERNS) {
    problems.push({ file, path: "patterns", message: `at most ${MAX_PATTERNS} patterns: the ${raw.length - MAX_PATTERNS} after the ${MAX_PATTERNS}th are ignored` });
  }
  const patterns: Pattern[] = [];
  const seen = new Map<string, number>();
  raw.slice(0, MAX_PATTERNS).forEach((item, i) => {
    const parsed = patternSchema.safeParse(item);
    const id = typeof (item as { id?: unknown })?.id === "string" ? (item as { id: string }).id : undefined;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, path: pathOf(`patterns[${i}]`, issue.path), message: issue.message, ...(id ? { patternId: id } : {}) });
      }
      return;
    }
    const p = parsed.data;
    let ok = true;
    for (const field of ["regex", "unless"] as const) {
      const source = p[field];
      if (source === undefined) continue;
      const why = regexProblem(source, { id: p.id, field, flags: p.multiline ? "m" : "" });
      if (why) {
        problems.push({ file, path: `patterns[${i}].${field}`, message: `does not compile under RE2: ${why}`, patternId: p.id });
        ok = false;
      }
    }
    const earlier = seen.get(p.id);
    if (earlier !== undefined) {
      problems.push({ file, path: `patterns[${i}].id`, message: `duplicate id "${p.id}" (also patterns[${earlier}]); the later one is ignored`, patternId: p.id });
      ok = false;
    }
    if (ok) {
      seen.set(p.id, i);
      patterns.push(p);
    }
  });
  return patterns;
}

export function validateConfig(raw: unknown, file: string): ValidatedConfig {
  const problems: ConfigProblem[] = [];
  const input = raw ?? {};
  if (typeof input !== "object" || Array.isArray(input)) {
    problems.push({ file, path: "", message: "the file must be a YAML mapping" });
    return { config: configSchema.parse({}), problems, explicit: new Set() };
  }
  const record = input as Record<string, unknown>;
  const shape = configSchema.shape;
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "patterns" || key === "_extends") continue;
    const schema = (shape as Record<string, (typeof shape)[keyof typeof shape] | undefined>)[key];
    if (!schema) {
      problems.push({ file, path: key, message: `unknown key (known: ${Object.keys(shape).join(", ")})` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) settings[key] = value;
    else for (const issue of parsed.error.issues) problems.push({ file, path: pathOf(key, issue.path), message: issue.message });
  }
  const config = configSchema.parse({ ...settings, patterns: [] });
  config.patterns = patternsOf(record.patterns, file, problems);
  const explicit = new Set(Object.keys(record).filter((k) => k in settings || k === "patterns"));
  return { config, problems, explicit };
}
