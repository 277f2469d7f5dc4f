// Patterns + a normalised log → one verdict. PURE: no I/O, no clock, no database.
// Only lines that can decide count (RULES.md, decisive.ts): the failing step, minus passing tests'
// output and warnings a tool recovered from; job-terminal signals count wherever they stand.
// Order: signals beside the log → a known-problem pattern → a genuine error in the failing step
// (it decides, whatever else the log says) → runner death → flaky patterns → platform timeout →
// genuine, quoting the decisive block's most specific line. Anything uncertain is genuine.
import type { LogStep, NormalisedLog } from "../logs/types.js";
import type { CompiledPattern, CompiledPatternSet, Probe } from "./compile.js";
import { decisiveLines, type Decisive } from "./decisive.js";
import { clip, excerptAround } from "./excerpt.js";
import { failingTestsOf } from "./failing-tests.js";
import { locate, locateBackwards, locateFirst, locateMultiline, type Located } from "./locate.js";
import { PICK_RANKS } from "./pick.js";
import { reasonLine } from "./reason-line.js";
import { runnerFlakyReportsOf } from "./runner-flaky-reports.js";
import type { TestEvent } from "./test-events.js";
import { failureSignature } from "./signature.js";
import { memoryTextSource, type TextSource } from "./text-source.js";
import type { JobContext, JobSignals, Verdict, VerdictClass } from "./verdict.js";

/** What the engine needs to know about a log besides its lines (NormalisedLog has it all). */
export interface LogFacts {
  lineCount: number;
  failingStep?: LogStep;
  failingStepReason: string;
  truncatedHeadBytes: number;
}

export interface ClassifyInput {
  /** The normalised log; absent when there is none (see signals.logMissing). */
  log?: NormalisedLog;
  compiled: CompiledPatternSet;
  context?: JobContext;
  signals?: JobSignals;
}

interface Ctx {
  facts: LogFacts;
  source: TextSource;
  compiled: CompiledPatternSet;
  decisive: Decisive;
}

/** Error lines of one rank looked at from the end of the step, and the gap that ends the decisive block. */
const PER_RANK = 50;
const BLOCK_GAP = 60;
const GENERIC_RANK = PICK_RANKS.findIndex((r) => r.id === "sift.genuine.error");

function base(ctx: Ctx | undefined, compiled: CompiledPatternSet, truncated: number): Pick<Verdict, "truncatedHeadBytes" | "patternSetHash" | "problems" | "step" | "stepReason"> {
  const step = ctx?.facts.failingStep;
  return {
    truncatedHeadBytes: truncated,
    patternSetHash: compiled.hash,
    problems: compiled.problems,
    ...(step ? { step: step.name } : {}),
    ...(ctx ? { stepReason: ctx.facts.failingStepReason } : {}),
  };
}

function at(ctx: Ctx, hit: Located | undefined) {
  if (!hit) return { line: null, excerpt: "", matchedText: "" };
  return { line: hit.line, excerpt: excerptAround((n) => ctx.source.line(n), hit.line, ctx.facts.lineCount), matchedText: clip(hit.matched) };
}

function signalVerdict(
  cls: VerdictClass,
  id: string,
  category: string,
  description: string,
  reason: string,
  extra: Partial<Verdict>,
): Omit<Verdict, "truncatedHeadBytes" | "patternSetHash" | "problems"> {
  return {
    class: cls,
    patternId: id,
    category,
    description,
    reason,
    line: null,
    excerpt: "",
    matchedText: "",
    signature: `${id}`,
    retry: { enabled: cls === "flaky" },
    ...extra,
  };
}

function probeIndex(compiled: CompiledPatternSet, id: string): number {
  return compiled.probes.findIndex((p) => p.id === id);
}

