// Patterns + a normalised log → one verdict. PURE: no I/O, no clock, no database.
// Order: signals beside the log (no log, no runner) → runner death read from the log →
// patterns (known-problem beats flaky; repo, org, built-ins in file order) → platform timeout →
// genuine, with the line a human would point at. Anything uncertain is genuine, with a reason.
import type { LogStep, NormalisedLog } from "../logs/types.js";
import type { CompiledPattern, CompiledPatternSet } from "./compile.js";
import { clip, excerptAround } from "./excerpt.js";
import { failingTestsOf } from "./failing-tests.js";
import { runnerFlakyReportsOf } from "./runner-flaky-reports.js";
import { testEventsInSource } from "./test-events-in-range.js";
import { locateFirst, locateMultiline, type Located } from "./locate.js";
import { failureSignature } from "./signature.js";
import { memoryTextSource, type TextSource } from "./textSource.js";
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
}

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

function matchPattern(ctx: Ctx, p: CompiledPattern, step: LogStep | undefined): Located | undefined {
  const whole = p.pattern.scope === "log";
  if (!whole && !step) return undefined;
  const from = whole ? 1 : (step as LogStep).startLine;
  const to = whole ? ctx.facts.lineCount : (step as LogStep).endLine;
  if (p.multiline) return locateMultiline(ctx.source, p.multiline, from, to, p.unless);
  return locateFirst(ctx.source, ctx.compiled, p.probe as number, from, to, p.unless ? { unless: p.unless } : {});
}

function patternVerdict(ctx: Ctx, context: JobContext): { p: CompiledPattern; hit: Located } | undefined {
  const step = ctx.facts.failingStep;
  const facts = { ...context, ...(step ? { stepName: step.name } : {}) };
  let flaky: { p: CompiledPattern; hit: Located } | undefined;
  for (const p of ctx.compiled.patterns) {
    if (flaky && p.pattern.class === "flaky") continue;
    if (!p.applies(facts)) continue;
    const hit = matchPattern(ctx, p, step);
    if (!hit) continue;
    if (p.pattern.class === "known-problem") return { p, hit };
    flaky ??= { p, hit };
  }
  return flaky;
}

function pickGenuine(ctx: Ctx, from: number, to: number): { hit?: Located; id: string; category: string } {
  const { compiled, source } = ctx;
  for (let i = 0; i < compiled.probes.length; i++) {
    const probe = compiled.probes[i];
    if (probe?.kind !== "pick") continue;
    const hit = locateFirst(source, compiled, i, from, to, { skip: compiled.generic });
    if (hit) return { hit, id: probe.id, category: probe.category };
  }
  return { id: "sift.genuine.unknown", category: "unknown" };
}

/** The failing step's failing tests and the runner's own flaky reports, from one scan of its test events. */
function testsOf(source: TextSource, from: number, to: number): Pick<Verdict, "tests" | "flakyReports"> {
  const events = testEventsInSource(source, from, to);
  const tests = failingTestsOf(events).tests.map(({ id, file }) => (file ? { id, file } : { id }));
  const flakyReports = runnerFlakyReportsOf(events).map(({ id, file, how }) => (file ? { id, file, how } : { id, how }));
  return { ...(tests.length > 0 ? { tests } : {}), ...(flakyReports.length > 0 ? { flakyReports } : {}) };
}

/** Classifies a log read through `source` (in memory or streamed). */
export function classifyLog(facts: LogFacts, source: TextSource, compiled: CompiledPatternSet, context: JobContext = {}, signals: JobSignals = {}): Verdict {
  const ctx: Ctx = { facts, source, compiled };
  const common = base(ctx, compiled, facts.truncatedHeadBytes);
  if (facts.lineCount === 0) {
    return { ...signalVerdict("genuine", "sift.signal.no-log", "no-log", "The job's log is empty.", "an empty log cannot show a flaky cause, so the failure counts as genuine", {}), ...common };
  }
  const step = facts.failingStep;
  const from = step?.startLine ?? 1;
  const to = step?.endLine ?? facts.lineCount;

  const died = runnerDied(ctx, from, to);
  if (died) {
    const where = at(ctx, died);
    return {
      ...signalVerdict("flaky", "sift.signal.runner-died", "runner", "The runner died or was shut down during the job.", "the runner went away (shutdown signal, lost communication, or exit code 137 with Killed)", where),
      signature: `sift.signal.runner-died:${failureSignature(died.text)}`,
      ...common,
    };
  }

  const match = patternVerdict(ctx, context);
  if (match) {
    const { p, hit } = match;
    const retry = p.pattern.retry;
    return {
      class: p.pattern.class,
      patternId: p.pattern.id,
      category: p.pattern.category,
      description: p.pattern.description ?? `Matched pattern ${p.pattern.id}.`,
      reason: `pattern "${p.pattern.id}" (${p.origin}) matched line ${hit.line}${p.pattern.scope === "log" ? " of the log" : " of the failing step"}`,
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
  const reason = step
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
    ...testsOf(source, from, to),
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
