// Compiles the effective pattern list once per config: every regex through the RE2 factory, one
// RE2.Set over all single-line patterns plus the genuine-line ranks and step markers ("probes"),
// so a log is read once whatever the number of patterns.
import { createHash } from "node:crypto";
import picomatch from "picomatch";
import type { ConfigProblem, Pattern, SourcedPattern } from "../model/index.js";
import { compileRegex, compileRegexSet, PatternRegexError, type RE2 } from "./regex.js";
import { GENERIC_LINE, PICK_RANKS } from "./pick.js";
import { STEP_MARKERS, SIGNAL_PROBES } from "./probes.js";
import { PREFIX_SOURCE, type LogFormat } from "../logs/linePrefix.js";
import { tolerateLinePrefix } from "./rawScan.js";

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
  probes: Probe[];
  /** RE2.Set over every probe source, in probe order. */
  set: ReturnType<typeof compileRegexSet>;
  generic: RE2;
  hash: string;
  problems: ConfigProblem[];
  /** Probe `index`'s regex (flags "gm") for segments whose lines still carry `prefix`. */
  scanRegex(index: number, prefix: LogFormat): RE2;
}

type Globs = string[] | undefined;

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

export function patternSetHash(patterns: readonly SourcedPattern[]): string {
  const h = createHash("sha256");
  h.update("sift-patterns-v1\n");
  for (const { pattern, origin } of patterns) h.update(`${JSON.stringify([origin, pattern])}\n`);
  return h.digest("hex").slice(0, 16);
}

/** Compiles `sourced` (already in precedence order). Patterns RE2 rejects become problems; the rest apply. */
export function compilePatternSet(sourced: readonly SourcedPattern[], problems: readonly ConfigProblem[] = []): CompiledPatternSet {
  const out: ConfigProblem[] = [...problems];
  const patterns: CompiledPattern[] = [];
  const probes: Probe[] = [];
  for (const s of sourced) {
    const p = s.pattern;
    try {
      const unless = p.unless === undefined ? undefined : compileRegex(p.unless, { id: p.id, field: "unless" });
      const compiled: CompiledPattern = { ...s, applies: appliesFn(p), ...(unless ? { unless } : {}) };
      if (p.multiline) compiled.multiline = compileRegex(p.regex, { id: p.id, flags: "gm" });
      else {
        compileRegex(p.regex, { id: p.id }); // rejects what RE2 cannot compile, with the pattern's id
        compiled.probe = probes.length;
        probes.push(probe("pattern", p.id, p.regex, p.category, patterns.length));
      }
      patterns.push(compiled);
    } catch (error) {
      if (!(error instanceof PatternRegexError)) throw error;
      out.push({ file: s.origin === "builtin" ? "built-in library" : `${s.origin} config`, path: `patterns[id=${p.id}].${error.field}`, message: `does not compile under RE2: ${error.reason}`, patternId: p.id });
    }
  }
  for (const r of PICK_RANKS) probes.push(probe("pick", r.id, r.source, r.category));
  for (const m of STEP_MARKERS) probes.push(probe("marker", m.id, m.source, "marker"));
  for (const s of SIGNAL_PROBES) probes.push(probe("signal", s.id, s.source, s.category));
  return {
    patterns,
    probes,
    set: compileRegexSet(probes.map((p) => p.source)),
    generic: compileRegex(GENERIC_LINE, { id: "sift.generic-line" }),
    hash: patternSetHash(sourced),
    problems: out,
    scanRegex(index, prefix) {
      const p = probes[index] as Probe;
      if (prefix === "plain") return p.scan;
      return compileRegex(tolerateLinePrefix(p.source, PREFIX_SOURCE[prefix]), { id: p.id, flags: "gm" });
    },
  };
}
