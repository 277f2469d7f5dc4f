// From "this segment may match" to the exact line: scan the segment with the probe's regex,
// then confirm on the single line (a match that only works across lines does not count) and
// apply `unless` to that same line.
import type { Probe } from "./compile.js";
import type { RE2 } from "./regex.js";
import type { Segment, TextSource } from "./textSource.js";

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

function* inSegment(probe: Probe, seg: Segment, from: number, to: number, options: LocateOptions): Generator<Located> {
  const re = probe.scan;
  const text = seg.text;
  let line = seg.firstLine;
  let counted = 0; // offset up to which newlines are counted into `line`
  re.lastIndex = 0;
  while (re.lastIndex <= text.length) {
    const m = re.exec(text);
    if (!m) return;
    for (let p = text.indexOf("\n", counted); p !== -1 && p < m.index; p = text.indexOf("\n", p + 1)) {
      line++;
      counted = p + 1;
    }
    const lineStart = text.lastIndexOf("\n", m.index - 1) + 1;
    const nl = text.indexOf("\n", m.index);
    const lineEnd = nl === -1 ? text.length : nl;
    re.lastIndex = lineEnd + 1; // at most one hit per line; also steps over empty matches
    if (line < from) continue;
    if (line > to) return;
    const lineText = text.slice(lineStart, lineEnd);
    const confirm = probe.line.exec(lineText);
    if (!confirm) continue;
    if (options.unless?.test(lineText)) continue;
    if (options.skip?.test(lineText)) continue;
    yield { line, text: lineText, matched: confirm[0] };
  }
}

/** Confirmed matches of `probe` within lines from..to, in line order. */
export function* locate(source: TextSource, probes: readonly Probe[], index: number, from: number, to: number, options: LocateOptions = {}): Generator<Located> {
  const probe = probes[index] as Probe;
  let found = 0;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  for (const seg of source.candidates(index, from, to)) {
    for (const hit of inSegment(probe, seg, from, to, options)) {
      yield hit;
      if (++found >= limit) return;
    }
  }
}

export function locateFirst(source: TextSource, probes: readonly Probe[], index: number, from: number, to: number, options: LocateOptions = {}): Located | undefined {
  for (const hit of locate(source, probes, index, from, to, { ...options, limit: 1 })) return hit;
  return undefined;
}

/** First match of a multiline regex in lines from..to: the line where the match starts. */
export function locateMultiline(source: TextSource, re: RE2, from: number, to: number, unless?: RE2, maxChars = 8 << 20): Located | undefined {
  const seg = source.text(from, to, maxChars);
  re.lastIndex = 0;
  for (let m = re.exec(seg.text); m; m = re.exec(seg.text)) {
    if (m[0].length === 0) re.lastIndex++;
    let line = seg.firstLine;
    for (let p = seg.text.indexOf("\n"); p !== -1 && p < m.index; p = seg.text.indexOf("\n", p + 1)) line++;
    const start = seg.text.lastIndexOf("\n", m.index - 1) + 1;
    const nl = seg.text.indexOf("\n", m.index);
    const lineText = seg.text.slice(start, nl === -1 ? seg.text.length : nl);
    if (unless?.test(lineText)) continue;
    return { line, text: lineText, matched: m[0] };
  }
  return undefined;
}