/** Runner death read from the log: shutdown / lost communication, or exit code 137 with "Killed". */
function runnerDied(ctx: Ctx, from: number, to: number): Located | undefined {
  const { compiled, source } = ctx;
  const shutdown = locateFirst(source, compiled, probeIndex(compiled, "sift.signal.runner-shutdown"), 1, ctx.facts.lineCount);
  if (shutdown) return shutdown;
  const exit137 = locateFirst(source, compiled, probeIndex(compiled, "sift.signal.exit-137"), from, to);
  if (!exit137) return undefined;
  return locateFirst(source, compiled, probeIndex(compiled, "sift.signal.killed"), from, to);
}

/** Categories whose patterns are job-terminal: they count wherever they stand, not only in the decisive lines. */
const TERMINAL = new Set(["runner", "timeout", "cancelled"]);
/** Hits of one pattern looked at before giving up on it (each is checked against the rules). */
const MAX_HITS = 200;

function matchPattern(ctx: Ctx, p: CompiledPattern, step: LogStep | undefined): Located | undefined {
  const terminal = TERMINAL.has(p.pattern.category);
  const whole = p.pattern.scope === "log" || terminal;
  if (!whole && !step) return undefined;
  const from = whole ? 1 : (step as LogStep).startLine;
  // Steps after the failing one never explain it; job-terminal signals stand wherever they stand.
  const to = terminal || !step ? ctx.facts.lineCount : step.endLine;
  const counts = (hit: Located) => ctx.decisive.excluded(hit.line, { anyStep: whole }) === undefined;
  if (p.multiline) {
    const hit = locateMultiline(ctx.source, p.multiline, from, to, p.unless);
    return hit && counts(hit) ? hit : undefined;
  }
  let seen = 0;
  for (const hit of locate(ctx.source, ctx.compiled, p.probe as number, from, to, p.unless ? { unless: p.unless } : {})) {
    if (counts(hit)) return hit;
    if (++seen >= MAX_HITS) break;
  }
  return undefined;
}

interface PatternHit {
  p: CompiledPattern;
  hit: Located;
}

/** Every pattern's first hit that counts, in precedence order. */
function patternHits(ctx: Ctx, context: JobContext): PatternHit[] {
  const step = ctx.facts.failingStep;
  const facts = { ...context, ...(step ? { stepName: step.name } : {}) };
  const hits: PatternHit[] = [];
  for (const p of ctx.compiled.patterns) {
    if (!p.applies(facts)) continue;
    const hit = matchPattern(ctx, p, step);
    if (hit) hits.push({ p, hit });
  }
  return hits;
}

/** A pattern in `mode: observe`: evaluated and counted, but it decides nothing. */
export function observing(p: CompiledPattern): boolean {
  return p.pattern.mode === "observe";
}

/** A line some flaky or known-problem pattern matches: infrastructure, not evidence of a genuine error. */
function infraLine(ctx: Ctx, text: string): boolean {
  return ctx.compiled.patterns.some((p) => !observing(p) && p.probe !== undefined && ctx.compiled.probes[p.probe]?.line.test(text) === true && !(p.unless?.test(text) ?? false));
}

/** The first genuine error that counts in the failing step and that no infrastructure line before it in the same test explains. */
function genuineEvidence(ctx: Ctx, hits: PatternHit[], from: number, to: number): Located | undefined {
  const { compiled, source } = ctx;
  let first: Located | undefined;
  compiled.probes.forEach((probe, i) => {
    if (probe.kind !== "pick" || !PICK_RANKS.find((r) => r.id === probe.id)?.evidence) return;
    let seen = 0;
    for (const hit of locate(source, compiled, i, from, first ? first.line : to, { skip: compiled.generic })) {
      if (++seen > MAX_HITS) break;
      if (ctx.decisive.excluded(hit.line) !== undefined || infraLine(ctx, hit.text)) continue;
      if (hits.some((h) => h.hit.line < hit.line && ctx.decisive.sameBlock(h.hit.line, hit.line))) continue;
      if (!first || hit.line < first.line) first = hit;
      break;
    }
  });
  return first;
}

