// Compiles the effective pattern list once per config: every regex through the RE2 factory, one
// RE2.Set over all single-line patterns plus the step markers and runner signals, so a log is read
// once whatever the number of patterns. The genuine-line ranks ("pick" probes) are only ever looked
// for inside the failing step, so they get a set of their own, run only on the segments asked about:
// together with the patterns they made RE2's DFA a third slower on every byte of the log.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import type picomatchType from "picomatch";
import type { ConfigProblem, Pattern, SourcedPattern } from "../model/index.js";
import { compileRegex, compileRegexSet, countedRepetitions, PatternRegexError, type RE2 } from "./regex.js";
import { fitRegexSet, type RegexSet } from "./fit-regex-set.js";
import { GENERIC_LINE, PICK_RANKS } from "./pick.js";
import { STEP_MARKERS, SIGNAL_PROBES } from "./probes.js";
import { PREFIX_SOURCE, type LogFormat } from "../logs/line-prefix.js";
import { tolerateLinePrefix } from "./raw-scan.js";

export type ProbeKind = "pattern" | "pick" | "marker" | "signal";

export interface Probe {
  kind: ProbeKind;
  id: string;
  /** Regex source matched against one normalised line (the set runs it with ^/$ at lines). */
  source: string;
  /** Same source, flags "gm": finds candidates in a multi-line segment. */
  scan: RE2;
  /** Same source, no flags: confirms a candidate on its own line. */
  line: RE2;
  category: string;
  /** Index into CompiledPatternSet.patterns for kind "pattern". */
  pattern?: number;
}

export interface CompiledPattern extends SourcedPattern {
  /** Probe index (single-line patterns) or undefined (multiline patterns run on the step text). */
  probe?: number;
  multiline?: RE2;
  unless?: RE2;
  applies: (context: { jobName?: string; workflowName?: string; branch?: string; stepName?: string }) => boolean;
}

export interface CompiledPatternSet {
  patterns: CompiledPattern[];
  /** Whole-log probes (patterns, markers, signals), then the lazy ones (pick ranks) from `lazyFrom` on. */
  probes: Probe[];
  /** RE2.Set over the sources of probes[0, lazyFrom), in probe order: the one pass over a log. */
  set: RegexSet;
  /** Index of the first probe not in `set`: these are only looked for in the segments asked about. */
  lazyFrom: number;
  /** RE2.Set over the sources of probes[lazyFrom…]; its match() answers positions from lazyFrom. */
  lazySet: RegexSet;
  generic: RE2;
  hash: string;
  problems: ConfigProblem[];
  /** What this set was compiled from (plain data, in order): a worker thread compiles the same set from it. */
  sourced: readonly SourcedPattern[];
  /** Probe `index`'s regex (flags "gm") for segments whose lines still carry `prefix`. */
  scanRegex(index: number, prefix: LogFormat): RE2;
}

type Globs = string[] | undefined;

// picomatch takes longer to load than RE2 (14 ms): loaded on the first pattern with globs, since the
// command line compiles a set on every run and most patterns have none.
const require = createRequire(import.meta.url);
let picomatchModule: typeof picomatchType | undefined;
const picomatch = (...args: Parameters<typeof picomatchType>) => (picomatchModule ??= require("picomatch") as typeof picomatchType)(...args);

function globMatcher(globs: Globs): ((value: string | undefined) => boolean) | undefined {
  if (!globs || globs.length === 0) return undefined;
  // bash: a single * also crosses "/" (job and workflow names are names, not paths).
  const isMatch = picomatch(globs, { nocase: true, dot: true, bash: true });
  return (value) => value !== undefined && isMatch(value);
}

function appliesFn(p: Pattern): CompiledPattern["applies"] {
  const jobs = globMatcher(p.jobs);
  const workflows = globMatcher(p.workflows);
  const steps = globMatcher(p.steps);
  const branches = globMatcher(p.branches);
  return (c) => (!jobs || jobs(c.jobName)) && (!workflows || workflows(c.workflowName)) && (!steps || steps(c.stepName)) && (!branches || branches(c.branch));
}

function probe(kind: ProbeKind, id: string, source: string, category: string, pattern?: number): Probe {
  // scan/line are compiled on first use: most probes never need locating (start-up matters to the CLI).
  let scan: RE2 | undefined;
  let line: RE2 | undefined;
  return {
    kind,
    id,
    source,
    get scan() {
      return (scan ??= compileRegex(source, { id, flags: "gm" }));
    },
    get line() {
      return (line ??= compileRegex(source, { id }));
    },
    category,
    ...(pattern === undefined ? {} : { pattern }),
  };
}

function fileOf(s: SourcedPattern): string {
  return s.origin === "builtin" ? "built-in library" : `${s.origin} config`;
}

function setProblem(c: CompiledPattern): ConfigProblem {
  const message = "compiles alone, but not together with the other patterns in one RE2.Set (too large together); it is not applied: simplify it or drop other patterns";
  return { file: fileOf(c), path: `patterns[id=${c.pattern.id}].regex`, message, patternId: c.pattern.id };
}

