// A log's text as UTF-8 bytes in one buffer of its own (so it can be transferred to a worker thread
// without a copy), encoded a slice at a time so a 64 MB log does not hold the event loop.
import { setImmediate as nextTurn } from "node:timers/promises";

const SLICE_CHARS = 4 * 1024 * 1024;

export async function encodeUtf8Yielding(text: string): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + SLICE_CHARS);
    const last = text.charCodeAt(to - 1);
    if (to < text.length && last >= 0xd800 && last <= 0xdbff) to--; // never between a surrogate pair's halves
    parts.push(encoder.encode(text.slice(from, to)));
    from = to;
    await nextTurn();
  }
  if (parts.length === 1) return parts[0] as Uint8Array;
  // One copy of a few ms per 64 MB, rather than Buffer.byteLength's full pass up front.
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}
