// Validates one `.github/sift.yml` layer and collects every problem (file, key path, reason) for
// the check run, instead of stopping at the first. Bad patterns are dropped one by one; the
// others still apply. Bad top-level settings fall back to their defaults.
import type { z } from "zod";
import { configSchema, MAX_PATTERNS, patternSchema, type ConfigProblem, type Pattern, type SiftConfig } from "../model/index.js";
import { builtinPatterns } from "../classify/builtins/index.js";
import { flakyTestMatcher } from "../classify/flaky-test-globs.js";
import { compileRegex, regexProblem } from "../classify/regex.js";
import { globProblem } from "../decide/glob.js";
import { listEntries } from "./list-entries.js";
import { statisticsOf } from "./validate-statistics.js";

export type { ConfigProblem };

export interface ValidateOptions {
  /** Lines of this repository's stored failures: a pattern matching most of them is too broad. */
  sample?: readonly string[];
}

/** A regex longer than this many UTF-8 bytes is refused. */
export const MAX_REGEX_BYTES = 4096;
/** What Probot's config plugin accepts as `_extends` (it refuses the whole configuration otherwise). */
const EXTENDS = /^(?:[a-z\d](?:[a-z\d]|-(?=[a-z\d])){0,38}\/)?[-_.\w\d]+(?::[-_./\w\d]+\.ya?ml)?$/i;
/** A sample this large or larger is enough to call a pattern that matches most of it too broad. */
const MIN_SAMPLE = 20;

export interface ValidatedConfig {
  config: SiftConfig;
  problems: ConfigProblem[];
  /** Top-level keys the file set explicitly (so merging knows what it overrides). */
  explicit: ReadonlySet<string>;
  /** The valid settings as the file wrote them, without defaults (so merging keeps the org's other keys of a section). */
  given: Readonly<Record<string, unknown>>;
}

function pathOf(base: string, path: readonly PropertyKey[]): string {
  let out = base;
  for (const key of path) out += typeof key === "number" ? `[${key}]` : out ? `.${String(key)}` : String(key);
  return out;
}

/** zod issues as problems; "unrecognized keys" becomes one problem per key, at that key. */
function issueProblems(file: string, base: string, issues: readonly z.core.$ZodIssue[], known: readonly string[], patternId?: string): ConfigProblem[] {
  const extra = patternId ? { patternId } : {};
  return issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ file, path: pathOf(base, [...issue.path, key]), message: `unknown key (known: ${known.join(", ")})`, ...extra }))
      : [{ file, path: pathOf(base, issue.path), message: isMissing(issue) ? "required, missing" : issue.message, ...extra }],
  );
}

/** zod says "Invalid input: expected string, received undefined" for a key that is not there. */
const isMissing = (issue: z.core.$ZodIssue) => issue.code === "invalid_type" && issue.message.endsWith("received undefined");

/** Why a pattern that compiles is still refused: it would match (nearly) every line. */
function tooBroad(p: Pattern, options: ValidateOptions): string | undefined {
  const regex = compileRegex(p.regex, { id: p.id, flags: p.multiline ? "m" : "" });
  if (regex.test("")) return "matches every line (it matches an empty line): a pattern must require some text";
  const sample = options.sample ?? [];
  if (sample.length < MIN_SAMPLE) return undefined;
  let hits = 0;
  for (const line of sample) if (regex.test(line)) hits++;
  return hits * 2 > sample.length ? `matches ${hits} of ${sample.length} lines of a sample of this repository's stored failures: too broad to tell a cause` : undefined;
}

