// Where the engine reads lines from. In memory: the normalised text cut into ~1 MB segments,
// each run once through the probe set (the one pass), and through the lazy set (pick ranks) only
// when a segment is first asked about for one; the CLI supplies a streaming source over raw chunks
// instead. Either way the engine only opens segments a probe may match in. Segments
// are UTF-8 bytes: RE2 reads Buffers without converting them on every call.
import type { LogFormat } from "../logs/line-prefix.js";
import type { CompiledPatternSet } from "./compile.js";

export interface Segment {
  /** Line number (1-based) of the segment's first line. */
  firstLine: number;
  /** Whole lines, cleaned of escapes/CR/NUL; still carrying `TextSource.prefix` line prefixes. */
  bytes: Buffer;
}

export interface TextSource {
  lineCount: number;
  /** Line prefixes still present in segments ("plain" = segments are fully normalised). */
  prefix: LogFormat;
  /** Segments overlapping lines from..to in which probe `probe` may match, in order (or last first). */
  candidates(probe: number, from: number, to: number, reverse?: boolean): Iterable<Segment>;
  /** Normalised text of lines from..to, at most maxChars (the tail is kept). */
  text(from: number, to: number, maxChars: number): { firstLine: number; text: string };
  /** Normalised text of one line (1-based); "" when out of range. */
  line(n: number): string;
}

export const SEGMENT_CHARS = 1 << 20;

interface IndexedSegment extends Segment {
  lastLine: number;
  hits: Set<number>;
  /** Whether the lazy probes' hits are in `hits` yet. */
  lazyDone: boolean;
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
    const bytes = Buffer.from(log.text.slice(start, end), "utf8");
    let lines = 0;
    for (let p = bytes.indexOf(10); p !== -1; p = bytes.indexOf(10, p + 1)) lines++;
    if (bytes[bytes.length - 1] !== 10) lines++;
    segments.push({ firstLine: line, lastLine: line + lines - 1, bytes, hits: new Set(compiled.set.match(bytes)), lazyDone: false });
    line += lines;
    start = end;
  }
  return {
    lineCount: log.lineCount,
    prefix: "plain",
    *candidates(probe, from, to, reverse = false) {
      for (let k = 0; k < segments.length; k++) {
        const s = segments[reverse ? segments.length - 1 - k : k] as IndexedSegment;
        if (s.lastLine < from || s.firstLine > to) continue;
        if (probe >= compiled.lazyFrom && !s.lazyDone) {
          for (const i of compiled.lazySet.match(s.bytes)) s.hits.add(compiled.lazyFrom + i);
          s.lazyDone = true;
        }
        if (s.hits.has(probe)) yield s;
      }
    },
    text(from, to, maxChars) {
      let first = Math.max(1, from);
      let text = log.slice(first, to);
      if (text.length > maxChars) {
        const cut = text.indexOf("\n", text.length - maxChars);
        if (cut !== -1) {
          for (let p = text.indexOf("\n"); p !== -1 && p < cut; p = text.indexOf("\n", p + 1)) first++;
          first++;
          text = text.slice(cut + 1);
        }
      }
      return { firstLine: first, text };
    },
    line: (n) => log.line(n),
  };
}