/** The decisive block: the last cluster of error lines that count; its best-ranked first line, followed to its reason. */
function pickGenuine(ctx: Ctx, from: number, to: number): { hit?: Located; id: string; category: string } {
  const { compiled, source } = ctx;
  const found: { hit: Located; rank: number; probe: Probe }[] = [];
  let rank = 0;
  compiled.probes.forEach((probe, i) => {
    if (probe.kind !== "pick") return;
    const r = rank++;
    let kept = 0;
    for (const hit of locateBackwards(source, compiled, i, from, to, { skip: compiled.generic })) {
      if (ctx.decisive.excluded(hit.line) !== undefined) continue;
      found.push({ hit, rank: r, probe });
      if (++kept >= PER_RANK) break;
    }
  });
  const specific = found.filter((f) => f.rank < GENERIC_RANK);
  const pool = (specific.length > 0 ? specific : found).sort((a, b) => b.hit.line - a.hit.line);
  if (pool.length === 0) return { id: "sift.genuine.unknown", category: "unknown" };
  const block = [pool[0] as (typeof pool)[number]];
  for (const f of pool.slice(1)) {
    if ((block[block.length - 1] as (typeof pool)[number]).hit.line - f.hit.line > BLOCK_GAP) break;
    block.push(f);
  }
  const best = block.reduce((a, b) => (b.rank < a.rank || (b.rank === a.rank && b.hit.line < a.hit.line) ? b : a));
  const line = reasonLine((n) => source.line(n), best.hit.line, to, compiled.generic);
  const text = line === best.hit.line ? best.hit.text : source.line(line);
  return { hit: { line, text, matched: text.trim() }, id: best.probe.id, category: best.probe.category };
}

/** The failing step's failing tests and the runner's own flaky reports, from one scan of its test events. */
function testsOf(events: readonly TestEvent[]): Pick<Verdict, "tests" | "flakyReports"> {
  const tests = failingTestsOf(events).tests.map(({ id, file }) => (file ? { id, file } : { id }));
  const flakyReports = runnerFlakyReportsOf(events).map(({ id, file, how }) => (file ? { id, file, how } : { id, how }));
  return { ...(tests.length > 0 ? { tests } : {}), ...(flakyReports.length > 0 ? { flakyReports } : {}) };
}

