// Which lines of a log may explain the failure (RULES.md): only lines of the failing step, and of
// those neither a passing test's output nor a warning a tool recovered from. A test's output is
// bounded by the runner's markers (test-markers.ts): lines a pass verdict closes, or lines under a
// passing block's header, are a passing test's; so is the report of a failed attempt of a test the
// runner re-ran until it passed (retried-attempts.ts). Windows of the step are read around the
// lines asked about, so a streamed log is never read whole.
import type { LogStep } from "../logs/types.js";
import { lineStartIndex } from "../logs/line-index.js";
import { compileRegex, type RE2 } from "./regex.js";
import { retriedAttempts } from "./retried-attempts.js";
import type { TestEvent } from "./test-events.js";
import { testEventsInSource } from "./test-events-in-range.js";
import { MARKER_KINDS, TEST_MARKERS, type MarkerKind } from "./test-markers.js";
import type { TextSource } from "./text-source.js";

/** A warning, or a retry announced: the tool carried on. */
export const RECOVERED_LINE = String.raw`^(?:##\[warning\]|npm WARN |warning: |WARN(?:ING)?:? )|tries remaining\b|retries (?:left|remaining)\b|\b[Ww]ill retry\b|\b[Rr]etrying\b|\b[Rr]etry(?:ing)? (?:in|after) \d|\b[Aa]ttempt \d+ ?(?:of|/) ?\d+ failed|Using stale data from`;

/** Lines shaped like a warning or a retry that report a failure nobody recovered from: a data race, a retry given up. */
export const NOT_RECOVERED_LINE = String.raw`^WARNING: DATA RACE$|^WARNING: ThreadSanitizer: |\b(?:[Tt]imed out|[Gg]ave up|[Gg]iving up) retrying\b`;

/** Lines that only relay that a step failed: a step that ends on these ended on what came before. */
export const RELAY_LINE = String.raw`^\s*$|^##\[error\]|^Error: Process completed|exit(?:ed with)? (?:code|status) \d+|^make(?:\[\d+\])?: \*\*\* |^npm ERR! |^npm error |^ELIFECYCLE|^error Command failed|^\[ERROR\]|^FAILURE: |^BUILD FAIL|^\* (?:What went wrong|Try):|^> (?:Run with|Get more help)|^Finished: |^Build step '.*' marked build as failure|^The command ".*" exited|Done\. Your build exited|did not complete successfully: exit code`;

const WINDOW = 2000;
/** Lines one test's output spans at most for an infrastructure line to explain an error after it. */
const SAME_BLOCK = 200;
/** How far after a warning the step may still end "on" it (retries ran out). */
const END_SLACK = 30;

interface Marker {
  line: number;
  kind: MarkerKind;
}

export interface Decisive {
  /** Why line `n` cannot explain the failure, or undefined when it can. */
  excluded(n: number, options?: { anyStep?: boolean }): string | undefined;
  /** Whether lines a ≤ b lie in one test's output (no test marker after a, up to b). */
  sameBlock(a: number, b: number): boolean;
  /** The failing step's test events (test-events.ts), scanned once. */
  events(): readonly TestEvent[];
}

const regexes = (): Record<MarkerKind, RE2> =>
  Object.fromEntries(MARKER_KINDS.map((k) => [k, compileRegex(TEST_MARKERS[k], { id: `sift.marker.${k}`, flags: "gm" })])) as Record<MarkerKind, RE2>;