function patternsOf(raw: unknown, file: string, problems: ConfigProblem[], options: ValidateOptions): Pattern[] {
  const patterns: Pattern[] = [];
  const seen = new Map<string, number>();
  listEntries(raw, file, "patterns", MAX_PATTERNS, problems).forEach((item, i) => {
    const id = typeof (item as { id?: unknown })?.id === "string" ? (item as { id: string }).id : undefined;
    const fields = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
    if (fields.unless !== undefined && fields.regex === undefined) {
      problems.push({ file, path: `patterns[${i}].unless`, message: "`unless` without `regex`: unless only cancels a match of the pattern's regex", ...(id ? { patternId: id } : {}) });
      return;
    }
    const parsed = patternSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...issueProblems(file, `patterns[${i}]`, parsed.error.issues, Object.keys(patternSchema.shape), id));
      return;
    }
    const p = parsed.data;
    let ok = true;
    for (const field of ["regex", "unless"] as const) {
      const source = p[field];
      if (source === undefined) continue;
      const bytes = Buffer.byteLength(source, "utf8");
      const why = bytes > MAX_REGEX_BYTES ? `is ${bytes} bytes long; at most ${MAX_REGEX_BYTES}` : regexProblem(source, { id: p.id, field, flags: p.multiline ? "m" : "" });
      if (why) {
        problems.push({ file, path: `patterns[${i}].${field}`, message: bytes > MAX_REGEX_BYTES ? why : `does not compile under RE2: ${why}`, patternId: p.id });
        ok = false;
      }
    }
    const broad = ok ? tooBroad(p, options) : undefined;
    if (broad) {
      problems.push({ file, path: `patterns[${i}].regex`, message: broad, patternId: p.id });
      ok = false;
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

export function validateConfig(raw: unknown, file: string, options: ValidateOptions = {}): ValidatedConfig {
  const problems: ConfigProblem[] = [];
  const input = raw ?? {};
  if (typeof input !== "object" || Array.isArray(input)) {
    problems.push({ file, path: "", message: "the file must be a YAML mapping" });
    return { config: configSchema.parse({}), problems, explicit: new Set(), given: {} };
  }
  const record = input as Record<string, unknown>;
  const shape = configSchema.shape;
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "patterns" || key === "statistics" || key === "_extends") continue;
    const schema = (shape as Record<string, (typeof shape)[keyof typeof shape] | undefined>)[key];
    if (!schema) {
      problems.push({ file, path: key, message: `unknown key (known: ${Object.keys(shape).join(", ")})` });
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) settings[key] = value;
    else problems.push(...issueProblems(file, key, parsed.error.issues, nestedKeys(schema)));
  }
  if (record._extends !== undefined && !(typeof record._extends === "string" && EXTENDS.test(record._extends))) {
    problems.push({ file, path: "_extends", message: `must name a repository: REPO or OWNER/REPO, optionally with :PATH.yml (".github" for the organisation's defaults)` });
  }
  const config = configSchema.parse({ ...settings, patterns: [], statistics: [] });
  problems.push(...unknownDisabled(config.builtins, file), ...unusableGlobs(config, file));
  config.patterns = patternsOf(record.patterns, file, problems, options);
  config.statistics = statisticsOf(record.statistics, file, problems, (base, issues, known) => issueProblems(file, base, issues, known));
  const explicit = new Set(Object.keys(record).filter((k) => k in settings || k === "patterns" || k === "statistics"));
  return { config, problems, explicit, given: settings };
}

/** Ids in `builtins.disable` that no built-in has: a typo would leave the built-in it meant on, silently. */
function unknownDisabled(builtins: SiftConfig["builtins"], file: string): ConfigProblem[] {
  if (typeof builtins !== "object" || builtins.disable.length === 0) return [];
  const known = new Set(builtinPatterns().map((p) => p.id));
  return builtins.disable.flatMap((id, i) =>
    known.has(id) ? [] : [{ file, path: `builtins.disable[${i}]`, message: `no built-in pattern has the id "${id}" (a typo, or one this version of Sift no longer has): it disables nothing` }],
  );
}

/** Globs the app refuses only when it uses them (decide/glob.ts, classify/flaky-test-globs.ts): reported where the maintainer looks. */
function unusableGlobs(config: SiftConfig, file: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  config.retry.exclude_workflows.forEach((glob, i) => {
    const why = globProblem(glob);
    if (why) problems.push({ file, path: `retry.exclude_workflows[${i}]`, message: `${why}: no workflow is re-run automatically until it is fixed` });
  });
  const refused = new Map(flakyTestMatcher(config.flaky_tests).problems.map((p) => [p.glob, p.reason]));
  config.flaky_tests.forEach((glob, i) => {
    const why = refused.get(glob);
    if (why) problems.push({ file, path: `flaky_tests[${i}]`, message: `${why}: this glob declares no test flaky` });
  });
  return problems;
}

/** The keys a top-level setting's object accepts (retry: enabled, max_attempts…), for "unknown key" messages. */
function nestedKeys(schema: z.ZodType): string[] {
  let inner: unknown = schema;
  for (let i = 0; i < 4 && inner && typeof inner === "object"; i++) {
    const def = (inner as { def?: { innerType?: unknown; shape?: Record<string, unknown>; options?: unknown[] } }).def;
    if (def?.shape) return Object.keys(def.shape);
    const option = def?.options?.find((o) => (o as { def?: { shape?: unknown } }).def?.shape);
    inner = def?.innerType ?? option;
  }
  return [];
}
