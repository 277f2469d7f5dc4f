// Turns log bytes into text that cannot hurt anything downstream: invalid UTF-8 becomes U+FFFD
// (never an exception), NUL bytes are dropped (PostgreSQL text and C strings choke on them), and a
// tail cut mid-line starts at the next full line so no pattern sees half a line.

export interface Decoded {
  text: string;
  /** Extra head bytes dropped to start on a line boundary (0 when nothing was skipped before). */
  droppedBytes: number;
  /** 1 when that drop ended at a line break, else 0 (for line numbers relative to the whole log). */
  droppedLines: number;
}

export function decodeLog(bytes: Uint8Array, headWasSkipped: boolean): Decoded {
  const { kept, droppedBytes, droppedLines } = wholeLines(bytes, headWasSkipped);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(kept);
  // memchr first: a pass over a 64 MB string costs more than one over its bytes.
  const hasNul = Buffer.from(kept.buffer, kept.byteOffset, kept.byteLength).indexOf(0) !== -1;
  return { text: hasNul ? text.replaceAll("\u0000", "") : text, droppedBytes, droppedLines };
}

/** The bytes from the first whole line on, when the head was skipped (no pass over the text). */
export function wholeLines(bytes: Uint8Array, headWasSkipped: boolean): { kept: Uint8Array; droppedBytes: number; droppedLines: number } {
  let start = 0;
  let droppedLines = 0;
  if (headWasSkipped) {
    const nl = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(0x0a);
    if (nl !== -1) {
      start = nl + 1;
      droppedLines = 1;
    }
    // One unbroken line longer than the cap: keep it, minus a split multi-byte character.
    else while (start < bytes.length && start < 3 && ((bytes[start] as number) & 0xc0) === 0x80) start++;
  }
  return { kept: bytes.subarray(start), droppedBytes: start, droppedLines };
}