/** Classifies a log read through `source` (in memory or streamed). */
export function classifyLog(facts: LogFacts, source: TextSource, compiled: CompiledPatternSet, context: JobContext = {}, signals: JobSignals = {}): Verdict {
  const step = facts.failingStep;
  const from = step?.startLine ?? 1;
  const to = step?.endLine ?? facts.lineCount;
  const retried = probeIndex(compiled, "sift.signal.test-retried");
  const mayHaveRetries = () => locateFirst(source, compiled, retried, from, to) !== undefined;
  const ctx: Ctx = { facts, source, compiled, decisive: decisiveLines(source, step, facts.lineCount, { mayHaveRetries }) };
  if (facts.lineCount === 0) {
    const common = base(ctx, compiled, facts.truncatedHeadBytes);
    return { ...signalVerdict("genuine", "sift.signal.no-log", "no-log", "The job's log is empty.", "an empty log cannot show a flaky cause, so the failure counts as genuine", {}), ...common };
  }

  // Observed patterns are matched like the others, then set aside: the verdict never sees them.
  const all = patternHits(ctx, context);
  const hits = all.filter((h) => !observing(h.p));
  const observed = all.filter((h) => observing(h.p)).map((h) => h.p.pattern.id);
  const common = { ...base(ctx, compiled, facts.truncatedHeadBytes), ...(observed.length > 0 ? { observed } : {}) };
  const known = hits.find((h) => h.p.pattern.class === "known-problem");
  const evidence = known ? undefined : genuineEvidence(ctx, hits, from, to);
  const died = evidence ? undefined : runnerDied(ctx, from, to);
  if (died) {
    const where = at(ctx, died);
    return {
      ...signalVerdict("flaky", "sift.signal.runner-died", "runner", "The runner died or was shut down during the job.", "the runner went away (shutdown signal, lost communication, or exit code 137 with Killed)", where),
      signature: `sift.signal.runner-died:${failureSignature(died.text)}`,
      ...common,
    };
  }

  const match = known ?? (evidence ? undefined : hits[0]);
  if (match) {
    const { p, hit } = match;
    const retry = p.pattern.retry;
    return {
      class: p.pattern.class,
      patternId: p.pattern.id,
      category: p.pattern.category,
      description: p.pattern.description ?? `Matched pattern ${p.pattern.id}.`,
      reason: `pattern "${p.pattern.id}" (${p.origin}) matched line ${hit.line}${step && hit.line >= step.startLine && hit.line <= step.endLine ? " of the failing step" : " of the log"}`,
      ...at(ctx, hit),
      signature: `${p.pattern.id}:${failureSignature(hit.matched)}`,
      retry:
        p.pattern.class === "known-problem"
          ? { enabled: false }
          : { enabled: retry?.enabled ?? true, ...(retry?.max_attempts === undefined ? {} : { maxAttempts: retry.max_attempts }) },
      ...(p.pattern.issue ? { issue: p.pattern.issue } : {}),
      origin: p.origin,
      ...common,
    };
  }

  const timeout = locateFirst(source, compiled, probeIndex(compiled, "sift.signal.platform-timeout"), 1, facts.lineCount);
  if (timeout || signals.conclusion === "timed_out") {
    return {
      ...signalVerdict("genuine", "sift.signal.platform-timeout", "timeout", "The job hit the platform's time limit.", "a platform timeout can be a hang caused by the change as well as slow infrastructure: counted as genuine", at(ctx, timeout)),
      signature: `sift.signal.platform-timeout:${timeout ? failureSignature(timeout.text) : ""}`,
      ...common,
    };
  }

  const pick = pickGenuine(ctx, from, to);
  const overruled = evidence ? hits[0] : undefined;
  const reason = overruled
    ? `The failing step holds a genuine error (line ${evidence?.line}); it decides, so pattern "${overruled.p.pattern.id}" (line ${overruled.hit.line}) does not explain the failure.`
    : step
    ? "No flaky or known-problem pattern matched the failing step."
    : `No failing step could be identified (${facts.failingStepReason}), so step-scoped patterns could not apply.`;
  return {
    class: "genuine",
    patternId: pick.id,
    category: pick.category,
    description: pick.hit ? clip(pick.hit.text.trim(), 200) : "No line explains the failure.",
    reason,
    ...at(ctx, pick.hit),
    matchedText: pick.hit ? clip(pick.hit.text.trim()) : "",
    signature: `genuine:${pick.hit ? failureSignature(pick.hit.text) : facts.failingStep?.name ?? ""}`,
    retry: { enabled: false },
    ...testsOf(ctx.decisive.events()),
    ...common,
  };
}

/** Classifies a job: signals beside the log first, then its normalised log. */
export function classify(input: ClassifyInput): Verdict {
  const { compiled, signals = {}, context = {} } = input;
  if (signals.neverStarted) {
    return {
      ...signalVerdict("flaky", "sift.signal.no-runner", "runner", "The job never got a runner.", "no runner picked the job up, so none of its steps ran", {}),
      ...base(undefined, compiled, 0),
    };
  }
  if (!input.log || signals.logMissing) {
    const why = signals.logMissing ?? "no log was provided";
    return {
      ...signalVerdict("genuine", "sift.signal.no-log", "no-log", `The job's log could not be read: ${why}.`, `without a log Sift cannot tell a flaky cause (${why}): counted as genuine`, {}),
      ...base(undefined, compiled, input.log?.truncatedHeadBytes ?? 0),
    };
  }
  return classifyLog(input.log, memoryTextSource(input.log, compiled), compiled, context, signals);
}
