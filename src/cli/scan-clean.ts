// What the probe scan of a chunk reads. It only has to find every probe that matches some line of
// the cleaned log (cleanBytes), since each candidate is confirmed on its normalised line later; it
// need not be the cleaned log itself, whose escapes and redraws cost a copy of every chunk. So, in
// the chunk's own buffer: a line holding an escape or a NUL is replaced by cleanBytes of that line
// alone (its cleaned line: escapes never cross a newline, a redraw rewinds only to its line start),
// and every other CR becomes a newline: a redrawn line then stands as its segments, the last of
// which is the line cleanBytes keeps (the overwritten ones are extra candidates, never lost ones).
import { cleanBytes } from "../logs/clean-bytes.js";

const LF = 0x0a;
const CR = 0x0d;
const ESC = 0x1b;
const NUL = 0x00;

const CSI = 0x5b; // "[" after ESC

/** True when the only special bytes of the line are CSI escapes (colours: the common case). */
function onlyCsi(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c === CR || c === NUL || (c === ESC && buf[i + 1] !== CSI)) return false;
  }
  return true;
}

/**
 * Copies the line to `w` without its CSI escapes, as cleanBytes does (ECMA-48: parameter and
 * intermediate bytes 0x20-0x3F, then one final byte 0x40-0x7E); returns the new write position.
 * A byte loop: colour codes come several to a line, and a call per escape costs more.
 */
function stripCsi(buf: Buffer, start: number, end: number, w: number): number {
  for (let i = start; i < end; ) {
    if (buf[i] !== ESC) {
      buf[w++] = buf[i++] as number;
      continue;
    }
    i += 2;
    while (i < end && (buf[i] as number) >= 0x20 && (buf[i] as number) <= 0x3f) i++;
    if (i < end && (buf[i] as number) >= 0x40 && (buf[i] as number) <= 0x7e) i++;
  }
  return w;
}

/** Cleans `buf` in place for the probe scan; returns the cleaned part (a view of `buf`). */
export function cleanForScan(buf: Buffer): Buffer {
  const n = buf.length;
  const next = (byte: number, from: number) => {
    const i = buf.indexOf(byte, from);
    return i === -1 ? n : i;
  };
  let w = 0; // cleaned bytes so far, at the start of buf
  let r = 0; // input before r is done; always a line start or the end
  let nextEsc = next(ESC, 0);
  let nextNul = next(NUL, 0);
  for (let p = Math.min(nextEsc, nextNul); p < n; p = Math.min(nextEsc, nextNul)) {
    const start = buf.lastIndexOf(LF, p) + 1; // at or after r: looks back no further than it copies
    const nl = buf.indexOf(LF, p);
    const end = nl === -1 ? n : nl;
    if (w !== r) buf.copyWithin(w, r, start);
    w += start - r;
    // Either way no longer than the line it replaces: input not yet read stays intact.
    if (onlyCsi(buf, start, end)) w = stripCsi(buf, start, end, w);
    else w += cleanBytes(buf.subarray(start, end)).copy(buf, w); // a copy: it changes something
    r = end;
    if (nextEsc < r) nextEsc = next(ESC, r);
    if (nextNul < r) nextNul = next(NUL, r);
  }
  if (w !== r) buf.copyWithin(w, r, n);
  w += n - r;
  const out = buf.subarray(0, w);
  for (let p = out.indexOf(CR); p !== -1; p = out.indexOf(CR, p + 1)) out[p] = LF;
  return out;
}