function untriedProblem(cs: readonly CompiledPattern[]): ConfigProblem {
  const ids = cs.slice(0, 10).map((c) => c.pattern.id).join(", ");
  const message = `${cs.length} more patterns (${ids}${cs.length > 10 ? ", …" : ""}) are not applied: the patterns before them already fill one RE2.Set`;
  return { file: fileOf(cs[0] as CompiledPattern), path: "patterns", message };
}

/**
 * Identifies the effective pattern set a verdict was made with: every pattern with its layer
 * (built-in library, org, repo, in precedence order) and the engine's own probes (the error-line
 * ranks, step markers and signals a Sift upgrade may change). Equal hashes, equal verdicts on the
 * same text; a re-classification is due when a repository's hash changes.
 */
export function patternSetHash(patterns: readonly SourcedPattern[], engine: readonly string[] = []): string {
  const h = createHash("sha256");
  h.update("sift-patterns-v2\n");
  for (const { pattern, origin } of patterns) h.update(`${JSON.stringify([origin, pattern])}\n`);
  h.update("engine\n");
  for (const source of engine) h.update(`${JSON.stringify(source)}\n`);
  return h.digest("hex").slice(0, 16);
}

export interface CompileOptions {
  /** Every regex of `sourced` is known to compile (a cached, already checked list): skip the check. */
  prechecked?: boolean;
}

/** Compiles `sourced` (already in precedence order). Patterns RE2 rejects become problems; the rest apply. */
export function compilePatternSet(sourced: readonly SourcedPattern[], problems: readonly ConfigProblem[] = [], options: CompileOptions = {}): CompiledPatternSet {
  const out: ConfigProblem[] = [...problems];
  const compiledOnes: CompiledPattern[] = [];
  for (const s of sourced) {
    const p = s.pattern;
    try {
      const unless = p.unless === undefined ? undefined : compileRegex(p.unless, { id: p.id, field: "unless" });
      const compiled: CompiledPattern = { ...s, applies: appliesFn(p), ...(unless ? { unless } : {}) };
      if (p.multiline) compiled.multiline = compileRegex(p.regex, { id: p.id, flags: "gm" });
      else if (!options.prechecked) compileRegex(p.regex, { id: p.id }); // rejects what RE2 cannot compile, with the pattern's id
      compiledOnes.push(compiled);
    } catch (error) {
      if (!(error instanceof PatternRegexError)) throw error;
      out.push({ file: fileOf(s), path: `patterns[id=${p.id}].${error.field}`, message: `does not compile under RE2: ${error.reason}`, patternId: p.id });
    }
  }
  const pick = PICK_RANKS.map((r) => ({ kind: "pick" as const, id: r.id, source: r.source, category: r.category }));
  const whole = [
    ...STEP_MARKERS.map((m) => ({ kind: "marker" as const, id: m.id, source: m.source, category: "marker" })),
    ...SIGNAL_PROBES.map((s) => ({ kind: "signal" as const, id: s.id, source: s.source, category: s.category })),
  ];
  // Repo and org patterns that cannot join one RE2.Set with those before them are left out, and said so.
  const single = compiledOnes.filter((c) => !c.pattern.multiline);
  const sources = [...single.map((c) => c.pattern.regex), ...whole.map((o) => o.source)];
  const fitted = fitRegexSet(sources, (i) => i >= single.length || single[i]?.origin === "builtin", (s) => s.length + 10 * countedRepetitions(s));
  const left = new Set([...fitted.dropped, ...fitted.untried].map((i) => single[i] as CompiledPattern));
  for (const i of fitted.dropped) out.push(setProblem(single[i] as CompiledPattern));
  if (fitted.untried.length > 0) out.push(untriedProblem(fitted.untried.map((i) => single[i] as CompiledPattern)));
  const patterns: CompiledPattern[] = [];
  const probes: Probe[] = [];
  for (const compiled of compiledOnes) {
    if (left.has(compiled)) continue;
    const p = compiled.pattern;
    if (!p.multiline) {
      compiled.probe = probes.length;
      probes.push(probe("pattern", p.id, p.regex, p.category, patterns.length));
    }
    patterns.push(compiled);
  }
  for (const o of whole) probes.push(probe(o.kind, o.id, o.source, o.category));
  const lazyFrom = probes.length;
  for (const o of pick) probes.push(probe(o.kind, o.id, o.source, o.category));
  // The engine's part of the hash in its historical order (ranks, markers, signals): same probes, same hash.
  const engine = [...pick, ...whole].map((o) => `${o.kind}:${o.id}:${o.source}`);
  return {
    patterns,
    probes,
    set: fitted.set,
    lazyFrom,
    lazySet: compileRegexSet(pick.map((o) => o.source)),
    generic: compileRegex(GENERIC_LINE, { id: "sift.generic-line" }),
    hash: patternSetHash(sourced, engine),
    problems: out,
    sourced,
    scanRegex(index, prefix) {
      const p = probes[index] as Probe;
      if (prefix === "plain") return p.scan;
      return compileRegex(tolerateLinePrefix(p.source, PREFIX_SOURCE[prefix]), { id: p.id, flags: "gm" });
    },
  };
}
