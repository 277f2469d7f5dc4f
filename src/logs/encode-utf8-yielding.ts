// A log's text as UTF-8 bytes in one buffer of its own (so it can be transferred to a worker thread
// without a copy), encoded a slice at a time so a 64 MB log does not hold the event loop.
import { setImmediate as nextTurn } from "node:timers/promises";

const SLICE_CHARS = 4 * 1024 * 1024;

export async function encodeUtf8Yielding(text: string): Promise<Uint8Array> {
  const bytes = new Uint8Array(Buffer.byteLength(text, "utf8"));
  const encoder = new TextEncoder();
  let written = 0;
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + SLICE_CHARS);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--; // never between a surrogate pair's halves
    written += encoder.encodeInto(text.slice(from, to), bytes.subarray(written)).written;
    from = to;
    if (from < text.length) await nextTurn();
  }
  return bytes;
}
