// Byte-level clean-up shared by the in-memory normaliser and the streaming scanner, so both see
// the same text: ANSI/APC escape sequences (Buildkite's `ESC _bk;t=… BEL` stamps included), NUL
// bytes, CR before LF, and bare-CR progress lines (only the last redraw survives, as on a
// terminal). Newlines are never removed, so line N of the result is line N of the input.
import { setImmediate as nextTurn } from "node:timers/promises";

const ESC = 0x1b;
const CR = 0x0d;
const LF = 0x0a;
const NUL = 0x00;
const BEL = 0x07;

/** True when cleanBytes would change something: lets callers skip the copy for clean chunks. */
export function needsCleaning(buf: Uint8Array): boolean {
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  return b.indexOf(ESC) !== -1 || b.indexOf(CR) !== -1 || b.indexOf(NUL) !== -1;
}

/** Where the escape sequence starting at `p` (an ESC byte) ends, exclusive; never crosses a newline. */
function escapeEnd(b: Uint8Array, p: number): number {
  const n = b.length;
  const kind = b[p + 1];
  if (kind === undefined || kind === LF) return p + 1;
  if (kind === 0x5b /* [ CSI */) {
    let i = p + 2;
    while (i < n && (b[i] as number) >= 0x20 && (b[i] as number) <= 0x3f) i++;
    return i < n && (b[i] as number) >= 0x40 && (b[i] as number) <= 0x7e ? i + 1 : i;
  }
  // OSC, DCS, SOS, PM, APC: a string terminated by BEL or ESC \ (Buildkite stamps are APC).
  if (kind === 0x5d || kind === 0x50 || kind === 0x58 || kind === 0x5e || kind === 0x5f) {
    for (let i = p + 2; i < n; i++) {
      const c = b[i];
      if (c === BEL) return i + 1;
      if (c === ESC && b[i + 1] === 0x5c) return i + 2;
      if (c === LF) return i;
    }
    return n;
  }
  // Character-set designations and other two/three-byte sequences (ESC ( B, ESC =, …).
  let i = p + 1;
  while (i < n && (b[i] as number) >= 0x20 && (b[i] as number) <= 0x2f) i++;
  return i < n && b[i] !== LF ? i + 1 : i;
}

function nextOf(b: Buffer, byte: number, from: number): number {
  const i = b.indexOf(byte, from);
  return i === -1 ? Number.MAX_SAFE_INTEGER : i;
}

/** Where the line holding out[w - 1] begins, knowing it begins at or after `from`. */
function lineStartIn(out: Buffer, from: number, w: number): number {
  for (let i = w - 1; i >= from; i--) if (out[i] === LF) return i + 1;
  return from;
}

function asBuffer(buf: Uint8Array): Buffer {
  return Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * The clean-up of `b` as resumable work: run(until) cleans on until the input before `until` is
 * done and says whether all of it is. Linear: it jumps from special byte to special byte with
 * indexOf (memchr) and copies the runs between them; a bare CR looks back for its line start only
 * through the text written since the previous one.
 */
function cleaner(b: Buffer): { run(until: number): boolean; result(): Buffer } {
  const out = Buffer.allocUnsafe(b.length);
  let w = 0;
  let lineStart = 0; // in `out`: the current line begins at or after it (bare CR rewinds to it)
  let r = 0;
  let nextEsc = nextOf(b, ESC, 0);
  let nextCr = nextOf(b, CR, 0);
  let nextNul = nextOf(b, NUL, 0);
  let done = false;
  const run = (until: number): boolean => {
    while (!done) {
      const p = Math.min(nextEsc, nextCr, nextNul);
      if (p === Number.MAX_SAFE_INTEGER) {
        if (r < b.length) w += b.copy(out, w, r, b.length);
        done = true;
        break;
      }
      if (p >= until) break;
      if (p > r) w += b.copy(out, w, r, p);
      if (p === nextEsc) {
        r = escapeEnd(b, p);
        nextEsc = nextOf(b, ESC, r);
      } else if (p === nextCr) {
        r = p + 1;
        let q = r;
        while (b[q] === CR) q++;
        // CR(s) right before LF or the end is a line ending; anything else is a redraw.
        if (q < b.length && b[q] !== LF) {
          lineStart = lineStartIn(out, lineStart, w);
          w = lineStart;
        }
        r = q;
        nextCr = nextOf(b, CR, r);
      } else {
        r = p + 1;
        nextNul = nextOf(b, NUL, r);
      }
      if (nextEsc < r) nextEsc = nextOf(b, ESC, r);
      if (nextCr < r) nextCr = nextOf(b, CR, r);
      if (nextNul < r) nextNul = nextOf(b, NUL, r);
    }
    return done;
  };
  return { run, result: () => out.subarray(0, w) };
}

/** Returns `buf` itself when nothing needs changing, else a cleaned copy. */
export function cleanBytes(buf: Uint8Array): Buffer {
  const b = asBuffer(buf);
  if (!needsCleaning(b)) return b;
  const work = cleaner(b);
  work.run(Number.MAX_SAFE_INTEGER);
  return work.result();
}

/** Work between two turns of the event loop, in ms. */
const SLICE_MS = 10;
/** Bytes of the first slice: small, since the cleaner's code is not yet optimised (a cold 4 MB slice held the loop 100 ms). */
const FIRST_SLICE_BYTES = 256 * 1024;
const MAX_SLICE_BYTES = 16 * 1024 * 1024;

/**
 * cleanBytes for the server: the same result, with a turn of the event loop after every slice. Each
 * slice's size follows the speed of the one before (at most doubling), so a slice takes about
 * SLICE_MS whether the code is cold, the input dense with escapes, or the machine busy.
 */
export async function cleanBytesYielding(buf: Uint8Array): Promise<Buffer> {
  const b = asBuffer(buf);
  if (!needsCleaning(b)) return b;
  const work = cleaner(b);
  let slice = FIRST_SLICE_BYTES;
  for (let until = slice; ; until += slice) {
    const started = performance.now();
    if (work.run(until)) break;
    const ms = performance.now() - started;
    slice = Math.round(Math.min(MAX_SLICE_BYTES, 2 * slice, Math.max(FIRST_SLICE_BYTES / 4, (slice * SLICE_MS) / Math.max(ms, 0.01))));
    await nextTurn();
  }
  return work.result();
}
