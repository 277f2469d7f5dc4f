// A TextSource over a file scanned in chunks: only chunks a probe may match in are read back
// and normalised, a few at a time (small cache), so a 1 GB log never sits in memory.
import { readSync } from "node:fs";
import type { Segment, TextSource } from "../classify/textSource.js";
import { normaliseText } from "../logs/normalise.js";
import type { LogFormat } from "../logs/linePrefix.js";
import type { ChunkRecord } from "./scanRange.js";

interface Placed extends ChunkRecord {
  firstLine: number;
  lastLine: number;
}

const CACHE = 4;

export function streamTextSource(fd: number, records: ChunkRecord[], format: LogFormat, lineCount: number): TextSource {
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
    const segment = { firstLine: r.firstLine, text: normaliseText(buf, format) };
    if (cache.size >= CACHE) cache.delete(cache.keys().next().value as number);
    cache.set(i, segment);
    return segment;
  }

  function lineText(n: number): string {
    const i = placed.findIndex((p) => n >= p.firstLine && n <= p.lastLine);
    if (i === -1) return "";
    const seg = load(i);
    let start = 0;
    for (let k = seg.firstLine; k < n; k++) start = seg.text.indexOf("\n", start) + 1;
    const end = seg.text.indexOf("\n", start);
    return seg.text.slice(start, end === -1 ? seg.text.length : end);
  }

  return {
    lineCount,
    *candidates(probe, from, to) {
      for (let i = 0; i < placed.length; i++) {
        const p = placed[i] as Placed;
        if (p.lastLine >= from && p.firstLine <= to && p.hits.includes(probe)) yield load(i);
      }
    },
    text(from, to, maxChars) {
      // The tail of the range, chunk by chunk from the end, until maxChars.
      const parts: Segment[] = [];
      let size = 0;
      for (let i = placed.length - 1; i >= 0 && size < maxChars; i--) {
        const p = placed[i] as Placed;
        if (p.firstLine > to || p.lastLine < from) continue;
        const seg = load(i);
        parts.unshift(seg);
        size += seg.text.length;
      }
      if (parts.length === 0) return { firstLine: from, text: "" };
      const text = parts.map((s) => (s.text.endsWith("\n") ? s.text : `${s.text}\n`)).join("");
      const lines = text.split("\n");
      const first = (parts[0] as Segment).firstLine;
      const a = Math.max(from, first) - first;
      const b = Math.min(to, first + lines.length - 1) - first;
      return { firstLine: first + a, text: lines.slice(a, b + 1).join("\n") };
    },
    line: lineText,
  };
}
