// From "this segment may match" to the exact line: scan the segment's bytes with the probe's
// regex (prefix-tolerant for raw segments), then confirm on the normalised single line (a match
// that only works across lines does not count) and apply `unless` to that same line.
import { stripLinePrefixes } from "../logs/line-prefix.js";
import type { CompiledPatternSet, Probe } from "./compile.js";
import type { RE2 } from "./regex.js";
import type { Segment, TextSource } from "./text-source.js";

export interface Located {
  line: number;
  text: string;
  matched: string;
}

export interface LocateOptions {
  unless?: RE2;
  /** Lines that never count (generic "exit code 1" lines for genuine picks). */
  skip?: RE2;
  /** Stop after this many matches (1 = first only). */
  limit?: number;
}

interface Scan {
  re: RE2;
  line: RE2;
  source: TextSource;
}

/** The probe's regexes, compiled on its first candidate segment: most probes have none in a log. */
function lazyScan(source: TextSource, compiled: CompiledPatternSet, index: number): () => Scan {
  let scan: Scan | undefined;
  return () => (scan ??= { re: compiled.scanRegex(index, source.prefix), line: (compiled.probes[index] as Probe).line, source });
}

function* inSegment(scan: Scan, seg: Segment, from: number, to: number, options: LocateOptions): Generator<Located> {
  const { re, source } = scan;
  const buf = seg.bytes;
  let line = seg.firstLine;
  let counted = 0; // newlines before this byte offset are counted into `line`
  re.lastIndex = 0;
  while (re.lastIndex <= buf.length) {
    const m = re.exec(buf);
    if (!m) return;
    for (let p = buf.indexOf(10, counted); p !== -1 && p < m.index; p = buf.indexOf(10, p + 1)) {
      line++;
      counted = p + 1;
    }
    const lineStart = m.index === 0 ? 0 : buf.lastIndexOf(10, m.index - 1) + 1;
    const nl = buf.indexOf(10, m.index);
    const lineEnd = nl === -1 ? buf.length : nl;
    re.lastIndex = lineEnd + 1; // one hit per line at most; also steps over empty matches
    if (line < from) continue;
    if (line > to) return;
    const raw = buf.toString("utf8", lineStart, lineEnd);
    const text = source.prefix === "plain" ? raw : stripLinePrefixes(raw, source.prefix);
    const confirm = scan.line.exec(text);
    if (!confirm) continue;
    if (options.unless?.test(text)) continue;
    if (options.skip?.test(text)) continue;
    yield { line, text, matched: confirm[0] };
  }
}

/** Confirmed matches of probe `index` within lines from..to, in line order. */
export function* locate(source: TextSource, compiled: CompiledPatternSet, index: number, from: number, to: number, options: LocateOptions = {}): Generator<Located> {
  if (!compiled.probes[index]) return;
  const scan = lazyScan(source, compiled, index);
  let found = 0;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for (const seg of source.candidates(index, from, to)) {
    for (const hit of inSegment(scan(), seg, from, to, options)) {
      yield hit;
      if (++found >= limit) return;
    }
  }
}

/** Confirmed matches of probe `index` within lines from..to, last first (segment by segment from the end). */
export function* locateBackwards(source: TextSource, compiled: CompiledPatternSet, index: number, from: number, to: number, options: LocateOptions = {}): Generator<Located> {
  if (!compiled.probes[index]) return;
  const scan = lazyScan(source, compiled, index);
  for (const seg of source.candidates(index, from, to, true)) {
    yield* [...inSegment(scan(), seg, from, to, options)].reverse();
  }
}

export function locateFirst(source: TextSource, compiled: CompiledPatternSet, index: number, from: number, to: number, options: LocateOptions = {}): Located | undefined {
  for (const hit of locate(source, compiled, index, from, to, { ...options, limit: 1 })) return hit;
  return undefined;
}

/** First match of a multiline regex in lines from..to: the line where the match starts. */
export function locateMultiline(source: TextSource, re: RE2, from: number, to: number, unless?: RE2, maxChars = 8 << 20): Located | undefined {
  const seg = source.text(from, to, maxChars);
  const bytes = Buffer.from(seg.text, "utf8");
  re.lastIndex = 0;
  for (let m = re.exec(bytes); m; m = re.exec(bytes)) {
    if (m[0].length === 0) re.lastIndex++;
    let line = seg.firstLine;
    for (let p = bytes.indexOf(10); p !== -1 && p < m.index; p = bytes.indexOf(10, p + 1)) line++;
    const start = m.index === 0 ? 0 : bytes.lastIndexOf(10, m.index - 1) + 1;
    const nl = bytes.indexOf(10, m.index);
    const lineText = bytes.toString("utf8", start, nl === -1 ? bytes.length : nl);
    if (unless?.test(lineText)) continue;
    return { line, text: lineText, matched: m[0].toString("utf8") };
  }
  return undefined;
}
