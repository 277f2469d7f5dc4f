// Where the engine reads lines from. In memory: the normalised text cut into ~1 MB segments,
// each run once through the probe set (the one pass); the CLI supplies a streaming source that
// scanned raw bytes instead. Either way the engine only opens segments a probe may match in.
import type { CompiledPatternSet } from "./compile.js";

export interface Segment {
  /** Line number (1-based) of the segment's first line. */
  firstLine: number;
  /** Whole normalised lines joined with "\n". */
  text: string;
}

export interface TextSource {
  lineCount: number;
  /** Segments overlapping lines from..to in which probe `probe` may match, in order. */
  candidates(probe: number, from: number, to: number): Iterable<Segment>;
  /** Normalised text of lines from..to, at most maxChars (the tail is kept). */
  text(from: number, to: number, maxChars: number): Segment;
  /** Text of one line (1-based); "" when out of range. */
  line(n: number): string;
}

export const SEGMENT_CHARS = 1 << 20;

interface IndexedSegment extends Segment {
  lastLine: number;
  hits: ReadonlySet<number>;
}

/** A TextSource over an in-memory normalised text (see NormalisedLog). */
export function memoryTextSource(
  log: { text: string; lineCount: number; line(n: number): string; slice(from: number, to: number): string },
  compiled: CompiledPatternSet,
): TextSource {
  const segments: IndexedSegment[] = [];
  let line = 1;
  for (let start = 0; start < log.text.length; ) {
    let end = Math.min(log.text.length, start + SEGMENT_CHARS);
    if (end < log.text.length) {
      const nl = log.text.lastIndexOf("\n", end);
      end = nl > start ? nl + 1 : log.text.indexOf("\n", end) + 1 || log.text.length;
    }
    const text = log.text.slice(start, end);
    let lines = 0;
    for (let p = text.indexOf("\n"); p !== -1; p = text.indexOf("\n", p + 1)) lines++;
    if (!text.endsWith("\n")) lines++;
    segments.push({ firstLine: line, lastLine: line + lines - 1, text, hits: new Set(compiled.set.match(text)) });
    line += lines;
    start = end;
  }
  return {
    lineCount: log.lineCount,
    *candidates(probe, from, to) {
      for (const s of segments) if (s.lastLine >= from && s.firstLine <= to && s.hits.has(probe)) yield s;
    },
    text(from, to, maxChars) {
      let first = Math.max(1, from);
      let text = log.slice(first, to);
      while (text.length > maxChars && first < to) {
        const cut = text.indexOf("\n", text.length - maxChars);
        if (cut === -1) break;
        first += countLines(text, cut + 1);
        text = text.slice(cut + 1);
      }
      return { firstLine: first, text };
    },
    line: (n) => log.line(n),
  };
}

function countLines(text: string, upTo: number): number {
  let n = 0;
  for (let p = text.indexOf("\n"); p !== -1 && p < upTo; p = text.indexOf("\n", p + 1)) n++;
  return n;
}
