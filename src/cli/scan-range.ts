// Scans a byte range of a log file in chunks that end on line boundaries: per chunk, which
// probes may match and how many lines it holds. Reads through one reusable buffer, cleaned in
// place for the scan, so memory stays flat whatever the file size.
import { readSync } from "node:fs";
import type { RawSet } from "../classify/raw-scan.js";
import { cleanForScan } from "./scan-clean.js";

export interface ChunkRecord {
  start: number;
  end: number;
  /** Newlines in the chunk. */
  lines: number;
  hits: number[];
}

export const CHUNK_BYTES = 1 << 18;

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let p = buf.indexOf(10); p !== -1; p = buf.indexOf(10, p + 1)) n++;
  return n;
}

/**
 * One read buffer per thread and chunk size, reused by every range: a fresh megabyte per range costs
 * its page faults again (measured: a third of the time spent reading).
 */
const buffers = new Map<number, Buffer>();

/** `start` must be a line start; the range ends at `end` (a line start or the end of the file). */
export function scanRange(fd: number, start: number, end: number, set: RawSet, chunkBytes = CHUNK_BYTES): ChunkRecord[] {
  const records: ChunkRecord[] = [];
  let buf = buffers.get(chunkBytes);
  if (!buf) buffers.set(chunkBytes, (buf = Buffer.allocUnsafe(chunkBytes)));
  for (let pos = start; pos < end; ) {
    const n = readSync(fd, buf, 0, Math.min(chunkBytes, end - pos), pos);
    if (n <= 0) break;
    let len = n;
    if (pos + n < end) {
      const nl = buf.lastIndexOf(10, n - 1);
      if (nl !== -1) len = nl + 1; // else one line longer than a chunk: split it, lines stay counted by "\n"
    }
    const view = buf.subarray(0, len);
    const lines = countNewlines(view); // before cleaning, which turns CRs into newlines
    records.push({ start: pos, end: pos + len, lines, hits: set.match(cleanForScan(view)) });
    pos += len;
  }
  return records;
}

/** The first line start at or after `offset` (offset itself when it is 0 or follows a newline). */
export function lineStartAtOrAfter(fd: number, offset: number, size: number): number {
  if (offset <= 0) return 0;
  const buf = Buffer.allocUnsafe(4096); // lines are short: one read almost always finds the newline
  for (let pos = offset - 1; pos < size; pos += buf.length) {
    const n = readSync(fd, buf, 0, buf.length, pos);
    if (n <= 0) break;
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl !== -1) return pos + nl + 1;
  }
  return size;
}