/** Test markers of lines first.., in line order (one per line; openers win over trailers). */
function markersIn(text: string, first: number): Marker[] {
  const buf = Buffer.from(text, "utf8");
  const starts: number[] = [0];
  for (let p = buf.indexOf(10); p !== -1; p = buf.indexOf(10, p + 1)) starts.push(p + 1);
  const lineOf = (offset: number) => first + lineStartIndex(starts, offset);
  const byLine = new Map<number, MarkerKind>();
  const re = regexes();
  for (const kind of MARKER_KINDS) {
    const r = re[kind];
    r.lastIndex = 0;
    for (let m = r.exec(buf); m; m = r.exec(buf)) {
      const line = lineOf(m.index);
      const nl = buf.indexOf(10, m.index);
      r.lastIndex = nl === -1 ? buf.length + 1 : nl + 1;
      const had = byLine.get(line);
      if (!had || kind.endsWith("opener")) byLine.set(line, kind);
      if (nl === -1) break;
    }
  }
  return [...byLine.entries()].map(([line, kind]) => ({ line, kind })).sort((a, b) => a.line - b.line);
}

export interface DecisiveOptions {
  /** Whether a runner may have re-tried a test in the step (a cheap probe); the step's test events are only read when so. */
  mayHaveRetries?: () => boolean;
}

/** Lines of the failing step that count, read around the lines asked about. */
export function decisiveLines(source: TextSource, step: LogStep | undefined, lineCount: number, options: DecisiveOptions = {}): Decisive {
  const from = step?.startLine ?? 1;
  const to = step?.endLine ?? lineCount;
  const recovered = compileRegex(RECOVERED_LINE, { id: "sift.decisive.recovered" });
  const notRecovered = compileRegex(NOT_RECOVERED_LINE, { id: "sift.decisive.not-recovered" });
  const relay = compileRegex(RELAY_LINE, { id: "sift.decisive.relay" });
  const windows = new Map<number, Marker[]>();
  let events: readonly TestEvent[] | undefined;
  let retried: [number, number][] | undefined;
  const stepEvents = () => (events ??= testEventsInSource(source, from, to));
  const retriedAttempt = (n: number) => (retried ??= options.mayHaveRetries?.() === false ? [] : retriedAttempts(stepEvents(), to)).some(([a, b]) => n >= a && n <= b);

  function markersAround(n: number): Marker[] {
    const k = Math.floor(n / WINDOW);
    let hit = windows.get(k);
    if (!hit) {
      const a = Math.max(from, (k - 1) * WINDOW);
      const b = Math.min(to, (k + 2) * WINDOW);
      const seg = source.text(a, b, 32 << 20);
      hit = markersIn(seg.text, seg.firstLine);
      windows.set(k, hit);
    }
    return hit;
  }

  function passingOutput(n: number): boolean {
    const markers = markersAround(n);
    let before: Marker | undefined;
    let after: Marker | undefined;
    for (const m of markers) {
      if (m.line < n || (m.line === n && (m.kind === "start" || m.kind.endsWith("opener")))) before = m;
      else if (!after) after = m;
    }
    const here = markers.find((m) => m.line === n);
    if (here?.kind === "pass") return true;
    if (before?.kind === "pass-opener") return true;
    const open = !before || before.kind === "start" || before.kind === "pass";
    return open && after?.kind === "pass";
  }

  function stepEndsOn(n: number): boolean {
    const end = Math.min(to, n + END_SLACK);
    if (end < to) return false;
    for (let k = n + 1; k <= end; k++) if (!relay.test(source.line(k))) return false;
    return true;
  }

  return {
    excluded(n, options = {}) {
      if (!options.anyStep && (n < from || n > to)) return n > to ? "after the failing step" : "outside the failing step";
      const text = source.line(n);
      if (recovered.test(text) && !notRecovered.test(text) && !stepEndsOn(n)) return "a warning or retry the tool recovered from";
      if (n >= from && n <= to && passingOutput(n)) return "output of a test that passed";
      if (n >= from && n <= to && retriedAttempt(n)) return "a failed attempt of a test that passed on the runner's re-try";
      return undefined;
    },
    sameBlock(a, b) {
      if (a < from || b > to || b - a > SAME_BLOCK) return false;
      return !markersAround(b).some((m) => m.line > a && m.line <= b && m.kind !== "start");
    },
    events: stepEvents,
  };
}
