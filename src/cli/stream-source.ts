// A TextSource over a file scanned in chunks: only chunks a probe may match in are read back,
// cleaned (escapes, CR, NUL) and kept as bytes with their line prefixes; only the lines that
// match are decoded and stripped. A few chunks are cached, so a 1 GB log never sits in memory.
// The scan found the whole-log probes; a lazy probe (a pick rank, only looked for in the failing
// step) is looked for in a chunk the first time the chunk is asked about, and remembered.
import { readSync } from "node:fs";
import type { CompiledPatternSet } from "../classify/compile.js";
import { rawLazySources } from "../classify/raw-scan.js";
import { compileRegexSet } from "../classify/regex.js";
import type { Segment, TextSource } from "../classify/text-source.js";
import { cleanBytes } from "../logs/clean-bytes.js";
import { stripLinePrefixes, type LogFormat } from "../logs/line-prefix.js";
import type { ChunkRecord } from "./scan-range.js";

interface Placed extends ChunkRecord {
  firstLine: number;
  lastLine: number;
  /** Lazy probes that may match in the chunk, once looked for. */
  lazyHits?: number[];
}

const CACHE = 4;

export function streamTextSource(fd: number, records: ChunkRecord[], format: LogFormat, lineCount: number, compiled: CompiledPatternSet): TextSource {
  const placed: Placed[] = [];
  let line = 1;
  for (const r of records) {
    placed.push({ ...r, firstLine: line, lastLine: line + Math.max(0, r.lines - 1) });
    line += r.lines;
  }
  const last = placed[placed.length - 1];
  if (last && lineCount > last.lastLine) last.lastLine = lineCount;
  const cache = new Map<number, Segment>();

  function load(i: number): Segment {
    const hit = cache.get(i);
    if (hit) return hit;
    const r = placed[i] as Placed;
    const buf = Buffer.allocUnsafe(r.end - r.start);
    readSync(fd, buf, 0, buf.length, r.start);
    const segment = { firstLine: r.firstLine, bytes: cleanBytes(buf) };
    if (cache.size >= CACHE) cache.delete(cache.keys().next().value as number);
    cache.set(i, segment);
    return segment;
  }

  let lazySet: ReturnType<typeof compileRegexSet> | undefined;
  function hitsOf(i: number, probe: number): readonly number[] {
    const p = placed[i] as Placed;
    if (probe < compiled.lazyFrom) return p.hits;
    lazySet ??= compileRegexSet(rawLazySources(compiled, format));
    p.lazyHits ??= (lazySet.match(load(i).bytes) as number[]).map((k) => compiled.lazyFrom + k);
    return p.lazyHits;
  }

  const chunkOf = (n: number) => placed.findIndex((p) => n >= p.firstLine && n <= p.lastLine);

  /** Lines from..to of one chunk, normalised. */
  function linesOf(i: number, from: number, to: number): string[] {
    const seg = load(i);
    const out: string[] = [];
    let start = 0;
    for (let n = seg.firstLine; n <= to && start <= seg.bytes.length; n++) {
      const nl = seg.bytes.indexOf(10, start);
      const end = nl === -1 ? seg.bytes.length : nl;
      if (n >= from) out.push(stripLinePrefixes(seg.bytes.toString("utf8", start, end), format));
      if (nl === -1) break;
      start = nl + 1;
    }
    return out;
  }

  return {
    lineCount,
    prefix: format,
    *candidates(probe, from, to, reverse = false) {
      for (let k = 0; k < placed.length; k++) {
        const i = reverse ? placed.length - 1 - k : k;
        const p = placed[i] as Placed;
        if (p.lastLine >= from && p.firstLine <= to && hitsOf(i, probe).includes(probe)) yield load(i);
      }
    },
    text(from, to, maxChars) {
      // The tail of the range, chunk by chunk from its end, until maxChars.
      const parts: string[][] = [];
      let size = 0;
      let first = to + 1;
      for (let i = chunkOf(Math.min(to, lineCount)); i >= 0 && size < maxChars; i--) {
        const p = placed[i] as Placed;
        if (p.lastLine < from) break;
        const a = Math.max(from, p.firstLine);
        const lines = linesOf(i, a, Math.min(to, p.lastLine));
        parts.unshift(lines);
        size += lines.reduce((n, l) => n + l.length + 1, 0);
        first = a;
      }
      return { firstLine: first, text: parts.flat().join("\n") };
    },
    line(n) {
      const i = chunkOf(n);
      return i === -1 ? "" : (linesOf(i, n, n)[0] ?? "");
    },
  };
}
